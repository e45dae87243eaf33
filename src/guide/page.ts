import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Locale } from '../lint/types.js';
import { reportText } from '../report/messages.js';
import { highlight, type CodeLang } from './highlight.js';

/** Inline content: text, a link, or code. Text is always data: it is never parsed as HTML. */
export type Inline = string | { link: string; text: string; lang?: string } | { code: string } | { text: string; lang: string };

/** A numbered step of a procedure, with what stands under it (code, notes, sub-lists). */
export interface Step {
  text: Inline[];
  blocks: Block[];
}

/** One language's side of a translation pair. */
export interface PairCell {
  lang: string;
  label: string;
  quote?: string;
}

export type Block =
  | { h: 2 | 3; text: string; id?: string; lang?: string }
  | { p: Inline[]; lang?: string; muted?: boolean }
  /** A quoted requirement: the sentence, where it is from, and notes (checked by …) and auditor details under it. */
  | { quote: string; lang: string; cite: Inline[]; notes?: Inline[][]; details?: { summary: string; items: Inline[][] }; weak?: boolean }
  | { list: Inline[][]; lang?: string }
  | { steps: Step[]; lang?: string }
  | { code: string; lang?: CodeLang; label?: string }
  | { callout: string; text: string; lang?: string }
  | { details: string; blocks: Block[] }
  /** Translations side by side; `differs` says how they disagree. */
  | { pair: PairCell[]; differs?: string }
  /** A chart kblint draws itself (trusted markup). */
  | { figure: Element; caption: string };

export interface Page {
  /** File name without extension; built from ids, never from titles. */
  file: string;
  title: string;
  /** The language of the title when it is not the page's (an untranslated article). */
  titleLang?: string;
  blocks: Block[];
}

/** Only what the pages use: no scripts, styles, event handlers or javascript: URLs survive. */
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'svg', 'rect', 'text', 'title', 'g', 'nav', 'header', 'main', 'footer', 'section', 'aside', 'span', 'details', 'summary'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'lang', 'id', 'ariaLabel', 'role'],
    a: [...(defaultSchema.attributes?.a ?? []), 'hrefLang', 'rel'],
    // The default (GitHub) schema keeps only task-list classes on lists; kblint's own classes stay.
    ol: ['className'],
    ul: ['className'],
    li: ['className'],
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
  if (!('link' in part)) return h('span', { lang: part.lang }, part.text);
  if (!SAFE_LINK.test(part.link.trim())) return h('span', part.lang ? { lang: part.lang } : {}, part.text);
  return h('a', { href: part.link, ...(part.lang ? { lang: part.lang, hrefLang: part.lang } : {}) }, part.text);
}

function quoteBlock(b: Extract<Block, { quote: string }>): ElementContent {
  const children: ElementContent[] = [h('p', b.quote), ...(b.cite.length ? [h('p', { className: ['cite'] }, b.cite.map(inline))] : [])];
  for (const note of b.notes ?? []) children.push(h('p', { className: ['note'] }, note.map(inline)));
  if (b.details) children.push(h('details', [h('summary', b.details.summary), h('ul', b.details.items.map((item) => h('li', item.map(inline))))]));
  return h('blockquote', { lang: b.lang, ...(b.weak ? { className: ['weak'] } : {}) }, children);
}

