import type { CompiledRule, LintResult, Locale } from '../lint/types.js';

export interface ReportContext {
  locale: Locale;
  rules: CompiledRule[];
  color: boolean;
  version: string;
  /** Where the guidance pages are, for links from an HTML report (default `site/<locale>/`). */
  guideBase?: string;
  /** The day of the run (YYYY-MM-DD), shown on the HTML report. */
  today?: string;
  /** The same report in the other locale, for the HTML report's language switcher. */
  otherReport?: { locale: Locale; href: string };
}

/** One output format: a lint result → the text to print or write. */
export type Formatter = (result: LintResult, ctx: ReportContext) => string;
