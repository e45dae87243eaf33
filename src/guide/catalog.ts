import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../lint/types.js';
import { en, type MessageKey } from './messages/en.js';
import { nl } from './messages/nl.js';

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, nl };
/** Language names as adjectives, for "the Dutch version" / "de Nederlandse versie". */
export const LANGUAGE_NAMES: Record<Locale, Record<string, string>> = {
  en: { en: 'English', nl: 'Dutch', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese' },
  nl: { en: 'Engelse', nl: 'Nederlandse', de: 'Duitse', es: 'Spaanse', it: 'Italiaanse', pt: 'Portugese' },
};
/** Language names as nouns, for labels ("Dutch · Must" / "Nederlands · Moet"). */
export const LANGUAGE_NOUNS: Record<Locale, Record<string, string>> = {
  en: LANGUAGE_NAMES.en,
  nl: { en: 'Engels', nl: 'Nederlands', de: 'Duits', es: 'Spaans', it: 'Italiaans', pt: 'Portugees' },
};
/** Each language's own name, for the root page. */
export const ENDONYMS: Record<string, string> = { en: 'English', nl: 'Nederlands', de: 'Deutsch', es: 'Español', it: 'Italiano', pt: 'Português' };

const cache = new Map<string, IntlMessageFormat>();
const lists = new Map<string, Intl.ListFormat>();

/** Arguments used as ICU select keys: their values are kblint ids such as `must-not` or `installer.localAdmin`. */
const SELECT_ARGS = new Set(['level', 'method', 'severity', 'fact', 'form', 'kind', 'lang', 'param']);
/** `must-not` → `mustNot`, `installer.localAdmin` → `installerLocalAdmin`: ICU select keys cannot hold `-` or `.`. */
const selectKey = (v: string) => v.replace(/[-.](\w)/g, (_, c: string) => c.toUpperCase());

/** A UI message in a locale, with plural/select and Intl dates and numbers. */
export function t(locale: Locale, key: MessageKey, values: Record<string, string | number | Date> = {}): string {
  const id = `${locale}\0${key}`;
  let format = cache.get(id);
  if (!format) cache.set(id, (format = new IntlMessageFormat(CATALOGS[locale][key], locale)));
  const args: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(values)) args[k] = typeof v === 'string' && SELECT_ARGS.has(k) ? selectKey(v) : v;
  return String(format.format(args));
}

/** "FIN-001, FIN-002 and FIN-003" / "FIN-001, FIN-002 en FIN-003" (Intl.ListFormat). */
export function listOf(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const key = `${locale}\0${type}`;
  let f = lists.get(key);
  if (!f) lists.set(key, (f = new Intl.ListFormat(locale, { type })));
  return f.format(items);
}

export type { MessageKey };
