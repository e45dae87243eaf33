import type { CompiledRule, LintResult, Locale, Severity } from '../lint/types.js';

export interface ReportContext {
  locale: Locale;
  rules: CompiledRule[];
  color: boolean;
  version: string;
  /** The working folder: config paths in findings are relative to it (SARIF's SRCROOT). */
  cwd?: string;
  /** The article URL of each knowledge-base document, by `doc` id (a rule's help link). */
  documentUrls?: Readonly<Record<string, string>>;
  /** The severity at or above which a finding fails the run (`--max-severity`, default error). */
  threshold?: Severity;
  /** Errors only in human output (`--quiet`). */
  quiet?: boolean;
  /** Every output of this run (`--format github --format sarif:kblint.sarif`): file, or none for standard output. */
  outputs?: { format: string; file?: string }[];
  /** Where the guidance pages are, for links from an HTML report (default `site/<locale>/`). */
  guideBase?: string;
  /** The day of the run (YYYY-MM-DD), shown on the HTML report. */
  today?: string;
  /** The same report in the other locale, for the HTML report's language switcher. */
  otherReport?: { locale: Locale; href: string };
}

/** One output format: a lint result → the text to print or write. */
export type Formatter = (result: LintResult, ctx: ReportContext) => string;
