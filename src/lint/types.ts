import type { ValidateFunction } from 'ajv';
import type { Requirement } from '../extract/types.js';
import type { Location, Target, TargetFacts } from '../rollout/types.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
export type Locale = 'en' | 'nl';
export const LOCALES: readonly Locale[] = ['en', 'nl'];
export type Text = Record<Locale, string>;

/** A rule file as written (`rules/*.yaml`). */
export interface RuleSpec {
  id: string;
  severity: Severity;
  requirement: string;
  hash: string;
  needs?: string[];
  applies: Record<string, unknown>;
  check: Record<string, unknown>;
  params?: Record<string, { claim: Requirement['claims'][number]['kind']; field: string; transform?: 'number' | 'lowercase'; join?: 'or' | 'and' }>;
  message: Text;
  fix: Text;
  description: Text;
  examples: { valid: Partial<TargetFacts>[]; invalid: Partial<TargetFacts>[] };
}

/** A rule ready to run: schemas compiled with its parameters bound to the knowledge base. */
export interface CompiledRule {
  spec: RuleSpec;
  file: string;
  requirement: Requirement;
  /** Parameter values as bound into the schemas. */
  params: Record<string, unknown>;
  /** The same values as the documentation writes them, for messages (`{ and: [...] }` joins with "and"). */
  paramText: Record<string, unknown>;
  applies: ValidateFunction;
  check: ValidateFunction;
  needs: string[][];
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
