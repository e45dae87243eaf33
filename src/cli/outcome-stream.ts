import { evaluateRule } from '../lint/index.js';
import type { CompiledRule, Evaluation, OutcomeRecord, TargetFacts } from '../lint/index.js';
import type { Rollout } from '../rollout/types.js';

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
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const e = evaluations[r]!;
      const record: OutcomeRecord = { rule: rule.spec.id, requirement: rule.requirement.id, target: target.name, group: target.facts.group, outcome: e.outcome };
      if (e.reason !== undefined) record.reason = e.reason;
      yield record;
    }
  }
}
