import type { CompiledRule, LintResult, Locale } from '../lint/types.js';

export interface ReportContext {
  locale: Locale;
  rules: CompiledRule[];
  color: boolean;
  version: string;
}

/** One output format: a lint result → the text to print or write. */
export type Formatter = (result: LintResult, ctx: ReportContext) => string;
