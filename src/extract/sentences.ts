/**
 * Split prose into sentences. A sentence ends at `.`, `!` or `?` followed by white space and
 * a capital, digit, quote or bracket — not after a known abbreviation or a single letter
 * ("z.B.", "bijv.", "e.g.", "v."). One pass, linear in the input.
 */
const END = /[.!?](?=\s+["'“„(\[\p{Lu}\p{N}])/gu;
const ABBREVIATIONS = new Set([
  'bijv', 'bv', 'bijvoorbeeld', 'enz', 'dwz', 'nl', 'resp', 'ca', 'mr', 'dr', 'nr', 'zgn', 'vs', 'etc', 'eg', 'ie', 'e.g', 'i.e',
  'z.b', 'bzw', 'usw', 'ggf', 'evtl', 'vgl', 'inkl', 'bzgl', 'no', 'p', 'pp', 'fig', 'sp', 'st', 'ex', 'p.ex', 'pag', 'cf', 'ecc', 'approx',
]);

export interface Sentence {
  text: string;
  /** Offset of the sentence in the input text. */
  offset: number;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const end = m.index + 1;
    if (isAbbreviation(text, m.index)) continue;
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!) && dot - i < 12) i--;
  const word = text.slice(i, dot).toLowerCase();
  return word.length === 1 || ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''));
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const sentence = raw.trim();
  if (sentence !== '') out.push({ text: sentence, offset: start + lead });
}
