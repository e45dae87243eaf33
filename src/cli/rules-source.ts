import { resolve } from 'node:path';
import type { KnowledgeBase } from '../kb/types.js';
import { BUNDLED_RULES, compileRules, hasLocale, loadRules } from '../lint/index.js';
import { prebuiltRules } from '../lint/prebuilt-rules.js';
import type { Locale } from '../lint/types.js';
import type { CliIO } from './io.js';
import { usageError, type ParsedOptions } from './main.js';

export const rulesOptions = {
  rules: { type: 'string' as const },
  locale: { type: 'string' as const, default: 'en' },
};

/** `nl`, `de-DE`, `pt-br`: a language, optionally with a region. */
const LOCALE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

const languageOf = (locale: string) => locale.toLowerCase().split('-')[0]!;

/**
 * Rules bound to the knowledge base. `--locale` also chooses the locale requirements are cited in
 * (a requirement the knowledge base has in several locales gives one instance, cited in this
 * locale when it has it there); a locale the messages are not written in must be one of the
 * knowledge base's.
 */
export async function compiledRules(options: ParsedOptions, io: CliIO, kb: KnowledgeBase) {
  const dir = typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES;
  const locale = typeof options.locale === 'string' ? options.locale : undefined;
  if (locale !== undefined && !['en', 'nl'].includes(languageOf(locale)) && !hasLocale(kb, locale)) {
    const known = [...new Set(kb.requirements.map((r) => r.locale))].sort();
    throw usageError(`--locale: expected en, nl or a locale of the knowledge base${known.length ? ` (${known.join(', ')})` : ''}; got '${locale}'`);
  }
  // The rules as `npm run build` loaded them, while their files and the loader are unchanged.
  const rules = (await prebuiltRules(dir)) ?? (await loadRules(dir));
  return compileRules(rules, kb, locale !== undefined && hasLocale(kb, locale) ? { locale } : {});
}

/**
 * The language of messages: nl or en. Any other locale (`de`) is accepted for the citations
 * (checked against the knowledge base by `compiledRules`), with messages in English.
 */
export function localeOption(options: ParsedOptions): Locale {
  const locale = String(options.locale ?? 'en');
  if (!LOCALE_TAG.test(locale)) throw usageError(`--locale: expected a locale such as en, nl or de-DE; got '${locale}'`);
  return languageOf(locale) === 'nl' ? 'nl' : 'en';
}
