import type { ValidateFunction } from 'ajv';
import type { Claim, Method, Requirement } from '../extract/types.js';
import type { RolloutMethod } from '../rollout/types.js';
import type { Selector } from './types.js';
import { compileRuleSchema } from './compile.js';

/** The install methods articles name, as a rollout names them. */
const ROLLOUT_METHODS = new Map<string, RolloutMethod>([
  ['group-policy', 'group-policy'],
  ['windows-update', 'windows-update'],
  ['script', 'startup-script'],
  ['sms', 'sms'],
  ['download', 'manual'],
]);

export function rolloutMethod(method: string): RolloutMethod | undefined {
  return ROLLOUT_METHODS.get(method);
}

/**
 * The methods a requirement speaks of: its scope's (from its section or procedure title), else the
 * methods its own sentence names ("Als u RMS-client installeert met SMS of Groepsbeleid, …").
 */
export function methodsOf(req: Requirement): Method[] {
  if (req.scope.method) return [req.scope.method];
  const claim = req.claims.find((c): c is Extract<Claim, { kind: 'method' }> => c.kind === 'method');
  return claim ? [...claim.values] : [];
}

/** A scope value of a requirement, by key: `method` as the rollout's methods, the rest as stated. */
export function scopeValue(req: Requirement, key: string): unknown {
  if (key === 'method') {
    const methods = methodsOf(req).map(rolloutMethod).filter((m): m is RolloutMethod => m !== undefined);
    return methods.length ? methods : undefined;
  }
  return Object.hasOwn(req.scope, key) ? (req.scope as Record<string, unknown>)[key] : undefined;
}

export interface Selection {
  claim: Claim;
  /** Parameters bound by `$name` scope entries. */
  bound: Map<string, unknown>;
}

const DEFAULT_LEVELS = new Set(['must', 'must-not', 'should', 'should-not', 'may']);

/** A compiled selector: the first claim of a requirement it selects, with its bindings, or undefined. */
export function compileSelector(select: Selector): (req: Requirement) => Selection | undefined {
  const levels = new Set<string>(select.level ?? DEFAULT_LEVELS);
  let where: ValidateFunction | undefined;
  if (select.where) where = compileRuleSchema('where', select.where);
  const scope = Object.entries(select.scope ?? {});
  return (req) => {
    // The cheap tests first: most of a large knowledge base states no claim of the selected kind.
    if (!levels.has(req.level) || !req.claims.some((c) => c.kind === select.claim)) return undefined;
    for (const kind of select.with ?? []) if (!req.claims.some((c) => c.kind === kind)) return undefined;
    const bound = new Map<string, unknown>();
    for (const [key, wanted] of scope) {
      const actual = scopeValue(req, key);
      if (actual === undefined) return undefined;
      if (typeof wanted === 'string' && wanted.startsWith('$')) {
        bound.set(wanted.slice(1), actual);
        continue;
      }
      // Literals are in the articles' words (`script`, `download`), as the knowledge base has them.
      const accepted = Array.isArray(wanted) ? wanted : [wanted];
      const values = key === 'method' ? methodsOf(req) : [actual];
      const kept = values.filter((v) => accepted.includes(String(v)));
      if (kept.length === 0) return undefined;
    }
    const claim = req.claims.find(
      (c) =>
        c.kind === select.claim &&
        (select.value === undefined || ('value' in c && c.value === select.value)) &&
        (where === undefined || where(c)),
    );
    return claim ? { claim, bound } : undefined;
  };
}
