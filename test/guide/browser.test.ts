/// <reference lib="dom" />
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../shared.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn('[kblint tests] /usr/bin/chromium is absent (apt-get install chromium): the browser tests are skipped.');

const OUT = join(PROJECT, 'test-output');
const SITE = join(OUT, 'site');
const SHOTS = join(OUT, 'screenshots');
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

const kblint = (args: string[]) => spawnSync(process.execPath, [join(PROJECT, 'dist/cli/bin.js'), ...args], { cwd: PROJECT, encoding: 'utf8' });

describe.skipIf(!HAS_CHROMIUM)('the pages in a real browser (headless Chromium)', () => {
  let browser: Browser;
  const requests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    rmSync(SITE, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    expect(kblint(['guide', '--locale', 'nl,en', '--out', SITE, '--content', 'content', '--content', 'test/fixtures/hostile']).status).toBe(0);
    // A manifest whose group and computer names carry markup: it must show as text.
    const hostile = join(OUT, 'hostile.yaml');
    writeFileSync(hostile, 'groups:\n  - name: "<script>window.__pwned=4</script>"\n    computers: ["<img/src=x/onerror=window.__pwned=5>"]\n    os: { version: "6.0" }\n    method: group-policy\n');
    for (const locale of ['en', 'nl']) {
      for (const [file, name] of [[join(PROJECT, 'examples/violating.yaml'), 'report'], [hostile, 'hostile']] as const) {
        const r = kblint(['check', file, '--format', 'html', '--locale', locale, '--output', join(SITE, `${name}-${locale}.html`), '--guide-url', `${locale}/`]);
        expect(r.status, r.stderr).toBe(1);
      }
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string, width = 1280, height = 900): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('file://')) return route.continue();
      requests.push(u);
      return route.abort();
    });
    await page.goto(url);
    return page;
  }

  /** axe-core on the open page: serious and critical violations only. */
  async function serious(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes})`);
  }

  it('follows every internal link from the root index; every page is in its language', async () => {
    const start = pathToFileURL(join(SITE, 'index.html')).href;
    const seen = new Set<string>([start]);
    const queue = [start];
    // One tab for the whole crawl: a navigation costs far less than a new page.
    const page = await open(start);
    while (queue.length) {
      const url = queue.shift()!;
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.lang), url).toMatch(/^(en|nl)$/);
      expect(await page.title(), url).toMatch(/· kblint$/);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        if (!href.startsWith('file://')) continue;
        const clean = href.split('#')[0]!;
        expect(existsSync(new URL(clean)), `${url} → ${clean}`).toBe(true);
        if (!seen.has(clean)) {
          seen.add(clean);
          queue.push(clean);
        }
      }
    }
    await page.close();
    // Both languages' pages are reached from the root and through the switcher.
    expect([...seen].filter((u) => u.includes('/nl/')).length).toBe([...seen].filter((u) => u.includes('/en/')).length);
    expect(seen.size).toBeGreaterThan(30);
    expect(requests).toEqual([]);
  }, 300_000);

  it.each(['en', 'nl'])('shows the %s report, with its chart, and links to rule pages that exist', { timeout: 120_000 }, async (locale) => {
    const page = await open(pathToFileURL(join(SITE, `report-${locale}.html`)).href);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    expect(await page.$$eval('figure svg rect', (r) => r.length)).toBeGreaterThan(4);
    const rules = await page.$$eval('a[href*="rule-"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(rules.length).toBeGreaterThan(5);
    const other = locale === 'en' ? 'nl' : 'en';
    expect(await page.$eval(`a[hreflang="${other}"]`, (a) => (a as HTMLAnchorElement).href)).toBe(pathToFileURL(join(SITE, `report-${other}.html`)).href);
    for (const r of rules) expect(existsSync(new URL(r)), r).toBe(true);
    await page.screenshot({ path: join(SHOTS, `report-${locale}-desktop.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, `report-${locale}-phone.png`), fullPage: true });
    expect(await serious(page)).toEqual([]);
    await page.close();
  });

  it('never runs script from an article or a target name', async () => {
    for (const file of ['hostile-en.html', 'hostile-nl.html', 'en/article-eeeeeeee-0000-4000-8000-000000000001.html']) {
      const page = await open(pathToFileURL(join(SITE, file)).href);
      await page.mouse.move(200, 400);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), file).toBeUndefined();
      expect(await page.textContent('body'), file).toMatch(/<script>window\.__pwned=|<script>window\.__pwned = /);
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.each(['en', 'nl'])('reads well on a phone and passes axe on the %s index, an article, a rule and a checklist', { timeout: 300_000 }, async (locale) => {
    for (const name of ['index', 'article-4b8dd930-4105-4e73-918c-12d2b05d5fb5', 'rule-clusters-reachable-on-documented-ports', 'checklist-startup-script']) {
      const page = await open(pathToFileURL(join(SITE, locale, `${name}.html`)).href, 390, 844);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
      expect(await serious(page), name).toEqual([]);
      // Screenshots to look at: phone and desktop.
      const shot = name.replace(/-[0-9a-f]{8}-.*$/, '').replace(/^rule-.*/, 'rule');
      await page.screenshot({ path: join(SHOTS, `${shot}-${locale}-phone.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${shot}-${locale}-desktop.png`), fullPage: true });
      await page.close();
    }
  });
});
