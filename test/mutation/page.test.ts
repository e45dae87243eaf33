/** src/guide/page.ts: every block kind in HTML and markdown, escaped as data. */
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, type Page } from '../../src/guide/page.js';

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
        "a\\_b [L\\|k](x%20y(1).html) `a'b`",
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
