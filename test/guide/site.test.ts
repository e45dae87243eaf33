import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/guide/catalog.js';
import { writeSite } from '../../src/guide/site.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

describe('message catalogs', () => {
  const locales = Object.keys(CATALOGS) as (keyof typeof CATALOGS)[];
  it.each(locales.flatMap((a) => locales.filter((b) => b !== a).map((b) => [a, b])))('%s has every key %s has', (a, b) => {
    const missing = Object.keys(CATALOGS[b]).filter((k) => !(k in CATALOGS[a]));
    expect(missing).toEqual([]);
  });
});

/** Every `href` of every HTML page under `root`, with the page it is on. */
function links(root: string): { page: string; href: string }[] {
  const out: { page: string; href: string }[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const page = join(entry.parentPath, entry.name);
    for (const m of readFileSync(page, 'utf8').matchAll(/\shref="([^"]*)"/g)) out.push({ page, href: m[1]! });
  }
  return out;
}

describe('the guidance site', async () => {
  const out = mkdtempSync(join(tmpdir(), 'kblint-site-'));
  const { kb } = await buildKnowledgeBase([`${PROJECT}content`, `${PROJECT}test/fixtures/hostile`], { cwd: PROJECT });
  const { compiled } = compileRules(await loadRules(), kb);
  const files = await writeSite(kb, compiled, ['nl', 'en'], out);

  it('has an index, article, rule and checklist pages per locale, in HTML and markdown', () => {
    const names = readdirSync(join(out, 'en')).sort();
    expect(names.filter((n) => n.endsWith('.html'))).toEqual([
      'article-4b8dd930-4105-4e73-918c-12d2b05d5fb5.html',
      'article-eeeeeeee-0000-4000-8000-000000000001.html',
      'checklist-group-policy.html',
      'checklist-sms.html',
      'checklist-startup-script.html',
      'checklist-windows-update.html',
      'index.html',
      ...compiled.map((r) => `rule-${r.spec.id}.html`),
    ]);
    expect(files).toHaveLength(2 * 2 * names.filter((n) => n.endsWith('.html')).length);
    expect(readdirSync(join(out, 'nl'))).toEqual(readdirSync(join(out, 'en')));
  });

  it('links only to pages that exist, and to the same page in the other locale', () => {
    const all = links(out);
    const internal = all.filter((l) => !/^https?:/.test(l.href));
    expect(internal.length).toBeGreaterThan(100);
    const broken = internal.filter((l) => !existsSync(resolve(dirname(l.page), l.href.split('#')[0]!)));
    expect(broken).toEqual([]);
    const switcher = all.filter((l) => l.page.endsWith(`${join('nl', 'index.html')}`) && l.href === '../en/index.html');
    expect(switcher).toHaveLength(1);
    // The only external links are the original articles' own addresses.
    expect([...new Set(all.filter((l) => /^https?:/.test(l.href)).map((l) => l.href))]).toEqual(['https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)']);
  });

  it('quotes the article in its own language, with lang attributes and the Dutch page in Dutch', () => {
    const page = readFileSync(join(out, 'en', 'article-4b8dd930-4105-4e73-918c-12d2b05d5fb5.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    expect(page).toContain('<blockquote lang="nl-NL"><p>Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.</p>');
    expect(page).toContain('Quoted from the Dutch version: this article has no English version.');
    const nl = readFileSync(join(out, 'nl', 'rule-windows-update-needs-local-admin.html'), 'utf8');
    expect(nl).toContain('<h2>Waarom: de documentatie zegt</h2>');
    expect(nl).toContain('Ernst: fout');
  });

  it('writes valid HTML (html-validate, recommended rules)', async () => {
    // hast-util-to-html writes `<!doctype html>`; lower case is valid HTML, the upper-case rule is style.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'], rules: { 'doctype-style': 'off' } });
    const problems: string[] = [];
    for (const locale of ['en', 'nl']) {
      for (const name of readdirSync(join(out, locale)).filter((n) => n.endsWith('.html'))) {
        const report = await validator.validateString(readFileSync(join(out, locale, name), 'utf8'));
        for (const r of report.results) for (const m of r.messages) problems.push(`${locale}/${name}:${m.line}: ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows hostile article text as text: no script, no event handler, no javascript: URL', () => {
    for (const locale of ['en', 'nl']) {
      for (const name of readdirSync(join(out, locale)).filter((n) => n.endsWith('.html'))) {
        const html = readFileSync(join(out, locale, name), 'utf8');
        expect(html, name).not.toMatch(/<script|\son\w+=|javascript:/i);
      }
    }
    const evil = readFileSync(join(out, 'en', 'article-eeeeeeee-0000-4000-8000-000000000001.html'), 'utf8');
    expect(evil).toContain('U moet &#x3C;script>window.__pwned = 1&#x3C;/script> lezen');
    expect(evil).toContain('<title>Evil &#x3C;script>alert(1)&#x3C;/script> article · kblint</title>');
  });
});
