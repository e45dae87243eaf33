import type { SourcePos } from '../parse/types.js';

export type Level = 'must' | 'must-not' | 'should' | 'should-not' | 'may' | 'info';
export const LEVELS: readonly Level[] = ['must', 'must-not', 'should', 'should-not', 'may', 'info'];

/** A UI step of a procedure ("Klik op OK") is an `action`; what constrains the result is `state`. */
export type Form = 'state' | 'action';

export type Method = 'group-policy' | 'windows-update' | 'script' | 'sms' | 'download';
export const METHODS: readonly Method[] = ['group-policy', 'windows-update', 'script', 'sms', 'download'];

export interface OsBound {
  bound: 'before' | 'from' | 'only';
  /** NT version, e.g. `6.0` for Windows Vista. */
  version: string;
  /** The OS as the text names it ("Windows Vista"). */
  name: string;
}

export type Claim =
  | { kind: 'privilege'; value: 'local-admin' | 'none' }
  | ({ kind: 'os' } & OsBound)
  | { kind: 'builtin'; value: true }
  | { kind: 'install'; value: 'required' | 'not-required' | 'separate-not-possible' | 'startup-script' | 'mentioned' }
  | { kind: 'activation'; value: 'required' | 'local' | 'mentioned' }
  | { kind: 'network'; value: 'required' | 'not-required' }
  | { kind: 'port'; ports: number[]; protocol?: 'tcp' | 'udp'; peers: string[] }
  | { kind: 'restart'; value: 'required' | 'suppressed' | 'not-required' }
  | { kind: 'integrity'; value: 'verify' }
  | { kind: 'method'; values: Method[] }
  | { kind: 'order'; first: string; then: string }
  | { kind: 'logon'; value: 'user' | 'any' | 'no-user' }
  | { kind: 'command'; line: string; program: string; switches: string[]; properties: Record<string, string>; msi: string[]; quiet: boolean };

export type ClaimKind = Claim['kind'];
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'privilege', 'os', 'builtin', 'install', 'activation', 'network', 'port', 'restart', 'integrity', 'method', 'order', 'command', 'logon',
];

export interface Scope {
  method?: Method;
  os?: OsBound;
  /** The phase a sentence speaks of when it says so only through the sentence before ("Daarvoor…"). */
  phase?: 'install' | 'activation';
}

export interface Requirement {
  id: string;
  doc: string;
  locale: string;
  section: string;
  level: Level;
  /** The words that decided the level, gaps as `…` ("mag … niet"); absent when nothing did. */
  trigger?: string;
  form: Form;
  scope: Scope;
  claims: Claim[];
  quote: string;
  source: SourcePos;
  hash: string;
  /** Where in the article the sentence stands (section path, block, sentence): aligns translations. */
  place: string;
  /** Ids of the same requirement in other locales, by locale. */
  translations?: Record<string, string>;
}
