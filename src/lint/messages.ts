import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale, RuleInstance } from './types.js';

const BCP47 = new Map<Locale, string>([
  ['en', 'en'],
  ['nl', 'nl'],
]);
const formats = new Map<string, IntlMessageFormat>();
const lists = new Map<string, Intl.ListFormat>();
const paramTexts = new WeakMap<RuleInstance, Map<Locale, Map<string, string>>>();

type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }>; children?: AstNode[] };

/**
 * The names of the values an ICU message uses (arguments, plural and select variables, tags);
 * throws the parser's error for a message that is not valid ICU MessageFormat.
 */
export function messageArguments(text: string, locale: Locale): string[] {
  const names = new Set<string>();
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      // 0 literal and 7 pound (#) carry no name; every other element names a value.
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(text, BCP47.get(locale)).getAst() as AstNode[]);
  return [...names];
}

function list(locale: Locale, type: 'disjunction' | 'conjunction'): Intl.ListFormat {
  const key = `${locale}\0${type}`;
  let f = lists.get(key);
  if (!f) lists.set(key, (f = new Intl.ListFormat(BCP47.get(locale), { type })));
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

/** A rule instance's parameters as message text, formatted once per instance and locale. */
function paramsText(rule: RuleInstance, locale: Locale): Map<string, string> {
  let byLocale = paramTexts.get(rule);
  if (!byLocale) paramTexts.set(rule, (byLocale = new Map()));
  let texts = byLocale.get(locale);
  if (!texts) {
    texts = new Map();
    for (const [k, v] of Object.entries(rule.paramText)) texts.set(k, formatValue(v, locale));
    byLocale.set(locale, texts);
  }
  return texts;
}

/**
 * A rule's message, fix or description in a locale (ICU MessageFormat), with the target and the
 * rule's parameters. The values form a prototype-free object: a message can only reach the
 * values it was given (load-time checks refuse any other name).
 */
export function ruleText(rule: RuleInstance, kind: 'message' | 'fix' | 'description', locale: Locale, values: Record<string, string>): string {
  const key = `${rule.spec.id}\0${kind}\0${locale}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new IntlMessageFormat(rule.spec[kind][locale], BCP47.get(locale))));
  const all: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of paramsText(rule, locale)) all[k] = v;
  for (const [k, v] of Object.entries(values)) all[k] = v;
  return String(format.format(all));
}
