import { calloutKindOfImage, cleanLabel } from './callout.js';
import { elements, firstImageSource, lineCounter } from './html-scan.js';
import { htmlText } from './text.js';
import type { CalloutKind } from './types.js';

export interface HtmlCell {
  header: boolean;
  html: string;
  text: string;
  /** 0-based line offset of the cell within the HTML block. */
  lineOffset: number;
}


/** The rows of every `<table>` in an HTML block, each a list of cells (nested tables flattened). */
export function htmlTableRows(html: string): HtmlCell[][] {
  if (!/<table\b/i.test(html)) return [];
  const rows: HtmlCell[][] = [];
  const lineOf = lineCounter(html);
  for (const row of elements(html, ['tr'])) {
    const cells: HtmlCell[] = [];
    for (const cell of elements(row.inner, ['th', 'td'])) {
      cells.push({
        header: cell.name === 'th',
        html: cell.inner,
        text: htmlText(cell.inner),
        lineOffset: lineOf(row.index + cell.index),
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
  const src = firstImageSource(head.html);
  const kind = src ? calloutKindOfImage(src) : undefined;
  if (!kind) return undefined;
  return { kind, label: cleanLabel(head.text), body: rows.slice(1).map((r) => r[0]!), lineOffset: head.lineOffset };
}
