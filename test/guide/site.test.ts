import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/guide/catalog.js';
import { writeSite } from '../../src/guide/site.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules } from '../../src/lint/index.js';
import { readNotCheckable } from '../../src/guide/context.js';
import { BUNDLED_RULES } from '../../src/lint/index.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

describe('message catalogs', () => {
  const locales = Object.keys(CATALOGS) as (keyof typeof CATALOGS)[];
  it.each(locales.flatMap((a) => locales.filter((b) => b !== a).map((b) => [a, b])))('%s has every key %s has', (a, b) => {
    const missing = Object.keys(CATALOGS[b]).filter((k) => !(k in CATALOGS[a]));
    expect(missing).toEqual([]);
  });
});

/** Every link target of every page with extension `ext` under `root`, with the page it is on. */
function links(root: string, ext: '.html' | '.md'): { page: string; href: string }[] {
  const out: { page: string; href: string }[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(ext)) continue;
    const page = join(entry.parentPath, entry.name);
    const re = ext === '.html' ? /\shref="([^"]*)"/g : /\]\(([^)\s]+)\)/g;
    for (const m of readFileSync(page, 'utf8').matchAll(re)) out.push({ page, href: decodeURIComponent(m[1]!) });
  }
  return out;
}

/** A page's text with markup, style and the auditors' details removed. */
const visibleOutsideDetails = (html: string) => html.replace(/<style>[^]*?<\/style>/, '').replace(/<details>[^]*?<\/details>/g, '').replace(/<[^>]+>/g, ' ');

async function site(inputs: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'kblint-site-'));
  const { kb } = await buildKnowledgeBase(inputs, { cwd: PROJECT });
  const { compiled } = compileRules(await loadRules(), kb);
  const files = await writeSite(kb, compiled, ['nl', 'en'], out, { notCheckable: readNotCheckable(BUNDLED_RULES), cwd: PROJECT });
  return { out, files, compiled, read: (p: string) => readFileSync(join(out, p), 'utf8') };
}

