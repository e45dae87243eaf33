import type { Level } from './types.js';

/**
 * Modal wording of one language. A pattern is a run of words ("mag niet"), where `…` allows up
 * to GAP words in between ("hoeft … niet") and a trailing `*` matches a word's stem
 * ("erforderlich*"). Patterns are matched on tokens, so matching is linear in the sentence.
 */
export interface Lexicon {
  language: string;
  mustNot: string[];
  /** "is not needed": the opposite of a requirement, kept as level `may`. */
  notNeeded: string[];
  must: string[];
  should: string[];
  may: string[];
}

const GAP = 8;

type Word = { text: string; stem: boolean } | 'gap';
type Compiled = Word[];

type Outcome = Level | 'not-needed';

/** A pattern and the rank of its level (0 = must-not … 4 = may): the lowest rank found wins. */
interface Entry {
  pattern: Compiled;
  rank: number;
}

export interface CompiledLexicon {
  language: string;
  levels: [Outcome, Compiled[]][];
  /** Patterns by their first word, so a sentence is scanned once, not once per pattern. */
  byFirstWord: Map<string, Entry[]>;
  /** Patterns whose first word is a stem (`kein*`): few, tried on every token. */
  byStem: Entry[];
}

function compilePattern(p: string): Compiled {
  return p
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w): Word => (w === '…' || w === '...' ? 'gap' : { text: w.replace(/\*$/, ''), stem: w.endsWith('*') }));
}

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const levels: [Outcome, Compiled[]][] = [
    ['must-not', lex.mustNot.map(compilePattern)],
    ['not-needed', lex.notNeeded.map(compilePattern)],
    ['must', lex.must.map(compilePattern)],
    ['should', lex.should.map(compilePattern)],
    ['may', lex.may.map(compilePattern)],
  ];
  const byFirstWord = new Map<string, Entry[]>();
  const byStem: Entry[] = [];
  levels.forEach(([, patterns], rank) => {
    for (const pattern of patterns) {
      const first = pattern[0];
      if (!first || first === 'gap') continue;
      if (first.stem) byStem.push({ pattern, rank });
      else byFirstWord.set(first.text, [...(byFirstWord.get(first.text) ?? []), { pattern, rank }]);
    }
  });
  return {
    language: lex.language,
    byFirstWord,
    byStem,
    levels,
  };
}

/** Lower-case word tokens of a sentence (letters with diacritics, digits, apostrophes). */
export function tokenize(sentence: string): string[] {
  // Explicit Latin, Greek and Cyrillic ranges: a non-Unicode regex is several times faster here.
  return sentence.toLowerCase().match(WORD) ?? [];
}

const WORD = /[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff][0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff'’]*/g;

function wordMatches(w: { text: string; stem: boolean }, token: string): boolean {
  return w.stem ? token.startsWith(w.text) : token === w.text;
}

/** Does the pattern match from word `p` on at token `t`? Each gap spans at most GAP tokens: linear overall. */
function matchFrom(pattern: Compiled, p: number, tokens: string[], t: number): boolean {
  if (p === pattern.length) return true;
  const w = pattern[p]!;
  if (w === 'gap') {
    const next = pattern[p + 1];
    if (!next || next === 'gap') return true;
    // The word after a gap is taken at its first occurrence within reach, never retried.
    for (let k = t; k < Math.min(tokens.length, t + GAP + 1); k++) {
      if (wordMatches(next, tokens[k]!)) return matchFrom(pattern, p + 2, tokens, k + 1);
    }
    return false;
  }
  return t < tokens.length && wordMatches(w, tokens[t]!) && matchFrom(pattern, p + 1, tokens, t + 1);
}

/**
 * The level of a sentence: in the first lexicon that has any match, the strongest level matched
 * (must-not, then not-needed, must, should, may). One pass over the tokens per lexicon.
 */
export function classifyTokens(tokens: string[], lexicons: CompiledLexicon[]): Outcome | undefined {
  for (const lex of lexicons) {
    let best = Infinity;
    for (let i = 0; i < tokens.length && best > 0; i++) {
      const token = tokens[i]!;
      for (const e of lex.byFirstWord.get(token) ?? NONE) if (e.rank < best && matchFrom(e.pattern, 1, tokens, i + 1)) best = e.rank;
      for (const e of lex.byStem) if (e.rank < best && token.startsWith((e.pattern[0] as { text: string }).text) && matchFrom(e.pattern, 1, tokens, i + 1)) best = e.rank;
    }
    if (best !== Infinity) return lex.levels[best]![0];
  }
  return undefined;
}

const NONE: Entry[] = [];
