import { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledRule, Locale } from './types.js';

const BCP47: Record<Locale, string> = { en: 'en', nl: 'nl' };
const cache = new Map<string, IntlMessageFormat>();

/** `[80, 443]` → "80 or 443" / "80 of 443"; other values as text. */
export function formatValue(value: unknown, locale: Locale): string {
  if (Array.isArray(value)) return new Intl.ListFormat(BCP47[locale], { type: 'disjunction' }).format(value.map(String));
  if (value && typeof value === 'object' && Array.isArray((value as { and?: unknown[] }).and)) {
    return new Intl.ListFormat(BCP47[locale], { type: 'conjunction' }).format((value as { and: unknown[] }).and.map(String));
  }
  return String(value);
}

/** A rule's message or fix in a locale (ICU MessageFormat), with the target and the rule's parameters. */
export function ruleText(rule: CompiledRule, kind: 'message' | 'fix' | 'description', locale: Locale, values: Record<string, unknown>): string {
  const key = `${rule.spec.id}\0${kind}\0${locale}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new IntlMessageFormat(rule.spec[kind][locale], BCP47[locale])));
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...rule.paramText, ...values })) all[k] = formatValue(v, locale);
  return String(format.format(all));
}
