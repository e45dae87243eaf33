import { resolve } from 'node:path';
import type { KnowledgeBase } from '../kb/types.js';
import { BUNDLED_RULES, compileRules, loadRules } from '../lint/index.js';
import { prebuiltRules } from '../lint/prebuilt-rules.js';
import type { Locale } from '../lint/types.js';
import type { CliIO } from './io.js';
import { usageError, type ParsedOptions } from './main.js';

export const rulesOptions = {
  rules: { type: 'string' as const },
  locale: { type: 'string' as const, default: 'en' },
};

export async function compiledRules(options: ParsedOptions, io: CliIO, kb: KnowledgeBase) {
  const dir = typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES;
  // The rules as `npm run build` loaded them, while their files and the loader are unchanged.
  return compileRules((await prebuiltRules(dir)) ?? (await loadRules(dir)), kb);
}

export function localeOption(options: ParsedOptions): Locale {
  const locale = String(options.locale ?? 'en');
  if (locale !== 'en' && locale !== 'nl') throw usageError(`--locale: expected one of en, nl; got '${locale}'`);
  return locale;
}
