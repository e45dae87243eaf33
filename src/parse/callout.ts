import { own } from '../util/own.js';
import type { CalloutKind } from './types.js';

/**
 * Callout kinds by the word the image file name or docfx marker carries. The kind is read
 * from the markup, never from the label, so that a locale kblint has never seen still works.
 */
const KIND_WORDS: Record<string, CalloutKind> = {
  note: 'note',
  notes: 'note',
  point: 'note',
  info: 'note',
  important: 'important',
  caution: 'caution',
  cautiion: 'caution', // misspelt marker seen in the corpus
  tip: 'tip',
  tips: 'tip',
  warning: 'warning',
  warn: 'warning',
};

/**
 * `…/Cc720266.note(WS.10).gif`, `images/Dd443669.important(de-de,TechNet.10).gif`,
 * `Dd939838.Tip(WS.10).gif` → the kind; other images (screenshots named by GUID) → undefined.
 */
export function calloutKindOfImage(url: string): CalloutKind | undefined {
  const base = url.split(/[/\\]/).pop() ?? '';
  if (!/\.(gif|png|jpe?g|svg)$/i.test(base)) return undefined;
  for (const token of base.split(/[.()_,\s-]+/)) {
    const kind = own(KIND_WORDS, token.toLowerCase());
    if (kind) return kind;
  }
  return undefined;
}

/** `[!NOTE]`, `[!Caution]`, `[!CAUTIION]`, `[!POINT]` → kind; unknown markers map to note. */
export function calloutKindOfMarker(marker: string): CalloutKind {
  return own(KIND_WORDS, marker.toLowerCase()) ?? 'note';
}

export const DOCFX_MARKER = /^\[!([A-Za-z]+)\][ \t]*/;

/** A callout label without the trailing colon ("Hinweis:" → "Hinweis"). */
export function cleanLabel(label: string): string {
  return label.replace(/[:：]\s*$/, '').trim();
}
