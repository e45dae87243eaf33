import type { Rollout, Target } from '../rollout/types.js';
import { plainErrors } from '../util/schema-errors.js';
import { ruleText } from './messages.js';
import type { Citation, CompiledRule, Finding, LintResult, Locale, Outcome, OutcomeRecord, StaleRule } from './types.js';
import { WaiverSet } from './waivers.js';

export interface LintOptions {
  locale: Locale;
  /** Today as YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** Record every (rule, target) outcome with its reason (JSON output); counts are kept either way. */
  outcomes?: boolean;
  stale?: StaleRule[];
}

function has(facts: object, path: string[]): boolean {
  let v: unknown = facts;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string, unknown>)[p];
  }
  return v !== undefined;
}

/** Where a finding points: the first needed fact that the config states, else the target's own line. */
function locationOf(target: Target, rule: CompiledRule) {
  for (const path of rule.needs) {
    for (let n = path.length; n > 0; n--) {
      const source = target.sources[path.slice(0, n).join('.')];
      if (source) return source;
    }
  }
  return target.location;
}

function citation(rule: CompiledRule): Citation {
  const r = rule.requirement;
  return { id: r.id, doc: r.doc, locale: r.locale, section: r.section, quote: r.quote, source: r.source, hash: r.hash };
}

/** Evaluate every compiled rule on every target. Pure: no I/O. */
export function lint(rollout: Rollout, rules: CompiledRule[], options: LintOptions): LintResult {
  const waivers = new WaiverSet(rollout.waivers, options.today);
  const summary = { pass: 0, fail: 0, notapplicable: 0, notchecked: 0, error: 0, targets: rollout.targets.length, rules: rules.length, suppressed: 0 };
  const findings: Finding[] = [];
  const outcomes: OutcomeRecord[] = [];
  const citations = rules.map(citation);
  const record = (rule: CompiledRule, target: Target, outcome: Outcome, reason?: () => string) => {
    summary[outcome]++;
    if (!options.outcomes) return;
    const o: OutcomeRecord = { rule: rule.spec.id, target: target.facts.name, group: target.facts.group, outcome };
    if (reason) o.reason = reason();
    outcomes.push(o);
  };

  for (const target of rollout.targets) {
    const facts = target.facts;
    rules.forEach((rule, r) => {
      if (!rule.applies(facts)) {
        const errors = rule.applies.errors ?? [];
        record(rule, target, 'notapplicable', () => plainErrors(errors, facts)[0]?.message ?? 'does not match');
        return;
      }
      const unknown = rule.needs.find((p) => !has(facts, p));
      if (unknown) {
        record(rule, target, 'notchecked', () => `unknown: ${unknown.join('.')}`);
        return;
      }
      let ok: boolean;
      try {
        ok = rule.check(facts) as boolean;
      } catch (e) {
        record(rule, target, 'error', () => (e as Error).message);
        return;
      }
      if (ok) {
        record(rule, target, 'pass');
        return;
      }
      record(rule, target, 'fail', () => plainErrors(rule.check.errors ?? [], facts)[0]?.message ?? 'does not comply');
      const values = { target: facts.name, group: facts.group, os: facts.os?.name ?? (facts.os ? String(facts.os.version) : '?') };
      const finding: Finding = {
        rule: rule.spec.id,
        severity: rule.spec.severity,
        message: ruleText(rule, 'message', options.locale, values),
        fix: ruleText(rule, 'fix', options.locale, values),
        target: facts.name,
        group: facts.group,
        location: locationOf(target, rule),
        requirement: citations[r]!,
      };
      const waiver = waivers.match(rule.spec.id, facts.name, facts.group);
      if (waiver) {
        finding.suppressed = { reason: waiver.reason, expires: waiver.expires, location: waiver.location };
        summary.suppressed++;
      }
      findings.push(finding);
    });
  }
  findings.sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column || cmp(a.rule, b.rule) || cmp(a.target, b.target),
  );
  return { rollout: rollout.file, findings, outcomes, summary, waivers: waivers.report(), stale: options.stale ?? [] };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
