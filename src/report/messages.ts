import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../lint/types.js';

/**
 * The words every report format prints (stylish, github, junit, markdown, summary, SARIF,
 * Code Quality and the HTML report), in ICU MessageFormat, one catalog per locale. Rule messages
 * live in the rule files; this catalog holds what kblint itself says around them.
 */
const en = {
  problems:
    '{total, plural, =0 {no problems} one {# problem} other {# problems}} ({errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}})',
  outcomes:
    '{targets, plural, one {# target} other {# targets}} × {rules, plural, one {# rule} other {# rules}}: {pass} pass, {fail} fail, {notapplicable} not applicable, {notchecked} not checked, {error} error; {suppressed} suppressed by waivers',
  computers: '{count, plural, one {# computer} other {# computers}}: {list}',
  more: '{count, number} more',
  firstOfMany: '{target} (+{more, number} more)',
  fix: 'fix',
  source: 'source',
  at: 'at',
  severity: '{severity, select, error {error} warning {warning} other {info}}',
  staleRule: 'stale rule {rule}: {reason}',
  waiverExpired: 'waiver for {rule} on {target} expired {expires}; it no longer suppresses',
  waiverUnmatched: 'waiver for {rule} on {target} matched nothing',
  waived: 'waived: {reason} (until {expires})',
  belowThreshold: '{severity, select, error {error} warning {warning} other {info}} below --max-severity {threshold}: reported, not failing',
  annotationsOverflow:
    '{more, plural, one {# more finding is} other {# more findings are}} not shown as annotations ({shown} shown; GitHub shows at most 10 error annotations a step). Full report: {where}.',
  fullReportLog: 'the stylish output of this step (kblint check --format stylish)',
  wrote: '{format} → {file}',
  summaryLine: 'kblint: {problems} in {targets, plural, one {# target} other {# targets}}{notchecked, plural, =0 {} one {, # check not checked} other {, # checks not checked}}',
  markdownTitle: 'kblint: {name}',
  markdownClean: 'No problems found.',
  columnSeverity: 'Severity',
  columnRule: 'Rule',
  columnLocation: 'Location',
  columnComputers: 'Computers',
  columnMessage: 'Finding',
  reportTitle: 'kblint report: {name}',
  reportSummary:
    '{targets, plural, one {# computer} other {# computers}}, {findings, plural, =0 {no findings} one {# finding} other {# findings}}, {suppressed, plural, =0 {none waived} other {# waived}}.',
  reportChartTitle: 'Compliant and failing computers per group',
  reportCompliant: 'compliant',
  reportFailing: 'failing',
  reportGroup: 'Group {group}',
  reportWaived: 'waived: {reason} (until {expires})',
  reportNoFindings: 'No findings.',
  reportGenerated: 'Generated on {date, date, long}.',
  seeRule: 'Rule {id}',
} as const;

export type ReportMessageKey = keyof typeof en;

const nl: Record<ReportMessageKey, string> = {
  problems:
    '{total, plural, =0 {geen problemen} one {# probleem} other {# problemen}} ({errors, plural, one {# fout} other {# fouten}}, {warnings, plural, one {# waarschuwing} other {# waarschuwingen}})',
  outcomes:
    '{targets, plural, one {# doel} other {# doelen}} × {rules, plural, one {# regel} other {# regels}}: {pass} voldoet, {fail} voldoet niet, {notapplicable} niet van toepassing, {notchecked} niet gecontroleerd, {error} fout; {suppressed} uitgezonderd',
  computers: '{count, plural, one {# computer} other {# computers}}: {list}',
  more: '{count, number} meer',
  firstOfMany: '{target} (+{more, number} andere)',
  fix: 'oplossing',
  source: 'bron',
  at: 'bij',
  severity: '{severity, select, error {fout} warning {waarschuwing} other {info}}',
  staleRule: 'verouderde regel {rule}: {reason}',
  waiverExpired: 'uitzondering voor {rule} op {target} is verlopen op {expires}; ze geldt niet meer',
  waiverUnmatched: 'uitzondering voor {rule} op {target} past op niets',
  waived: 'uitgezonderd: {reason} (tot {expires})',
  belowThreshold: '{severity, select, error {fout} warning {waarschuwing} other {info}} onder --max-severity {threshold}: gemeld, niet mislukt',
  annotationsOverflow:
    '{more, plural, one {# bevinding staat} other {# bevindingen staan}} niet als annotatie ({shown} getoond; GitHub toont hoogstens 10 foutannotaties per stap). Volledig rapport: {where}.',
  fullReportLog: 'de stylish-uitvoer van deze stap (kblint check --format stylish)',
  wrote: '{format} → {file}',
  summaryLine: 'kblint: {problems} in {targets, plural, one {# doel} other {# doelen}}{notchecked, plural, =0 {} one {, # controle niet uitgevoerd} other {, # controles niet uitgevoerd}}',
  markdownTitle: 'kblint: {name}',
  markdownClean: 'Geen problemen gevonden.',
  columnSeverity: 'Ernst',
  columnRule: 'Regel',
  columnLocation: 'Plaats',
  columnComputers: 'Computers',
  columnMessage: 'Bevinding',
  reportTitle: 'kblint-rapport: {name}',
  reportSummary:
    '{targets, plural, one {# computer} other {# computers}}, {findings, plural, =0 {geen bevindingen} one {# bevinding} other {# bevindingen}}, {suppressed, plural, =0 {geen uitgezonderd} other {# uitgezonderd}}.',
  reportChartTitle: 'Computers per groep die voldoen en die niet voldoen',
  reportCompliant: 'voldoet',
  reportFailing: 'voldoet niet',
  reportGroup: 'Groep {group}',
  reportWaived: 'uitgezonderd: {reason} (tot {expires})',
  reportNoFindings: 'Geen bevindingen.',
  reportGenerated: 'Gemaakt op {date, date, long}.',
  seeRule: 'Regel {id}',
};

export const REPORT_MESSAGES: Record<Locale, Record<ReportMessageKey, string>> = { en, nl };

const formats = new Map<string, IntlMessageFormat>();

/** A report message in a locale: `reportText('nl', 'problems', { total: 2, errors: 1, warnings: 1 })`. */
export function reportText(locale: Locale, key: ReportMessageKey, values: Record<string, string | number | Date> = {}): string {
  const id = `${locale}\0${key}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new IntlMessageFormat(REPORT_MESSAGES[locale][key], locale)));
  return String(format.format(values));
}

const lists = new Map<Locale, Intl.ListFormat>();

/**
 * The first `shown` names and how many more: "A, B, C and 317 more" / "A, B, C en 317 meer".
 * All names when there are at most `shown + 1` (never "and 1 more").
 */
export function namesWithMore(locale: Locale, names: readonly string[], shown: number): string {
  let list = lists.get(locale);
  if (!list) lists.set(locale, (list = new Intl.ListFormat(locale, { type: 'conjunction' })));
  if (names.length <= shown + 1) return list.format(names);
  return list.format([...names.slice(0, shown), reportText(locale, 'more', { count: names.length - shown })]);
}
