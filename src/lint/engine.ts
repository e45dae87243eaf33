import type { Rollout, Target, TargetFacts } from '../rollout/types.js';
import type { ErrorObject } from 'ajv';
import { pathOf, plainErrors } from '../util/schema-errors.js';
import { ruleText } from './messages.js';
import type { Citation, CompiledRule, Finding, LintResult, Locale, Outcome, OutcomeRecord, RuleInstance, StaleRule } from './types.js';
import { WaiverSet } from './waivers.js';

export interface LintOptions {
  locale: Locale;
  /** Today as YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** Record every (rule, target) outcome with its reason (JSON output); counts are kept either way. */
  outcomes?: boolean;
  stale?: StaleRule[];
}

/** Whether a fact is known: own properties only, so `constructor` or `__proto__` is never a fact. */
function has(facts: object, path: string[]): boolean {
  let v: unknown = facts;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return false;
    v = (v as Record<string, unknown>)[p];
  }
  return v !== undefined;
}

/**
 * Where a finding points: the first needed fact that the config states (or its nearest stated
 * parent), else the target's own line. The candidate keys are worked out once per rule.
 */
function sourceKeys(rule: RuleInstance): string[] {
  const keys: string[] = [];
  for (const path of rule.needs) for (let n = path.length; n > 0; n--) keys.push(path.slice(0, n).join('.'));
  return keys;
}

function locationOf(target: Target, keys: string[]) {
  for (const key of keys) {
    const source = target.sources[key];
    if (source) return source;
  }
  return target.location;
}

export interface Evaluation {
  outcome: Outcome;
  reason?: string;
  /** For a failure: message and fix split around the target's name. */
  text?: { message: string[]; fix: string[] };
}

const BOUNDS: Record<string, string> = { minimum: 'at least', exclusiveMinimum: 'above', maximum: 'at most', exclusiveMaximum: 'below' };

