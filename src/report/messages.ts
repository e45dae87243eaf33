import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../lint/types.js';

/**
 * Words the guidance pages and the HTML report share: the page shell (site title, navigation) and
 * the facts a plan can leave open. The guide's catalog takes them from here, so that a report needs
 * nothing of the guide's own catalog.
 */
export const PAGE_MESSAGES = {
  en: {
    siteTitle: 'RMS client rollout guidance',
    navHome: 'Overview',
    navLanguage: 'Language',
    otherLanguage: 'Nederlands',
    fact: '{fact, select, installerLocalAdmin {whether the installing user is a local administrator} networkRoot {which ports reach the root cluster} networkLicensing {which ports reach the licensing cluster} activation {whether the client is activated} install {whether the client is installed} command {which install command runs} scriptContext {whether the script runs as computer or as user} scriptIntegrityCheck {whether the script checks the software’s integrity} osVersion {the Windows version} method {the install method} other {{fact}}}',
  },
  nl: {
    siteTitle: 'Richtlijnen voor de uitrol van de RMS-client',
    navHome: 'Overzicht',
    navLanguage: 'Taal',
    otherLanguage: 'English',
    fact: '{fact, select, installerLocalAdmin {of de gebruiker die installeert lokale beheerder is} networkRoot {via welke poorten het basiscluster bereikbaar is} networkLicensing {via welke poorten het licentiecluster bereikbaar is} activation {of de client wordt geactiveerd} install {of de client wordt geïnstalleerd} command {welke installatieopdracht wordt uitgevoerd} scriptContext {of het script als computer of als gebruiker draait} scriptIntegrityCheck {of het script de integriteit van de software controleert} osVersion {welke Windows-versie het is} method {welke installatiemethode wordt gebruikt} other {{fact}}}',
  },
} as const satisfies Record<Locale, Record<string, string>>;
export type PageMessageKey = keyof (typeof PAGE_MESSAGES)['en'];

/**
 * The words every report format prints (stylish, github, junit, markdown, summary, SARIF,
 * Code Quality and the HTML report), in ICU MessageFormat, one catalog per locale. Rule messages
 * live in the rule files; this catalog holds what kblint itself says around them.
 */
const en = {
  ...PAGE_MESSAGES.en,
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
  reportSummary: '{targets, plural, one {# computer} other {# computers}}, {findings, plural, =0 {no findings} one {# finding} other {# findings}}, {suppressed, plural, =0 {none waived} other {# waived}}, {notchecked, plural, =0 {all checked} one {# computer not checked} other {# computers not checked}}.',
  reportChartTitle: 'Computers per group: compliant, failing, not checked',
  reportCompliant: 'compliant',
  reportFailing: 'failing',
  reportGroup: 'Group {group}',
  reportFailingTargets: '{count, plural, one {Does not comply: {targets}.} other {# computers do not comply: {targets}.}}',
  reportWaived: 'waived: {reason} (until {expires})',
  reportNoFindings: 'No findings.',
  reportNotCheckedShort: 'not checked',
  reportNotChecked: 'Not checked',
  reportNotCheckedIntro: 'For these computers kblint could not decide, because the rollout plan leaves a fact open. They are not counted as compliant.',
  reportNotCheckedItem: '{count, plural, one {{targets}} other {{targets} (# computers)}}: the plan does not say {facts}.',
  reportGenerated: 'Generated on {date, date, long}.',
  seeRule: 'Check {id}',
} as const;

export type ReportMessageKey = keyof typeof en;

const nl: Record<ReportMessageKey, string> = {
  ...PAGE_MESSAGES.nl,
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
  reportSummary: '{targets, plural, one {# computer} other {# computers}}, {findings, plural, =0 {geen bevindingen} one {# bevinding} other {# bevindingen}}, {suppressed, plural, =0 {geen uitgezonderd} other {# uitgezonderd}}, {notchecked, plural, =0 {alle gecontroleerd} one {# computer niet gecontroleerd} other {# computers niet gecontroleerd}}.',
  reportChartTitle: 'Computers per groep: voldoet, voldoet niet, niet gecontroleerd',
  reportCompliant: 'voldoet',
  reportFailing: 'voldoet niet',
  reportGroup: 'Groep {group}',
  reportFailingTargets: '{count, plural, one {Voldoet niet: {targets}.} other {# computers voldoen niet: {targets}.}}',
  reportWaived: 'uitgezonderd: {reason} (tot {expires})',
  reportNoFindings: 'Geen bevindingen.',
  reportNotCheckedShort: 'niet gecontroleerd',
  reportNotChecked: 'Niet gecontroleerd',
  reportNotCheckedIntro: 'Voor deze computers kon kblint niet beslissen, omdat het uitrolplan een gegeven openlaat. Ze tellen niet als in orde.',
  reportNotCheckedItem: '{count, plural, one {{targets}} other {{targets} (# computers)}}: het plan zegt niet {facts}.',
  reportGenerated: 'Gemaakt op {date, date, long}.',
  seeRule: 'Controle {id}',
};

export const REPORT_MESSAGES: Record<Locale, Record<ReportMessageKey, string>> = { en, nl };

const formats = new Map<string, IntlMessageFormat>();

/** Arguments used as ICU select keys hold kblint ids (`installer.localAdmin`), which ICU keys cannot: `installerLocalAdmin`. */
const SELECT_ARGS = new Set(['fact']);
const selectKey = (v: string) => v.replace(/[-.](\w)/g, (_, c: string) => c.toUpperCase());

/** A report message in a locale: `reportText('nl', 'problems', { total: 2, errors: 1, warnings: 1 })`. */
export function reportText(locale: Locale, key: ReportMessageKey, values: Record<string, string | number | Date> = {}): string {
  const id = `${locale}\0${key}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new IntlMessageFormat(REPORT_MESSAGES[locale][key], locale)));
  const args: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(values)) args[k] = typeof v === 'string' && SELECT_ARGS.has(k) ? selectKey(v) : v;
  return String(format.format(args));
}

const lists = new Map<Locale, Intl.ListFormat>();

/** "FIN-001, FIN-002 and FIN-003" / "FIN-001, FIN-002 en FIN-003". */
export function listOf(locale: Locale, names: readonly string[]): string {
  let list = lists.get(locale);
  if (!list) lists.set(locale, (list = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return list.format(names);
}

/**
 * The first `shown` names and how many more: "A, B, C and 317 more" / "A, B, C en 317 meer".
 * All names when there are at most `shown + 1` (never "and 1 more").
 */
export function namesWithMore(locale: Locale, names: readonly string[], shown: number): string {
  if (names.length <= shown + 1) return listOf(locale, names);
  return listOf(locale, [...names.slice(0, shown), reportText(locale, 'more', { count: names.length - shown })]);
}
