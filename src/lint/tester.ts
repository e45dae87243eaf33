import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { TargetFacts } from '../rollout/types.js';
import { evaluateRule } from './engine.js';
import { compileRules, type LoadedRule } from './rules.js';
import type { Outcome, RuleInstance } from './types.js';

/** One example of a rule file, run through the engine. */
export interface ExampleResult {
  rule: string;
  kind: 'valid' | 'invalid';
  index: number;
  /** valid: no instance fails; invalid: some instance fails. */
  ok: boolean;
  /** Each instance's outcome, with the requirement it checks. */
  outcomes: { requirement: string; outcome: Outcome; reason?: string }[];
}

/** The requirement a rule file's examples stand for (`examples.requirement`), as the knowledge base would hold it. */
function exampleRequirement(rule: LoadedRule): Requirement | undefined {
  const stub = rule.spec.examples.requirement;
  if (!stub) return undefined;
  return {
    id: `example/${rule.spec.id}/requirement`,
    doc: 'example',
    locale: 'en',
    section: 'examples',
    level: stub.level ?? 'must',
    form: 'state',
    scope: stub.scope ?? {},
    claims: stub.claims,
    quote: `(the requirement ${rule.spec.id}'s examples stand for)`,
    source: { file: rule.file, line: 1, column: 1 },
    hash: '0'.repeat(64),
    place: 'examples',
  };
}

/**
 * Like ESLint's RuleTester: a rule file's valid and invalid targets go through the engine's own
 * evaluation (`evaluateRule`, as `kblint check` runs it), once for each instance the rule gets
 * from the knowledge base, or from the requirement its examples stand for when the knowledge
 * base gives it none. Throws when the rule cannot be instantiated at all.
 */
export function testRule(rule: LoadedRule, kb: KnowledgeBase): ExampleResult[] {
  let { compiled, stale } = compileRules([rule], kb);
  if (compiled.length === 0) {
    const stub = exampleRequirement(rule);
    if (stub) ({ compiled, stale } = compileRules([rule], { ...kb, requirements: [stub] }));
  }
  const instances: RuleInstance[] = compiled.flatMap((r) => r.instances);
  if (instances.length === 0) {
    const why = stale[0]?.reason ?? 'it selects no requirement of the knowledge base and its examples name none (examples.requirement)';
    throw new Error(`rule ${rule.spec.id} cannot be tested: ${why}`);
  }
  const run = (kind: 'valid' | 'invalid') =>
    rule.spec.examples[kind].map((example, index): ExampleResult => {
      const facts = { group: 'example', ...example } as TargetFacts;
      const outcomes = instances.map((instance) => {
        const e = evaluateRule(instance, facts, true);
        return { requirement: instance.requirement.id, outcome: e.outcome, ...(e.reason === undefined ? {} : { reason: e.reason }) };
      });
      const fails = outcomes.some((o) => o.outcome === 'fail');
      const clean = outcomes.every((o) => o.outcome === 'pass' || o.outcome === 'notapplicable');
      return { rule: rule.spec.id, kind, index, ok: kind === 'invalid' ? fails : clean, outcomes };
    });
  return [...run('valid'), ...run('invalid')];
}