describe('the guidance site', async () => {
  const { out, files, compiled, read } = await site([`${PROJECT}content`, `${PROJECT}test/fixtures/hostile`]);
  const seed = 'article-4b8dd930-4105-4e73-918c-12d2b05d5fb5';

  it('has a root index, and an index, article, rule and checklist pages per locale, in HTML and markdown', () => {
    const names = readdirSync(join(out, 'en')).sort();
    expect(names.filter((n) => n.endsWith('.html'))).toEqual([
      `${seed}.html`,
      'article-eeeeeeee-0000-4000-8000-000000000001.html',
      'checklist-group-policy.html',
      'checklist-sms.html',
      'checklist-startup-script.html',
      'checklist-windows-update.html',
      'index.html',
      ...compiled.map((r) => `rule-${r.spec.id}.html`),
    ]);
    expect(files).toHaveLength(2 + 2 * 2 * names.filter((n) => n.endsWith('.html')).length);
    expect(readdirSync(join(out, 'nl'))).toEqual(readdirSync(join(out, 'en')));
    const root = read('index.html');
    expect(root).toContain('<a href="nl/index.html" lang="nl" hreflang="nl">Nederlands — Richtlijnen voor de uitrol van de RMS-client</a>');
    expect(root).toContain('<a href="en/index.html" lang="en" hreflang="en">English — RMS client rollout guidance</a>');
  });

  it('links only to pages that exist, and to the same page in the other locale', () => {
    const all = links(out, '.html');
    const internal = all.filter((l) => !/^https?:/.test(l.href));
    expect(internal.length).toBeGreaterThan(100);
    const broken = internal.filter((l) => !existsSync(resolve(dirname(l.page), l.href.split('#')[0]!)));
    expect(broken).toEqual([]);
    const switcher = all.filter((l) => l.page.endsWith(`${join('nl', 'index.html')}`) && l.href === '../en/index.html');
    expect(switcher).toHaveLength(1);
    // The only external links are the original articles' own addresses.
    expect([...new Set(all.filter((l) => /^https?:/.test(l.href)).map((l) => l.href))]).toEqual(['https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)']);
  });

  it('links markdown pages to markdown pages, which exist', () => {
    const internal = links(out, '.md').filter((l) => !/^https?:/.test(l.href));
    expect(internal.length).toBeGreaterThan(50);
    expect(internal.filter((l) => !l.href.endsWith('.md'))).toEqual([]);
    expect(internal.filter((l) => !existsSync(resolve(dirname(l.page), l.href)))).toEqual([]);
  });

  it('quotes the article in its own language, with lang attributes and the Dutch page in Dutch', () => {
    const page = read(`en/${seed}.html`);
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    expect(page).toContain('<blockquote lang="nl-NL"><p>Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.</p>');
    expect(page).toContain('Quoted from the Dutch version: this article has no English version.');
    const nl = read('nl/rule-windows-update-needs-local-admin.html');
    expect(nl).toContain('<h2>Waarom: de documentatie zegt</h2>');
    expect(nl).toContain('Ernst: fout');
  });

  it('shows the documented VBScript sample as highlighted code, not prose', () => {
    const page = read(`nl/${seed}.html`);
    expect(page).toContain('<figure class="code"><figcaption>VBScript</figcaption><pre><code class="language-vbscript"><span class="tok-k">Set</span> objShell = Wscript.CreateObject(<span class="tok-s">"Wscript.Shell"</span>)\nobjShell.run <span class="tok-s">"WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe');
    expect(read(`nl/${seed}.md`)).toContain('```vbscript\nSet objShell = Wscript.CreateObject("Wscript.Shell")\n');
  });

  it('links each requirement to the checks that check it, or says why none can', () => {
    const page = read(`nl/${seed}.html`);
    expect(page).toContain('<p class="note">Gecontroleerd door: <a href="rule-windows-update-needs-local-admin.html">Installeren via Windows Update vereist dat de gebruiker die installeert lokale beheerdersrechten heeft.</a></p>');
    expect(page).toContain('<p class="note">Niet gecontroleerd, omdat: <span lang="en">Activation needs no network connection; a rollout cannot contradict a permission.</span></p>');
    // The sample command is checked by the MSI-order rule (SMS and Group Policy) and the three script rules; the notes stand under the code block.
    expect(page).toMatch(/<\/figure><p class="muted">Gecontroleerd door: <a href="rule-installs-msis-in-documented-order.html">[^<]*<\/a> · <a href="rule-script-installs-msis-in-order.html">/);
  });

  it('keeps requirement ids and file paths behind a details element for auditors', () => {
    for (const locale of ['nl', 'en']) {
      const page = read(`${locale}/${seed}.html`);
      expect(page).toContain(locale === 'nl' ? '<summary>Voor auditors</summary>' : '<summary>For auditors</summary>');
      expect(page).toContain('<code>4b8dd930/windows-update-gebruiken/privilege</code>');
      const visible = visibleOutsideDetails(page);
      expect(visible).not.toMatch(/4b8dd930\/|18113913\.md/);
    }
  });

  it('writes rule pages in plain language: a human title, the check in words, examples as rollout.yaml', () => {
    const nl = read('nl/rule-clusters-reachable-on-documented-ports.html');
    expect(nl).toContain('<h1>De client moet de RMS-basis- en licentieclusters bereiken via een van de gedocumenteerde poorten.</h1>');
    expect(nl).toContain('<blockquote lang="nl"><p>De computer kan de RMS-basis- en licentieclusters niet allebei bereiken via poort 80 of 443.</p></blockquote>');
    expect(nl).toContain('<li>Poorten: 80 of 443</li>');
    expect(nl).toContain('<figcaption>rollout.yaml</figcaption>');
    expect(read('nl/rule-clusters-reachable-on-documented-ports.md')).toContain('```yaml\ngroups:\n  - name: voorbeeld\n    computers:\n      - PC-02\n    network:\n      root:\n        ports:\n          - 443\n      licensing:\n        ports:\n          - 8080\n```');
    for (const locale of ['nl', 'en']) {
      for (const r of compiled) {
        const text = visibleOutsideDetails(read(`${locale}/rule-${r.spec.id}.html`));
        expect(text, r.spec.id).not.toMatch(/&#x3C;target>|"group":|"line":|\{"|\$param/);
      }
    }
  });

  it('says "controle" for a kblint rule in Dutch, keeping "regel" for a line of a file', () => {
    for (const name of readdirSync(join(out, 'nl')).filter((n) => n.endsWith('.html'))) {
      const text = visibleOutsideDetails(read(`nl/${name}`)).replace(/, regel \d+/g, '');
      expect(text, name).not.toMatch(/\bregels?\b/i);
    }
  });

  it('writes valid HTML (html-validate, recommended rules)', async () => {
    // hast-util-to-html writes `<!doctype html>`; lower case is valid HTML, the upper-case rule is style.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'], rules: { 'doctype-style': 'off' } });
    const problems: string[] = [];
    for (const name of ['index.html', ...['en', 'nl'].flatMap((l) => readdirSync(join(out, l)).filter((n) => n.endsWith('.html')).map((n) => `${l}/${n}`))]) {
      const report = await validator.validateString(read(name));
      for (const r of report.results) for (const m of r.messages) problems.push(`${name}:${m.line}: ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows hostile article text as text: no script, no event handler, no javascript: URL', () => {
    for (const locale of ['en', 'nl']) {
      for (const name of readdirSync(join(out, locale)).filter((n) => n.endsWith('.html'))) {
        const html = read(`${locale}/${name}`);
        expect(html, name).not.toMatch(/<script|\son\w+=|javascript:/i);
      }
    }
    const evil = read('en/article-eeeeeeee-0000-4000-8000-000000000001.html');
    expect(evil).toContain('U moet &#x3C;script>window.__pwned = 1&#x3C;/script> lezen');
    expect(evil).toContain('<title>Evil &#x3C;script>alert(1)&#x3C;/script> article · kblint</title>');
  });
});

describe.skipIf(!HAS_SHARED)('the guidance site on real articles beyond the seed', async () => {
  const corpus = (p: string) => join(SHARED, 'corpus/rms', p);
  // The seed in Dutch, German and Spanish; a table-of-contents topic; articles with bold command lines and registry keys.
  const { read } = HAS_SHARED
    ? await site([`${PROJECT}content`, corpus('de-de/18118834.md'), corpus('es-es/distribucindelclientederms.md'), corpus('nl-nl/18113850.md'), corpus('nl-nl/18114150.md'), corpus('nl-nl/18114026.md'), corpus('nl-nl/18113844.md')])
    : { read: () => '' };

  const headings = (html: string) => [...html.matchAll(/<h[1-3][^>]*>([^]*?)<\/h[1-3]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  const codeBlocks = (html: string) => [...html.matchAll(/<pre><code class="language-(\w+)">([^]*?)<\/code><\/pre>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/<[^>]+>/g, '')}`);

  it('shows a procedure as numbered steps with its code samples as code blocks', () => {
    // "Softwarevereisten voor RMS": procedures whose steps run commands.
    const page = read('nl/article-17faf2ad-2366-4a92-98a5-766e20a0f741.html');
    expect((page.match(/<ol class="steps" lang="nl-NL">/g) ?? []).length).toBe(3);
  });

  it('renders an article with no requirements (a table-of-contents topic) instead of crashing', () => {
    for (const [locale, text] of [['nl', 'Dit artikel stelt geen vereisten'], ['en', 'This article states no requirements']]) {
      const page = read(`${locale}/article-231b7269-b337-44b0-b665-38171b4483ff.html`);
      expect(page).toContain('<h1 lang="nl-NL">Technische referentie van RMS</h1>'.replace(' lang="nl-NL"', locale === 'nl' ? '' : ' lang="nl-NL"'));
      expect(page).toContain(text);
    }
  });

  it.each([
    ['b55b1e2a-dd14-4168-a37f-9cdedbec660b', 'cmd: WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe -override 1 /I MsDrmClient.msi REBOOT=ReallySuppress /q -override 2 /I RmClientBackCompat.msi REBOOT=ReallySuppress /q'],
    ['8789a7a5-2065-4fae-9104-e0a70f1f2fb6', 'registry: HKEY_LOCAL_MACHINE\\Software\\Microsoft\\DRMS\\1.0\\DirectoryServices'],
  ])('shows a bold command line or registry key of %s as code, never as a heading', (id, code) => {
    const page = read(`nl/article-${id}.html`);
    expect(codeBlocks(page)).toContain(code);
    expect(headings(page).filter((h) => h.includes(code.replace(/^\w+: /, '').slice(0, 30)))).toEqual([]);
  });

  it('writes a translation page with the requirements side by side and disagreements marked', () => {
    const page = read('nl/translations-4b8dd930-4105-4e73-918c-12d2b05d5fb5.html');
    expect(read('nl/article-4b8dd930-4105-4e73-918c-12d2b05d5fb5.html')).toContain('<a href="translations-4b8dd930-4105-4e73-918c-12d2b05d5fb5.html">De Nederlandse, Duitse en Spaanse versies naast elkaar</a>');
    // Each pair as its text, cells separated by |; `differs` when it is marked.
    const pairs = page.split('<div class="pair').slice(1).map((chunk) => ({ differs: chunk.startsWith(' differs'), text: chunk.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|') }));
    expect(pairs.find((p) => p.text.includes('Dit vereist echter wel dat de gebruiker'))).toEqual({
      differs: false,
      text: '|Nederlands · Moet|Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.|Duits · Moet|Es ist jedoch erforderlich, dass der Benutzer, der den RMS-Client installiert, über lokale Administratorrechte auf dem Computer verfügt.|Spaans · Moet|Este método tiene la ventaja de utilizar un mecanismo que resulta familiar a los usuarios, pero requiere que el usuario que instala el cliente RMS tenga derechos de administrador local en el equipo.|',
    });
    // The KB (its translations alignment, as the extraction builds it) pairs this Dutch sentence with
    // German and Spanish ones of another level and claims: marked, not hidden.
    expect(pairs.find((p) => p.text.includes('De RMS-client kan niet langer meer afzonderlijk'))).toEqual({
      differs: true,
      text: '|Wijkt af: niveau; wat het stelt|Nederlands · Mag niet|De RMS-client kan niet langer meer afzonderlijk worden geiïnstalleerd.|Duits · Moet|Bei Betriebssystemen vor Windows Vista müssen Sie die RMS-Client-Software installieren und aktivieren.|Spaans · Moet|Los sistemas operativos anteriores a Windows Vista requieren la instalación y posterior activación del software de cliente RMS.|',
    });
    expect(pairs.find((p) => p.text.includes('De activering wordt lokaal uitgevoerd.'))?.text).toMatch(/^\|Wijkt af: ontbreekt in de Duitse en Spaanse versie\|/);
  });
});
