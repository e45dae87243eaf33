import { SEVERITIES, type OutcomeRecord, type Severity } from '../lint/types.js';
import { xmlText as xml } from './escape.js';
import { computersLine, groupFindings, position, type FindingGroup } from './group.js';
import { namesWithMore, reportText } from './messages.js';
import type { Formatter, ReportContext } from './types.js';

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** A failing rule and location as one test case: a failure when it fails the run, else reported in system-out. */
function findingCase(g: FindingGroup, ctx: ReportContext): { xml: string; failed: boolean; skipped: boolean } {
  const locale = ctx.locale;
  const threshold = ctx.threshold ?? 'error';
  const where = `${g.location.file}:${position(g.location)}`;
  const name = `${where} ${computersLine(g, locale, 3)}`;
  const body = [
    where,
    ...(g.location.detail ? [`${reportText(locale, 'at')}: ${g.location.detail}`] : []),
    computersLine(g, locale, 50),
    `${reportText(locale, 'fix')}: ${g.fix}`,
    `${reportText(locale, 'source')}: ${g.requirement.source.file}:${g.requirement.source.line}: ${g.requirement.quote}`,
  ].join('\n');
  const open = `    <testcase classname="${xml(g.rule)}" name="${xml(name)}">`;
  if (g.suppressed) {
    const waived = reportText(locale, 'waived', { reason: g.suppressed.reason, expires: g.suppressed.expires });
    return { xml: `${open}<skipped message="${xml(waived)}"/><system-out>${xml(`${g.message}\n${body}`)}</system-out></testcase>`, failed: false, skipped: true };
  }
  if (rank(g.severity) >= rank(threshold)) {
    return { xml: `${open}<failure message="${xml(g.message)}" type="${g.severity}">${xml(body)}</failure></testcase>`, failed: true, skipped: false };
  }
  const note = reportText(locale, 'belowThreshold', { severity: g.severity, threshold });
  return { xml: `${open}<system-out>${xml(`${note}\n${g.message}\n${body}`)}</system-out></testcase>`, failed: false, skipped: false };
}

/** Computers of one rollout group with the same outcome as one test case: passed, or skipped when not checked. */
function outcomeCases(rule: string, outcomes: OutcomeRecord[], ctx: ReportContext): { xml: string; skipped: boolean }[] {
  const byGroup = new Map<string, OutcomeRecord[]>();
  for (const o of outcomes) {
    if (o.outcome !== 'pass' && o.outcome !== 'notchecked') continue;
    const key = `${o.group}\0${o.outcome}\0${o.reason ?? ''}`;
    const list = byGroup.get(key);
    if (list) list.push(o);
    else byGroup.set(key, [o]);
  }
  return [...byGroup.values()].map((list) => {
    const first = list[0]!;
    const names = reportText(ctx.locale, 'computers', { count: list.length, list: namesWithMore(ctx.locale, list.map((o) => o.target), 3) });
    const open = `    <testcase classname="${xml(rule)}" name="${xml(`${first.group}: ${names}`)}">`;
    if (first.outcome === 'notchecked') return { xml: `${open}<skipped message="${xml(first.reason ?? 'not checked')}"/></testcase>`, skipped: true };
    return { xml: `${open}</testcase>`, skipped: false };
  });
}

/**
 * JUnit XML as the Jenkins xunit plugin's schema (junit-10.xsd) takes it: one testsuite per rule,
 * one test case per rule and config location that fails (the computers counted and sampled in
 * its name), one per rollout group whose computers pass or were not checked. A finding below
 * `--max-severity` does not fail the run, so it is no `<failure>` either: its text goes to
 * `<system-out>`. Waived findings are skipped with their reason.
 */
export const junit: Formatter = (result, ctx) => {
  const outcomesByRule = new Map<string, OutcomeRecord[]>();
  for (const o of result.outcomes) {
    const list = outcomesByRule.get(o.rule);
    if (list) list.push(o);
    else outcomesByRule.set(o.rule, [o]);
  }
  const findingsByRule = new Map<string, FindingGroup[]>();
  for (const g of groupFindings(result.findings, ctx.locale)) {
    const list = findingsByRule.get(g.rule);
    if (list) list.push(g);
    else findingsByRule.set(g.rule, [g]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const rule of ctx.rules) {
    const id = rule.spec.id;
    const failing = (findingsByRule.get(id) ?? []).map((g) => findingCase(g, ctx));
    const other = outcomeCases(id, outcomesByRule.get(id) ?? [], ctx);
    const cases = [...failing, ...other];
    const failed = failing.filter((c) => c.failed).length;
    const skipped = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += failed;
    const inner = cases.map((c) => `${c.xml}\n`).join('');
    suites.push(`  <testsuite name="${xml(id)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}">\n${inner}  </testsuite>\n`);
  }
  for (const s of result.stale) {
    tests++;
    suites.push(
      `  <testsuite name="${xml(s.rule)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${xml(s.rule)}" name="stale"><error message="${xml(s.reason)}" type="stale"/></testcase>\n  </testsuite>\n`,
    );
  }
  const errors = result.stale.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kblint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('')}</testsuites>\n`;
};
