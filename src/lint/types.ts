import type { ValidateFunction } from 'ajv';
import type { Claim, ClaimKind, Level, Requirement } from '../extract/types.js';
import type { Location, Target, TargetFacts } from '../rollout/types.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
export type Locale = 'en' | 'nl';
export const LOCALES: readonly Locale[] = ['en', 'nl'];
export type Text = Record<Locale, string>;

/**
 * Which requirements a rule checks, by what they say: a claim of a kind (and value, or a JSON
 * Schema over the claim), other claims beside it, scope values (`$name` binds the value as a
 * parameter) and levels. The rule is instantiated once per matching requirement.
 */
export interface Selector {
  claim: ClaimKind;
  /** Shorthand for `where: { properties: { value: { const: … } } }`. */
  value?: string | boolean;
  /** JSON Schema over the selected claim. */
  where?: Record<string, unknown>;
  /** Claim kinds the requirement must state beside the selected one. */
  with?: ClaimKind[];
  /**
   * Scope keys: `$name` binds the scope's value as parameter `name` (a method in the rollout's
   * words, `startup-script`); a literal or list, in the articles' words (`script`), must match. A
   * requirement without a method scope takes the methods its own sentence names.
   */
  scope?: Record<string, string | string[]>;
  /** Levels to select (default: every level but `info`). */
  level?: Level[];
}

/**
 * A value taken from the requirement a rule instance checks: a claim's field (the selected claim
 * when it is of that kind), or a scope value (`method` as the rollout's method names).
 */
export type ParamSpec =
  | { claim: ClaimKind; field: string; transform?: 'number' | 'lowercase'; join?: 'or' | 'and' }
  | { scope: string; transform?: 'number' | 'lowercase' };

/** A rule file as written (`rules/*.yaml`). Either `requirement` + `hash` (a pin) or `select`. */
export interface RuleSpec {
  id: string;
  severity: Severity;
  requirement?: string;
  hash?: string;
  select?: Selector;
  needs?: string[];
  applies: Record<string, unknown>;
  check: Record<string, unknown>;
  params?: Record<string, ParamSpec>;
  message: Text;
  fix: Text;
  description: Text;
  examples: RuleExamples;
}

/**
 * A rule file's own tests (RuleTester): targets that pass and that fail, checked against the
 * requirements the rule binds to in the bundled knowledge base, or against `requirement` (claims
 * and scope of a requirement the examples stand for) when the rule binds to none there.
 */
export interface RuleExamples {
  valid: Partial<TargetFacts>[];
  invalid: Partial<TargetFacts>[];
  requirement?: { level?: Level; scope?: Requirement['scope']; claims: Claim[] };
}

/** One instance of a rule: its schemas compiled with the parameters of one requirement. */
export interface RuleInstance {
  spec: RuleSpec;
  file: string;
  /** The requirement the instance cites: in the run's locale when that locale's sentence says what the rule checks. */
  requirement: Requirement;
  /**
   * The same requirement in the other locales of the knowledge base (the build's alignment of
   * translations) that say the same: one instance, one finding, whatever the number of locales.
   */
  translations: Requirement[];
  /** Parameter values as bound into the schemas. */
  params: Record<string, unknown>;
  /** The same values as the documentation writes them, for messages (`{ and: [...] }` joins with "and"). */
  paramText: Record<string, unknown>;
  applies: ValidateFunction;
  check: ValidateFunction;
  needs: string[][];
}

/** A rule ready to run: its first instance (for listings), and all of them (for the engine). */
export interface CompiledRule extends RuleInstance {
  instances: RuleInstance[];
}

/** A selector rule that matches no requirement of the knowledge base: not run, not stale. */
export interface InactiveRule {
  rule: string;
  file: string;
  reason: string;
}

export interface StaleRule {
  rule: string;
  file: string;
  requirement: string;
  reason: string;
}

export type Outcome = 'pass' | 'fail' | 'notapplicable' | 'notchecked' | 'error';

export interface OutcomeRecord {
  rule: string;
  /** The requirement of the rule instance (a rule has one instance per requirement it checks). */
  requirement?: string;
  target: string;
  group: string;
  outcome: Outcome;
  reason?: string;
}

export interface Citation {
  id: string;
  doc: string;
  locale: string;
  section: string;
  quote: string;
  source: Location;
  hash: string;
  /** The same requirement in other locales: locale → requirement id. */
  translations?: Record<string, string>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  target: string;
  group: string;
  location: Location;
  requirement: Citation;
  suppressed?: { reason: string; expires: string; location: Location };
}

export interface WaiverReport {
  rule: string;
  target: string;
  reason: string;
  expires: string;
  location: Location;
  status: 'active' | 'expired' | 'unmatched';
  matched: number;
}

export interface LintResult {
  rollout: string;
  findings: Finding[];
  outcomes: OutcomeRecord[];
  summary: Record<Outcome, number> & { targets: number; rules: number; suppressed: number };
  waivers: WaiverReport[];
  stale: StaleRule[];
}

export type { Target, TargetFacts };
