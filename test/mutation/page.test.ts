/** src/guide/page.ts: every block kind in HTML and markdown, escaped as data. */
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, shortTitle, type Page } from '../../src/guide/page.js';

const page: Page = {
  file: 'p',
  title: 'T *1*',
  blocks: [
    { h: 2, text: 'Sec [a]', id: 's1' },
    { h: 3, text: 'Sub' },
    { p: ['a_b ', { link: 'x y(1).html', text: 'L|k', lang: 'nl' }, ' ', { code: 'a`b' }], lang: 'en', muted: true },
    { p: ['plain'] },
    { quote: 'Q <q>', lang: 'nl', cite: ['c ', { link: 'https://e/', text: 'E' }] },
    { list: [['one'], ['two ', { code: 'x' }]] },
    { code: 'line1\n<b>' },
    { figure: h('svg', { viewBox: '0 0 1 1', width: 1, height: 1 }, [h('rect', { x: 0, y: 0, width: 1, height: 1, fill: '#000' })]), caption: 'Cap #1' },
  ],
};

describe('renderMarkdown', () => {
  it('writes every block kind, escaping markdown syntax in text', () => {
    expect(renderMarkdown(page)).toBe(
      [
        '# T \\*1\\*',
        '',
        '## Sec \\[a\\]',
        '',
        '### Sub',
        '',
        "a\\_b [L\\|k](x%20y(1).md) `a'b`", // a page link points at the markdown page
        '',
        'plain',
        '',
        '> Q \\<q\\>',
        '>',
        '> c [E](https://e/)',
        '',
        '- one',
        '- two `x`',
        '',
        '```',
        'line1',
        '<b>',
        '```',
        '',
        '*Cap \\#1*',
        '',
      ].join('\n'),
    );
  });
});

describe('renderHtml', () => {
  it('writes the shell with the language switcher and every block kind, text as text', () => {
    const html = renderHtml(page, { locale: 'nl', home: '../index.html', other: { locale: 'en', href: '../en/p.html' } });
    expect(html.startsWith('<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>T *1* · kblint</title><style>')).toBe(true);
    expect(html.slice(html.indexOf('<body>'))).toBe(
      '<body><header><a class="site" href="../index.html">Richtlijnen voor de uitrol van de RMS-client</a><nav aria-label="Taal"><a href="../index.html">Overzicht</a><a href="../en/p.html" lang="en" hreflang="en">English</a></nav></header>' +
        '<main><h1>T *1*</h1><h2 id="s1">Sec [a]</h2><h3>Sub</h3><p lang="en" class="muted">a_b <a href="x y(1).html" lang="nl" hreflang="nl">L|k</a> <code>a`b</code></p><p>plain</p>' +
        '<blockquote lang="nl"><p>Q &#x3C;q></p><p class="cite">c <a href="https://e/">E</a></p></blockquote><ul><li>one</li><li>two <code>x</code></li></ul><pre><code>line1\n&#x3C;b></code></pre>' +
        '<figure><svg viewBox="0 0 1 1" width="1" height="1"><rect x="0" y="0" width="1" height="1" fill="#000"></rect></svg><figcaption>Cap #1</figcaption></figure></main><footer>kblint</footer></body></html>\n',
    );
  });

  it('has no switcher without another language, and links mailto: and relative pages', () => {
    const html = renderHtml({ file: 'x', title: 'X', blocks: [{ p: [{ link: 'mailto:a@b', text: 'm' }, { link: 'rule-x.html#top', text: 'r' }, { link: 'data:text/html,x', text: 'd' }] }] }, { locale: 'en', home: 'index.html' });
    expect(html).toContain('<nav aria-label="Language"><a href="index.html">Overview</a></nav>');
    expect(html).toContain('<p><a href="mailto:a@b">m</a><a href="rule-x.html#top">r</a><span>d</span></p>');
  });
});

/** The block kinds a procedure, a callout and a translation page use, and links that are not shown as links. */
const steps: Page = {
  file: 'q',
  title: 'Steps',
  titleLang: 'de',
  blocks: [
    { h: 2, text: 'Kop', lang: 'nl' },
    { steps: [{ text: ['Run ', { code: 'setup' }], blocks: [{ code: 'msiexec /i a.msi', lang: 'cmd', label: 'install.cmd' }, { list: [['sub']] }] }, { text: ['Done'], blocks: [] }], lang: 'nl' },
    { callout: 'Note', text: 'Careful *now*\nsecond', lang: 'nl' },
    { details: 'More', blocks: [{ p: ['inside'] }] },
    { pair: [{ lang: 'nl', label: 'NL', quote: 'moet' }, { lang: 'de', label: 'DE' }], differs: 'level differs' },
    { pair: [{ lang: 'nl', label: 'NL', quote: 'a' }, { lang: 'de', label: 'DE', quote: 'b' }] },
    { quote: 'Q', lang: 'nl', cite: [], notes: [['checked by ', { link: 'rule-a.html', text: 'a' }]], details: { summary: 'ids', items: [['x', { code: 'c' }], ['y']] }, weak: true },
    { list: [['l']], lang: 'de' },
    { code: 'a ``` b', lang: 'powershell' },
    { p: [{ link: 'javascript:alert(1)', text: 'bad', lang: 'nl' }, { link: ' JAVASCRIPT:x', text: 'bad2' }, { link: 'https://x/a.html#t', text: 'abs' }, { link: 'p.html#t', text: 'rel' }, { text: 'nl text', lang: 'nl' }] },
  ],
};

