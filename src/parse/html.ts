import { calloutKindOfImage, cleanLabel } from './callout.js';
import { htmlText } from './text.js';
import type { CalloutKind } from './types.js';

export interface HtmlCell {
  header: boolean;
  html: string;
  text: string;
  /** 0-based line offset of the cell within the HTML block. */
  lineOffset: number;
}

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<(t[hd])\b[^>]*>([\s\S]*?)<\/t[hd]\s*>/gi;
const IMG_SRC = /<img\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/i;

function linesBefore(s: string, index: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < index; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The rows of every `<table>` in an HTML block, each a list of cells (nested tables flattened). */
export function htmlTableRows(html: string): HtmlCell[][] {
  if (!/<table\b/i.test(html)) return [];
  const rows: HtmlCell[][] = [];
  for (const row of html.matchAll(ROW)) {
    const cells: HtmlCell[] = [];
    const rowStart = row.index ?? 0;
    for (const cell of (row[1] ?? '').matchAll(CELL)) {
      const inner = cell[2] ?? '';
      cells.push({
        header: cell[1]!.toLowerCase() === 'th',
        html: inner,
        text: htmlText(inner),
        lineOffset: linesBefore(html, rowStart + (cell.index ?? 0)),
      });
    }
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

export interface HtmlCallout {
  kind: CalloutKind;
  label: string;
  body: HtmlCell[];
  lineOffset: number;
}

/** A one-column HTML table whose header holds a note/important/… image is a callout. */
export function htmlCallout(rows: HtmlCell[][]): HtmlCallout | undefined {
  const head = rows[0]?.[0];
  if (!head || rows[0]!.length !== 1 || rows.some((r) => r.length !== 1)) return undefined;
  const src = IMG_SRC.exec(head.html)?.[1];
  const kind = src ? calloutKindOfImage(src) : undefined;
  if (!kind) return undefined;
  return { kind, label: cleanLabel(head.text), body: rows.slice(1).map((r) => r[0]!), lineOffset: head.lineOffset };
}
