import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Locale } from '../lint/types.js';
import { t } from './catalog.js';

/** Inline content: text, a link, or code. Text is always data: it is never parsed as HTML. */
export type Inline = string | { link: string; text: string; lang?: string } | { code: string };

export type Block =
  | { h: 2 | 3; text: string; id?: string }
  | { p: Inline[]; lang?: string; muted?: boolean }
  | { quote: string; lang: string; cite: Inline[] }
  | { list: Inline[][] }
  | { code: string }
  /** A chart kblint draws itself (trusted markup). */
  | { figure: Element; caption: string };

export interface Page {
  /** File name without extension; built from ids, never from titles. */
  file: string;
  title: string;
  blocks: Block[];
}

/** Only what the pages use: no scripts, styles, event handlers or javascript: URLs survive. */
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'svg', 'rect', 'text', 'title', 'g', 'nav', 'header', 'main', 'footer'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'lang', 'id', 'ariaLabel', 'role'],
    a: [...(defaultSchema.attributes?.a ?? []), 'hrefLang', 'rel'],
    svg: ['viewBox', 'width', 'height', 'xmlns', 'role', 'ariaLabel'],
    rect: ['x', 'y', 'width', 'height', 'fill'],
    text: ['x', 'y', 'fill', 'fontSize', 'textAnchor'],
    g: [],
    title: [],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
};

/** Web addresses and relative page links; anything else (`javascript:`, `data:`) is shown as text. */
const SAFE_LINK = /^(https?:|mailto:|[^:]*$)/i;

function inline(part: Inline): ElementContent {
  if (typeof part === 'string') return { type: 'text', value: part };
  if ('code' in part) return h('code', part.code);
  if (!SAFE_LINK.test(part.link.trim())) return h('span', part.lang ? { lang: part.lang } : {}, part.text);
  return h('a', { href: part.link, ...(part.lang ? { lang: part.lang, hrefLang: part.lang } : {}) }, part.text);
}

function block(b: Block): ElementContent {
  if ('h' in b) return h(`h${b.h}`, b.id ? { id: b.id } : {}, b.text);
  if ('p' in b) return h('p', { ...(b.lang ? { lang: b.lang } : {}), ...(b.muted ? { className: ['muted'] } : {}) }, b.p.map(inline));
  if ('quote' in b) return h('blockquote', { lang: b.lang }, [h('p', b.quote), h('p', { className: ['cite'] }, b.cite.map(inline))]);
  if ('list' in b) return h('ul', b.list.map((item) => h('li', item.map(inline))));
  if ('code' in b) return h('pre', [h('code', b.code)]);
  return h('figure', [b.figure, h('figcaption', b.caption)]);
}

const CSS = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#505050;--accent:#0b5cad;--line:#d6d6d6;--bg:#fff;--ok:#1a7f37;--bad:#b42318}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{border-bottom:1px solid var(--line);padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline}
header .site{font-weight:600;color:var(--fg);text-decoration:none}
nav{display:flex;gap:1rem;flex-wrap:wrap}
main{max-width:48rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
blockquote{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid var(--accent);background:#f5f8fc;overflow-wrap:anywhere}
blockquote p{margin:.25rem 0}
.cite,.muted{color:var(--muted);font-size:.9rem}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;font-size:.85rem}
code{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9rem}
footer{border-top:1px solid var(--line);padding:1rem;color:var(--muted);font-size:.85rem;text-align:center}
`;

export interface ShellOptions {
  locale: Locale;
  /** The same page in the other locale, relative to this page. */
  other?: { locale: Locale; href: string };
  home: string;
}

/**
 * A whole page: the content (built from untrusted article and config text) is sanitized, then put
 * in kblint's own shell with its stylesheet. No script, no external request.
 */
export function renderHtml(page: Page, options: ShellOptions): string {
  const content: Root = { type: 'root', children: [h('h1', page.title), ...page.blocks.map(block)] };
  const safe = sanitize(content, schema) as Root;
  const { locale, other } = options;
  const nav = [h('a', { href: options.home }, t(locale, 'navHome'))];
  if (other) nav.push(h('a', { href: other.href, lang: other.locale, hrefLang: other.locale }, t(locale, 'otherLanguage')));
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: locale }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${page.title} · kblint`),
          h('style', CSS),
        ]),
        h('body', [
          h('header', [h('a', { className: ['site'], href: options.home }, t(locale, 'siteTitle')), h('nav', { ariaLabel: t(locale, 'navLanguage') }, nav)]),
          h('main', safe.children as ElementContent[]),
          h('footer', 'kblint'),
        ]),
      ]),
    ],
  };
  return `${toHtml(doc)}\n`;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function mdInline(part: Inline): string {
  if (typeof part === 'string') return mdEscape(part);
  if ('code' in part) return `\`${part.code.replace(/`/g, "'")}\``;
  return `[${mdEscape(part.text)}](${part.link.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** The same page as markdown, for documentation repositories. */
export function renderMarkdown(page: Page): string {
  const out = [`# ${mdEscape(page.title)}`, ''];
  for (const b of page.blocks) {
    if ('h' in b) out.push(`${'#'.repeat(b.h)} ${mdEscape(b.text)}`, '');
    else if ('p' in b) out.push(b.p.map(mdInline).join(''), '');
    else if ('quote' in b) out.push(`> ${mdEscape(b.quote)}`, '>', `> ${b.cite.map(mdInline).join('')}`, '');
    else if ('list' in b) out.push(...b.list.map((item) => `- ${item.map(mdInline).join('')}`), '');
    else if ('code' in b) out.push('```', b.code, '```', '');
    else out.push(`*${mdEscape(b.caption)}*`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
