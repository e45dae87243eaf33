/// <reference lib="dom" />
/**
 * WHOLE-CORPUS BROWSER TEST (end-to-end; minutes, not seconds): the guidance site for all Dutch RMS
 * articles in `../shared/corpus/rms/nl-nl`, in nl and en, opened page by page in one headless
 * Chromium. Part of `npm run test:e2e` (listed in vitest.config.ts), never of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, SHARED } from '../shared.js';

const CHROMIUM = '/usr/bin/chromium';
const CORPUS = join(SHARED, 'corpus/rms/nl-nl');
const HAS_CORPUS = existsSync(CORPUS);
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CORPUS) console.warn(`[kblint tests] ${CORPUS} is absent: the whole-corpus guide tests are skipped.`);
else if (!HAS_CHROMIUM) console.warn('[kblint tests] /usr/bin/chromium is absent (apt-get install chromium): the whole-corpus browser test is skipped.');

const OUT = join(PROJECT, 'test-output');
const SITE = join(OUT, 'corpus-site');
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const PHONE = { width: 390, height: 844 };

/** Every HTML page under the site, as file paths. */
const htmlPages = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();

describe.skipIf(!HAS_CORPUS)('kblint guide over all 307 Dutch RMS articles', () => {
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    rmSync(SITE, { recursive: true, force: true });
    run = spawnSync(process.execPath, [join(PROJECT, 'dist/cli/bin.js'), 'guide', '--content', CORPUS, '--locale', 'nl,en', '--out', SITE], { cwd: PROJECT, encoding: 'utf8' });
  }, 120_000);

  it('exits 0 and writes a page for every article in both locales, and a root index', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    const articles = readdirSync(CORPUS).filter((n) => n.endsWith('.md')).length;
    for (const locale of ['nl', 'en']) {
      const names = readdirSync(join(SITE, locale));
      expect(names.filter((n) => /^article-.*\.html$/.test(n)), locale).toHaveLength(articles);
      expect(names.filter((n) => /^article-.*\.md$/.test(n)), locale).toHaveLength(articles);
    }
    const root = readFileSync(join(SITE, 'index.html'), 'utf8');
    expect(root).toContain('href="nl/index.html"');
    expect(root).toContain('href="en/index.html"');
    expect(String(run.stdout)).toMatch(/^.*: \d+ pages in nl, en \(HTML and markdown\) from 307 articles in \d+\.\d s\n$/);
  });

  describe.skipIf(!HAS_CHROMIUM)('every page in headless Chromium at phone width', () => {
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      // One page for the whole run: navigating is far cheaper than opening a page per file.
      page = await browser.newPage({ viewport: PHONE });
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith('file://')) return route.continue();
        requests.push(u);
        return route.abort();
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('fits 390 px, has no serious or critical axe violation, and every internal link resolves', async () => {
      const pages = htmlPages(SITE);
      const problems: string[] = [];
      let folder = '';
      for (const file of pages) {
        const name = file.slice(SITE.length + 1);
        if (dirname(file) !== folder) {
          // A real navigation per folder, so that links resolve against it; axe-core is injected once there.
          folder = dirname(file);
          await page.goto(pathToFileURL(file).href);
          await page.addScriptTag({ content: axeSource });
        }
        // Each page is then written into that document (document.open keeps the window, and so axe-core,
        // whose compilation costs more than a check): the same HTML, parsed as a whole document.
        await page.evaluate((html) => {
          document.open();
          document.write(html);
          document.close();
        }, readFileSync(file, 'utf8'));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) problems.push(`${name}: ${width} px wide`);
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          if (href.startsWith('file://') && !existsSync(new URL(href.split('#')[0]!))) problems.push(`${name}: broken link ${href}`);
        }
        const violations = await page.evaluate(async () => {
          type Rule = { id: string; impact?: string; enabled?: boolean };
          const axe = (window as unknown as { axe: { _audit: { rules: Rule[] }; run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          // Of the rules axe runs by default (not the AAA and experimental ones), those that can report
          // a serious or critical violation.
          const rules = axe._audit.rules.filter((r) => r.enabled !== false && (r.impact === 'serious' || r.impact === 'critical')).map((r) => r.id);
          const result = await axe.run({ resultTypes: ['violations'], runOnly: { type: 'rule', values: rules } });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
        });
        for (const v of violations) problems.push(`${name}: axe ${v}`);
      }
      console.log(`[kblint tests] corpus site: ${pages.length} pages checked in Chromium at ${PHONE.width} px`);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(pages.length).toBeGreaterThan(2 * 307);
    }, 1_800_000);
  });
});