describe('steps, callouts, details, translation pairs and unsafe links', () => {
  it('markdown: what stands under a step is indented by its marker, fences outgrow backticks in the code', () => {
    expect(renderMarkdown(steps)).toBe(
      [
        '# Steps', '',
        '## Kop', '',
        '1. Run `setup`', '',
        '   *install.cmd*', '',
        '   ```cmd', '   msiexec /i a.msi', '   ```', '',
        '   - sub', '',
        '2. Done', '',
        '> **Note**', '>', '> Careful \\*now\\*', '> second', '',
        '**More**', '', 'inside', '',
        '**level differs**', '', '- *NL:* moet', '- *DE:* —', '',
        '- *NL:* a', '- *DE:* b', '',
        '> Q', '>', '> checked by [a](rule-a.md)', '>', '> *ids:* x`c` · y', '',
        '- l', '',
        '````powershell', 'a ``` b', '````', '',
        // javascript: links are text; an absolute address keeps .html, a page link points at .md
        'badbad2[abs](https://x/a.html#t)[rel](p.md#t)nl text',
        '',
      ].join('\n'),
    );
  });

  it('HTML: every block with its classes and languages, javascript: links as plain text', () => {
    const html = renderHtml(steps, { locale: 'en', home: 'index.html' });
    expect(html.slice(html.indexOf('<main>'), html.indexOf('</main>'))).toBe(
      '<main><h1 lang="de">Steps</h1><h2 lang="nl">Kop</h2>' +
        '<ol class="steps" lang="nl"><li><p>Run <code>setup</code></p><figure class="code"><figcaption>install.cmd</figcaption><pre><code class="language-cmd">msiexec <span class="tok-o">/i</span> a.msi</code></pre></figure><ul><li>sub</li></ul></li><li><p>Done</p></li></ol>' +
        '<aside class="callout" lang="nl"><p><strong>Note</strong></p><p>Careful *now*\nsecond</p></aside>' +
        '<details><summary>More</summary><p>inside</p></details>' +
        '<div class="pair differs"><p class="flag">level differs</p><div class="cells"><div class="cell"><p class="cite">NL</p><p lang="nl">moet</p></div><div class="cell absent"><p class="cite">DE</p></div></div></div>' +
        '<div class="pair"><div class="cells"><div class="cell"><p class="cite">NL</p><p lang="nl">a</p></div><div class="cell"><p class="cite">DE</p><p lang="de">b</p></div></div></div>' +
        '<blockquote lang="nl" class="weak"><p>Q</p><p class="note">checked by <a href="rule-a.html">a</a></p><details><summary>ids</summary><ul><li>x<code>c</code></li><li>y</li></ul></details></blockquote>' +
        '<ul lang="de"><li>l</li></ul><pre><code class="language-powershell">a ``` b</code></pre>' +
        '<p><span lang="nl">bad</span><span>bad2</span><a href="https://x/a.html#t">abs</a><a href="p.html#t">rel</a><span lang="nl">nl text</span></p>',
    );
  });
});

describe('shortTitle', () => {
  it.each([
    ['exactly 60 characters stay whole', 'a'.repeat(60), 'a'.repeat(60)],
    ['61 without a space are cut at 60', 'a'.repeat(61), `${'a'.repeat(60)}…`],
    ['a space past the middle ends the cut', `${'a'.repeat(31)} ${'b'.repeat(40)}`, `${'a'.repeat(31)}…`],
    ['a space at the middle does not', `${'a'.repeat(30)} ${'b'.repeat(40)}`, `${'a'.repeat(30)} ${'b'.repeat(29)}…`],
    ['a comma before the cut goes', `${'a'.repeat(55)}, ${'b'.repeat(10)}`, `${'a'.repeat(55)}…`],
    ['a dash before the cut goes', `${'x'.repeat(50)} – ${'y'.repeat(20)}`, `${'x'.repeat(50)}…`],
  ])('%s', (_, title, short) => {
    expect(shortTitle(title)).toBe(short);
  });

  it('takes another length', () => {
    expect(shortTitle('one two three', 8)).toBe('one two…');
    expect(shortTitle('one two', 7)).toBe('one two');
  });
});