function block(b: Block): ElementContent {
  if ('h' in b) return h(`h${b.h}`, { ...(b.id ? { id: b.id } : {}), ...(b.lang ? { lang: b.lang } : {}) }, b.text);
  if ('p' in b) return h('p', { ...(b.lang ? { lang: b.lang } : {}), ...(b.muted ? { className: ['muted'] } : {}) }, b.p.map(inline));
  if ('quote' in b) return quoteBlock(b);
  if ('list' in b) return h('ul', b.lang ? { lang: b.lang } : {}, b.list.map((item) => h('li', item.map(inline))));
  if ('steps' in b) return h('ol', { className: ['steps'], ...(b.lang ? { lang: b.lang } : {}) }, b.steps.map((s) => h('li', [h('p', s.text.map(inline)), ...s.blocks.map(block)])));
  if ('code' in b) {
    const pre = h('pre', [h('code', b.lang ? { className: [`language-${b.lang}`] } : {}, highlight(b.code, b.lang))]);
    return b.label ? h('figure', { className: ['code'] }, [h('figcaption', b.label), pre]) : pre;
  }
  if ('callout' in b) return h('aside', { className: ['callout'], ...(b.lang ? { lang: b.lang } : {}) }, [h('p', [h('strong', b.callout)]), h('p', b.text)]);
  if ('details' in b) return h('details', [h('summary', b.details), ...b.blocks.map(block)]);
  if ('pair' in b) {
    const cells = b.pair.map((c) => h('div', { className: c.quote === undefined ? ['cell', 'absent'] : ['cell'] }, [h('p', { className: ['cite'] }, c.label), ...(c.quote === undefined ? [] : [h('p', { lang: c.lang }, c.quote)])]));
    return h('div', { className: b.differs ? ['pair', 'differs'] : ['pair'] }, [...(b.differs ? [h('p', { className: ['flag'] }, b.differs)] : []), h('div', { className: ['cells'] }, cells)]);
  }
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
blockquote.weak{border-left-color:var(--line);background:none}
main{overflow-wrap:anywhere}
.cite,.muted,.note{color:var(--muted);font-size:.9rem}
.note{color:var(--fg)}
details{margin:.25rem 0}
summary{cursor:pointer;color:var(--muted);font-size:.9rem}
/* Code wraps instead of scrolling: no page is wider than a phone, and no region needs a keyboard to scroll. */
pre{background:#f4f4f4;padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;margin:.5rem 0}
code{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
figure.code{margin:.75rem 0}
figure.code figcaption{font-size:.8rem}
.tok-c{color:#5a5a5a;font-style:italic}
.tok-s{color:#0a5c2a}
.tok-k{color:#7a1f7a;font-weight:600}
.tok-v{color:#8a3b00}
.tok-o{color:#0b4f94}
.tok-p{color:#0b4f94}
.tok-n{color:#8a3b00}
ol.steps{padding-left:1.5rem}
ol.steps>li{margin:.5rem 0}
ol.steps>li>p{margin:.25rem 0}
aside.callout{border-left:4px solid #8a6d00;background:#fdf8e6;padding:.25rem .75rem;margin:.75rem 0}
aside.callout p{margin:.25rem 0}
.pair{border:1px solid var(--line);padding:.5rem .75rem;margin:.75rem 0}
.pair.differs{border-left:6px solid var(--bad)}
.pair .flag{color:var(--bad);font-weight:600;margin:0 0 .25rem}
.cells{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}
.cell p{margin:.25rem 0}
.cell.absent{color:var(--muted);font-style:italic}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.9rem}
footer{border-top:1px solid var(--line);padding:1rem;color:var(--muted);font-size:.85rem;text-align:center}
`;

/** A browser tab or bookmark shows about 60 characters: longer titles end at a word, with an ellipsis. */
export function shortTitle(title: string, max = 60): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

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
  const content: Root = { type: 'root', children: [h('h1', page.titleLang ? { lang: page.titleLang } : {}, page.title), ...page.blocks.map(block)] };
  const safe = sanitize(content, schema) as Root;
  const { locale, other } = options;
  const nav = [h('a', { href: options.home }, reportText(locale, 'navHome'))];
  if (other) nav.push(h('a', { href: other.href, lang: other.locale, hrefLang: other.locale }, reportText(locale, 'otherLanguage')));
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: locale }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${shortTitle(page.title)} · kblint`),
          h('style', CSS),
        ]),
        h('body', [
          h('header', [h('a', { className: ['site'], href: options.home }, reportText(locale, 'siteTitle')), h('nav', { ariaLabel: reportText(locale, 'navLanguage') }, nav)]),
          h('main', safe.children as ElementContent[]),
          h('footer', 'kblint'),
        ]),
      ]),
    ],
  };
  return `${toHtml(doc)}\n`;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** A page link in markdown points at the markdown page, so the pages work in a wiki or a repository. */
const mdHref = (link: string) => (/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : link.replace(/\.html(?=$|#)/, '.md'));

function mdInline(part: Inline): string {
  if (typeof part === 'string') return mdEscape(part);
  if ('code' in part) return `\`${part.code.replace(/`/g, "'")}\``;
  if (!('link' in part)) return mdEscape(part.text);
  if (!SAFE_LINK.test(part.link.trim())) return mdEscape(part.text);
  return `[${mdEscape(part.text)}](${mdHref(part.link).replace(/[()\s]/g, encodeURIComponent)})`;
}

const fence = (code: string, lang = '') => {
  const ticks = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [`${ticks}${lang}`, ...code.split('\n'), ticks];
};
const indent = (lines: string[], by: string) => lines.map((l) => (l ? by + l : l));

function mdBlock(b: Block): string[] {
  if ('h' in b) return [`${'#'.repeat(b.h)} ${mdEscape(b.text)}`, ''];
  if ('p' in b) return [b.p.map(mdInline).join(''), ''];
  if ('quote' in b) {
    const lines = [...mdEscape(b.quote).split('\n').map((l) => `> ${l}`), ...(b.cite.length ? ['>', `> ${b.cite.map(mdInline).join('')}`] : [])];
    for (const note of b.notes ?? []) lines.push('>', `> ${note.map(mdInline).join('')}`);
    if (b.details) lines.push('>', `> *${mdEscape(b.details.summary)}:* ${b.details.items.map((i) => i.map(mdInline).join('')).join(' · ')}`);
    return [...lines, ''];
  }
  if ('list' in b) return [...b.list.map((item) => `- ${item.map(mdInline).join('')}`), ''];
  if ('steps' in b) {
    return [
      ...b.steps.flatMap((s, i) => {
        const marker = `${i + 1}. `;
        const under = s.blocks.flatMap(mdBlock);
        return [`${marker}${s.text.map(mdInline).join('')}`, ...(under.length ? ['', ...indent(under, ' '.repeat(marker.length))] : [])];
      }),
      '',
    ];
  }
  if ('code' in b) return [...(b.label ? [`*${mdEscape(b.label)}*`, ''] : []), ...fence(b.code, b.lang), ''];
  if ('callout' in b) return [`> **${mdEscape(b.callout)}**`, '>', ...mdEscape(b.text).split('\n').map((l) => `> ${l}`), ''];
  if ('details' in b) return [`**${mdEscape(b.details)}**`, '', ...b.blocks.flatMap(mdBlock)];
  if ('pair' in b) {
    return [...(b.differs ? [`**${mdEscape(b.differs)}**`, ''] : []), ...b.pair.map((c) => `- *${mdEscape(c.label)}:* ${c.quote === undefined ? '—' : mdEscape(c.quote)}`), ''];
  }
  return [`*${mdEscape(b.caption)}*`, ''];
}

/** The same page as markdown, for documentation repositories. */
export function renderMarkdown(page: Page): string {
  const out = [`# ${mdEscape(page.title)}`, '', ...page.blocks.flatMap(mdBlock)];
  return `${out.join('\n').trimEnd()}\n`;
}
