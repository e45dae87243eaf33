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

export interface CompiledLexicon {
  language: string;
  levels: [Level | 'not-needed', Compiled[]][];
  /** Every first word of every pattern (stems by their prefix): a sentence with none of them is skipped. */
  firstWords: Set<string>;
  firstStems: string[];
}

function compilePattern(p: string): Compiled {
  return p
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w): Word => (w === '…' || w === '...' ? 'gap' : { text: w.replace(/\*$/, ''), stem: w.endsWith('*') }));
}

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const all = [...lex.mustNot, ...lex.notNeeded, ...lex.must, ...lex.should, ...lex.may].map(compilePattern);
  const firsts = all.map((p) => p[0]).filter((w): w is { text: string; stem: boolean } => w !== undefined && w !== 'gap');
  return {
    language: lex.language,
    firstWords: new Set(firsts.filter((w) => !w.stem).map((w) => w.text)),
    firstStems: firsts.filter((w) => w.stem).map((w) => w.text),
    // Order matters: the first level whose pattern matches wins.
    levels: [
      ['must-not', lex.mustNot.map(compilePattern)],
      ['not-needed', lex.notNeeded.map(compilePattern)],
      ['must', lex.must.map(compilePattern)],
      ['should', lex.should.map(compilePattern)],
      ['may', lex.may.map(compilePattern)],
    ],
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

/** Does the pattern occur in the tokens? Each gap spans at most GAP tokens: linear overall. */
export function matches(pattern: Compiled, tokens: string[]): boolean {
  const first = pattern[0];
  if (!first || first === 'gap') return false;
  for (let i = 0; i < tokens.length; i++) {
    if (wordMatches(first, tokens[i]!) && matchFrom(pattern, 1, tokens, i + 1)) return true;
  }
  return false;
}

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

export function classifyTokens(tokens: string[], lexicons: CompiledLexicon[]): Level | 'not-needed' | undefined {
  for (const lex of lexicons) {
    if (!tokens.some((t) => lex.firstWords.has(t) || lex.firstStems.some((s) => t.startsWith(s)))) continue;
    for (const [level, patterns] of lex.levels) {
      if (patterns.some((p) => matches(p, tokens))) return level;
    }
  }
  return undefined;
}
