import { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledRule, Locale } from './types.js';

const BCP47: Record<Locale, string> = { en: 'en', nl: 'nl' };
const formats = new Map<string, IntlMessageFormat>();
const lists = new Map<string, Intl.ListFormat>();
const paramTexts = new WeakMap<CompiledRule, Partial<Record<Locale, Record<string, string>>>>();

function list(locale: Locale, type: 'disjunction' | 'conjunction'): Intl.ListFormat {
  const key = `${locale}\0${type}`;
  let f = lists.get(key);
  if (!f) lists.set(key, (f = new Intl.ListFormat(BCP47[locale], { type })));
  return f;
}

/** `[80, 443]` → "80 or 443" / "80 of 443"; `{ and: [a, b] }` → "a and b"; other values as text. */
export function formatValue(value: unknown, locale: Locale): string {
  if (Array.isArray(value)) return list(locale, 'disjunction').format(value.map(String));
  if (value && typeof value === 'object' && Array.isArray((value as { and?: unknown[] }).and)) {
    return list(locale, 'conjunction').format((value as { and: unknown[] }).and.map(String));
  }
  return String(value);
}

/** A rule's parameters as message text, formatted once per rule and locale. */
function paramsText(rule: CompiledRule, locale: Locale): Record<string, string> {
  let byLocale = paramTexts.get(rule);
  if (!byLocale) paramTexts.set(rule, (byLocale = {}));
  let texts = byLocale[locale];
  if (!texts) {
    texts = {};
    for (const [k, v] of Object.entries(rule.paramText)) texts[k] = formatValue(v, locale);
    byLocale[locale] = texts;
  }
  return texts;
}

/** A rule's message, fix or description in a locale (ICU MessageFormat), with the target and the rule's parameters. */
export function ruleText(rule: CompiledRule, kind: 'message' | 'fix' | 'description', locale: Locale, values: Record<string, string>): string {
  const key = `${rule.spec.id}\0${kind}\0${locale}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new IntlMessageFormat(rule.spec[kind][locale], BCP47[locale])));
  return String(format.format({ ...paramsText(rule, locale), ...values }));
}