/** Why a known fact puts a target out of a rule's scope, in plain words: "os.version is 6.1; the rule is about below 6". */
function outOfScope(errors: ErrorObject[], facts: TargetFacts): string {
  const e = errors.find((x) => x.keyword !== 'required');
  if (!e) return 'out of scope';
  const path = pathOf(e.instancePath);
  const name = path.join('.');
  let value: unknown = facts;
  for (const p of path) value = value !== null && typeof value === 'object' && Object.hasOwn(value, p) ? (value as Record<string, unknown>)[p] : undefined;
  const is = `${name} is ${JSON.stringify(value)}`;
  const params = e.params as { limit?: number; allowedValue?: unknown; allowedValues?: unknown[] };
  if (e.keyword in BOUNDS) return `${is}; the rule is about ${name} ${BOUNDS[e.keyword]} ${params.limit}`;
  if (e.keyword === 'const') return `${is}; the rule is about ${JSON.stringify(params.allowedValue)}`;
  if (e.keyword === 'enum') return `${is}; the rule is about ${(params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  return `out of scope: ${plainErrors([e], facts)[0]?.message ?? name}`;
}

/** `os.version`, with why it is unknown when an artifact says so: `os.version (row without a version)`. */
function unknownFact(path: string, facts: TargetFacts): string {
  const why = facts.unknown && Object.hasOwn(facts.unknown, path) ? facts.unknown[path] : undefined;
  return why ? `${path} (${why})` : path;
}

/**
 * Whether `applies` failed because facts it looks at are unknown (then the rule cannot say
 * whether the target is in scope: notchecked), and which: when every failure is a missing fact,
 * or a missing fact is one an artifact could not give (a CSV row without a version). Otherwise a
 * known fact puts the target out of scope.
 */
function unknownScope(rule: RuleInstance, facts: TargetFacts): string[] | undefined {
  const errors = rule.applies.errors ?? [];
  const missing = errors.filter((e) => e.keyword === 'required').map((e) => [...pathOf(e.instancePath), (e.params as { missingProperty: string }).missingProperty].join('.'));
  const said = facts.unknown ? missing.filter((p) => Object.hasOwn(facts.unknown!, p)) : [];
  if (said.length) return said.map((p) => unknownFact(p, facts));
  if (errors.length === 0 || missing.length < errors.length) return undefined;
  return missing.map((p) => unknownFact(p, facts));
}

/**
 * One rule instance on one facts object: applies, then the facts it needs, then the check.
 * Reasons are plain words; they are worked out only when asked for.
 */
export function evaluateRule(rule: RuleInstance, facts: TargetFacts, withReason: boolean): Evaluation {
  if (!rule.applies(facts)) {
    const unknown = unknownScope(rule, facts);
    if (unknown) return { outcome: 'notchecked', reason: `unknown: ${unknown.join(', ')}` };
    return withReason ? { outcome: 'notapplicable', reason: outOfScope(rule.applies.errors ?? [], facts) } : { outcome: 'notapplicable' };
  }
  const unknown = rule.needs.find((p) => !has(facts, p));
  if (unknown) {
    // An artifact may say why the fact is unknown (a firewall rule that depends on the program).
    const path = unknown.join('.');
    const key = facts.unknown && !Object.hasOwn(facts.unknown, path) && Object.hasOwn(facts.unknown, unknown[0]!) ? unknown[0]! : path;
    const why = facts.unknown && Object.hasOwn(facts.unknown, key) ? facts.unknown[key] : undefined;
    return { outcome: 'notchecked', reason: `unknown: ${path}${why ? ` (${why})` : ''}` };
  }
  try {
    if (rule.check(facts)) return { outcome: 'pass' };
  } catch (e) {
    return { outcome: 'error', reason: (e as Error).message };
  }
  return withReason ? { outcome: 'fail', reason: plainErrors(rule.check.errors ?? [], facts)[0]?.message ?? 'does not comply' } : { outcome: 'fail' };
}

interface Evaluated {
  evaluations: Evaluation[];
  counts: Record<Outcome, number>;
  /** Indexes of the rules that fail. */
  failing: number[];
}

function citation(rule: RuleInstance): Citation {
  const r = rule.requirement;
  const c: Citation = { id: r.id, doc: r.doc, locale: r.locale, section: r.section, quote: r.quote, source: r.source, hash: r.hash };
  if (rule.translations.length) c.translations = Object.fromEntries(rule.translations.map((t) => [t.locale, t.id]));
  return c;
}

/** One (rule, target) outcome as reports list it. */
function outcomeRecord(rule: RuleInstance, target: Target, e: Evaluation): OutcomeRecord {
  const o: OutcomeRecord = { rule: rule.spec.id, requirement: rule.requirement.id, target: target.name, group: target.facts.group, outcome: e.outcome };
  if (e.reason !== undefined) o.reason = e.reason;
  return o;
}

/**
 * Every (rule, target) outcome of a rollout, made one at a time while a report is written, in the
 * order and shape `lint(…, { outcomes: true })` records them (target order, then rule order), so
 * that a JSON report of a million computers need not hold millions of records. Computers of one
 * group share a facts object: its evaluations are reused while the facts stay the same.
 */
export function* outcomeRecords(rollout: Rollout, compiled: readonly CompiledRule[]): Generator<OutcomeRecord> {
  const rules = compiled.flatMap((r) => r.instances);
  let facts: TargetFacts | undefined;
  let evaluations: Evaluation[] = [];
  for (const target of rollout.targets) {
    if (target.facts !== facts) {
      facts = target.facts;
      evaluations = rules.map((rule) => evaluateRule(rule, target.facts, true));
    }
    for (let r = 0; r < rules.length; r++) yield outcomeRecord(rules[r]!, target, evaluations[r]!);
  }
}

/**
 * Evaluate every compiled rule on every target. Pure: no I/O. Findings are sorted by config
 * location, then rule and target; outcomes come in target order, then rule order.
 */
export function lint(rollout: Rollout, compiled: CompiledRule[], options: LintOptions): LintResult {
  // Every instance of every rule: one per requirement a rule selected (or its one pin).
  const rules: RuleInstance[] = compiled.flatMap((r) => r.instances);
  const waivers = new WaiverSet(rollout.waivers, options.today);
  const summary = { pass: 0, fail: 0, notapplicable: 0, notchecked: 0, error: 0, targets: rollout.targets.length, rules: rules.length, suppressed: 0 };
  const findings: Finding[] = [];
  const outcomes: OutcomeRecord[] = [];
  const citations = rules.map(citation);
  const keysOf = rules.map(sourceKeys);
  const keep = options.outcomes === true;

  // A failure's message differs by target name only: format it once per facts object with a
  // stand-in for the name, then put each computer's name in.
  const textOf = (rule: RuleInstance, facts: TargetFacts) => {
    const values = { target: TARGET, group: facts.group, os: facts.os?.name ?? (facts.os ? String(facts.os.version) : '?') };
    return { message: ruleText(rule, 'message', options.locale, values).split(TARGET), fix: ruleText(rule, 'fix', options.locale, values).split(TARGET) };
  };

  // Computers of a group share one facts object: each rule runs once per facts object, and every
  // computer of the group takes those outcomes. Reasons are only worked out when outcomes are kept.
  const memo = new Map<TargetFacts, Evaluated>();
  const evaluate = (facts: TargetFacts): Evaluated => {
    let done = memo.get(facts);
    if (done) return done;
    const evaluations = rules.map((rule) => evaluateRule(rule, facts, keep));
    const counts = { pass: 0, fail: 0, notapplicable: 0, notchecked: 0, error: 0 };
    const failing: number[] = [];
    evaluations.forEach((e, r) => {
      counts[e.outcome]++;
      if (e.outcome === 'fail') {
        e.text = textOf(rules[r]!, facts);
        failing.push(r);
      }
    });
    memo.set(facts, (done = { evaluations, counts, failing }));
    return done;
  };

  for (const target of rollout.targets) {
    const facts = target.facts;
    const { evaluations, counts, failing } = evaluate(facts);
    summary.pass += counts.pass;
    summary.fail += counts.fail;
    summary.notapplicable += counts.notapplicable;
    summary.notchecked += counts.notchecked;
    summary.error += counts.error;
    if (keep) evaluations.forEach((e, r) => outcomes.push(outcomeRecord(rules[r]!, target, e)));
    for (const r of failing) {
      const rule = rules[r]!;
      const text = evaluations[r]!.text!;
      const finding: Finding = {
        rule: rule.spec.id,
        severity: rule.spec.severity,
        message: text.message.length === 2 ? text.message[0]! + target.name + text.message[1]! : text.message.join(target.name),
        fix: text.fix.length === 1 ? text.fix[0]! : text.fix.join(target.name),
        target: target.name,
        group: facts.group,
        location: locationOf(target, keysOf[r]!),
        requirement: citations[r]!,
      };
      const waiver = waivers.match(rule.spec.id, target.name, facts.group);
      if (waiver) {
        finding.suppressed = { reason: waiver.reason, expires: waiver.expires, location: waiver.location };
        summary.suppressed++;
      }
      findings.push(finding);
    }
  }
  return { rollout: rollout.file, findings: byLocation(findings), outcomes, summary, waivers: waivers.report(), stale: options.stale ?? [] };
}

/** Stands in for the target's name while a message is formatted (it occurs in no real text). */
const TARGET = '\u0000target\u0000';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Findings by config file, line, column and rule, then in target order: the order people read
 * them in. Sorted through numeric keys, since a large fleet has a finding per computer.
 */
export function byLocation(findings: Finding[]): Finding[] {
  const files = [...new Set(findings.map((f) => f.location.file))].sort(cmp);
  const fileRank = new Map(files.map((f, i) => [f, i]));
  const rules = [...new Set(findings.map((f) => f.rule))].sort(cmp);
  const ruleRank = new Map(rules.map((r, i) => [r, i]));
  const key = new Float64Array(findings.length);
  findings.forEach((f, i) => {
    key[i] = ((fileRank.get(f.location.file)! * 1e7 + f.location.line) * 1e4 + Math.min(f.location.column, 9999)) * 1e3 + ruleRank.get(f.rule)!;
  });
  const order = Array.from({ length: findings.length }, (_, i) => i);
  order.sort((a, b) => key[a]! - key[b]! || a - b);
  return order.map((i) => findings[i]!);
}
