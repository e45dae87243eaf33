import { compileClaimWords, type CompiledClaimWords } from '../claim-words.js';
import { compileLexicon, type CompiledLexicon, type Lexicon } from '../lexicon.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

const LEXICONS: Record<string, Lexicon> = { nl, en, de, es, it, pt };
const compiled = new Map<string, CompiledLexicon>();
const claimWords = new Map<string, CompiledClaimWords>();

function get(language: string): CompiledLexicon | undefined {
  const lex = LEXICONS[language];
  if (!lex) return undefined;
  let c = compiled.get(language);
  if (!c) compiled.set(language, (c = compileLexicon(lex)));
  return c;
}

export function lexiconLanguages(): string[] {
  return Object.keys(LEXICONS);
}

/**
 * The lexicons to read a document with: its own language first, then English, because
 * localized repositories carry untranslated English bodies.
 */
export function lexiconsFor(locale: string): CompiledLexicon[] {
  const language = locale.slice(0, 2).toLowerCase();
  const own = get(language);
  const english = get('en')!;
  return own && own !== english ? [own, english] : [english];
}

/** The claim vocabulary of a document: its own language's and English. */
export function claimWordsFor(locale: string): CompiledClaimWords {
  const key = locale.slice(0, 2).toLowerCase();
  let c = claimWords.get(key);
  if (!c) claimWords.set(key, (c = compileClaimWords(lexiconsFor(locale).map((l) => l.source.claims))));
  return c;
}
