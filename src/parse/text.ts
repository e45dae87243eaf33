import type { Nodes, PhrasingContent } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import { replaceTags } from './html-scan.js';

/** Tags that end a line of text: `<br>`, `</p>`, `</li>`, `</div>`, `</tr>`. */
const BLOCK_END = /^<(br|\/p|\/li|\/div|\/tr)\b/i;

/** Zero-width characters that the corpus carries inside words; they carry no meaning. */
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * Prose as a reader sees it: no-break spaces become spaces, zero-width characters go,
 * runs of white space fold to one space.
 */
export function normalizeText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The text of inline content. Unlike mdast-util-to-string, a hard break becomes a space and
 * inline HTML tags are dropped (their text stays), so sentences do not run together.
 */
export function inlineText(node: Nodes): string {
  return normalizeText(collect(node));
}

function collect(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
      return /^<br\b/i.test(node.value) ? ' ' : '';
    case 'image':
      return '';
    default:
      if ('children' in node) return (node.children as PhrasingContent[]).map(collect).join('');
      return '';
  }
}

/** Text inside a piece of raw HTML: tags dropped, `<br>`/block ends as spaces, references decoded. */
export function htmlText(html: string): string {
  const withoutTags = replaceTags(html, (tag) => (BLOCK_END.test(tag) ? ' ' : ''));
  return normalizeText(decodeString(withoutTags));
}
