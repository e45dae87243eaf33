/**
 * Linear scans over raw HTML. Regular expressions such as `<[^>]*>` or `<tr>([\s\S]*?)</tr>`
 * restart at every `<` and rescan to the end of the block when nothing closes, which makes
 * 200 KB of `<` (or of `<tr>`, `<!--`) take tens of seconds. These helpers move forward only:
 * once a closer is missing, nothing after it can close either, and the scan stops.
 */

/** The HTML without its comments; an unclosed `<!--` runs to the end, as in a browser. */
export function stripComments(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = html.indexOf('<!--', from);
    if (open === -1) return out + html.slice(from);
    out += html.slice(from, open);
    const close = html.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
}

/**
 * Every tag (`<` up to the next `>`) replaced by what `replace` returns for it; a `<` with no `>`
 * after it is text, and so is everything after it.
 */
export function replaceTags(html: string, replace: (tag: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = html.indexOf('<', from);
    if (open === -1) return out + html.slice(from);
    const close = html.indexOf('>', open + 1);
    if (close === -1) return out + html.slice(from);
    out += html.slice(from, open) + replace(html.slice(open, close + 1));
    from = close + 1;
  }
}

export interface Element {
  /** Lower-case tag name as matched (`tr`, `th`, `td`). */
  name: string;
  /** Offset of the opening `<`. */
  index: number;
  /** The HTML between the opening tag and the closing tag, and its offset. */
  inner: string;
  innerIndex: number;
}

/**
 * Elements `<name …>inner</name>` for the given names, in order, not nested: each ends at the
 * first closing tag of one of the names after it (what `<(t[hd])\b[^>]*>([\s\S]*?)</t[hd]\s*>`
 * matches, in linear time).
 */
export function elements(html: string, names: readonly string[]): Element[] {
  const opener = new RegExp(`<(${names.join('|')})\\b`, 'gi');
  const closer = new RegExp(`</(?:${names.join('|')})[ \\t\\r\\n\\f]*>`, 'gi');
  const found: Element[] = [];
  for (;;) {
    const open = opener.exec(html);
    if (!open) return found;
    const tagEnd = html.indexOf('>', open.index + open[0].length);
    if (tagEnd === -1) return found;
    closer.lastIndex = tagEnd + 1;
    const close = closer.exec(html);
    if (!close) return found;
    found.push({ name: open[1]!.toLowerCase(), index: open.index, inner: html.slice(tagEnd + 1, close.index), innerIndex: tagEnd + 1 });
    opener.lastIndex = close.index + close[0].length;
  }
}

/** The `src` of the first `<img>` tag, read inside that one tag. */
export function firstImageSource(html: string): string | undefined {
  const open = /<img\b/i.exec(html);
  if (!open) return undefined;
  const end = html.indexOf('>', open.index);
  const tag = html.slice(open.index, end === -1 ? html.length : end);
  return /\bsrc[ \t\r\n]*=[ \t\r\n]*["']?([^"'\s>]+)/i.exec(tag)?.[1];
}

/** Line offsets (0-based) of increasing positions in `text`, counted in one pass. */
export function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 0;
  return (index) => {
    if (index < at) {
      at = 0;
      line = 0;
    }
    for (let i = text.indexOf('\n', at); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
    at = index;
    return line;
  };
}
