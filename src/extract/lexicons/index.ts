import { compileLexicon, type CompiledLexicon, type Lexicon } from '../lexicon.js';
import { de } from './de.js';
import { en } from './en.js';
import { nl } from './nl.js';
import { es, it, pt } from './romance.js';

const LEXICONS: Record<string, Lexicon> = { nl, en, de, es, it, pt };
const compiled = new Map<string, CompiledLexicon>();

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
