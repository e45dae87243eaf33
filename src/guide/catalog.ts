import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../lint/types.js';
import { en, type MessageKey } from './messages/en.js';
import { nl } from './messages/nl.js';

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, nl };
export const LANGUAGE_NAMES: Record<Locale, Record<string, string>> = {
  en: { en: 'English', nl: 'Dutch', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese' },
  nl: { en: 'Engelse', nl: 'Nederlandse', de: 'Duitse', es: 'Spaanse', it: 'Italiaanse', pt: 'Portugese' },
};

const cache = new Map<string, IntlMessageFormat>();

/** `must-not` → `mustNot`: ICU select keys cannot hold a hyphen, kblint's values do. */
const selectKey = (v: string) => v.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** A UI message in a locale, with plural/select and Intl dates and numbers. */
export function t(locale: Locale, key: MessageKey, values: Record<string, string | number | Date> = {}): string {
  const id = `${locale}\0${key}`;
  let format = cache.get(id);
  if (!format) cache.set(id, (format = new IntlMessageFormat(CATALOGS[locale][key], locale)));
  const args: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(values)) args[k] = typeof v === 'string' && (k === 'level' || k === 'method' || k === 'severity') ? selectKey(v) : v;
  return String(format.format(args));
}

export type { MessageKey };
