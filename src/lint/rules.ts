import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';
import { assertValid } from '../util/schema-errors.js';
import { loadYaml } from '../util/yaml.js';
import type { CompiledRule, RuleSpec, StaleRule } from './types.js';
import { schemaValidator } from '../util/schema-validator.js';

export const BUNDLED_RULES = fileURLToPath(new URL('../../rules/', import.meta.url));

/** One Ajv for rule schemas: compiled once per rule, shared across targets. */
export const ruleAjv = new Ajv({ allErrors: false, strict: false });
let validateSpec: ValidateFunction | undefined;

export interface LoadedRule {
  spec: RuleSpec;
  file: string;
}

/** Every `*.yaml` rule in a folder, validated against `schema/rule.schema.json`, sorted by id. */
export async function loadRules(dir = BUNDLED_RULES): Promise<LoadedRule[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_')).sort();
  } catch {
    throw new KblintError('no-rules', 'rules folder cannot be read', { file: dir });
  }
  validateSpec ??= schemaValidator('rule');
  const rules: LoadedRule[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const yaml = loadYaml(await readFile(file, 'utf8'), file);
    assertValid(validateSpec, yaml, file, 'invalid-rule');
    const spec = yaml.value as RuleSpec;
    const other = ids.get(spec.id);
    if (other) throw new KblintError('duplicate-rule', `rule id '${spec.id}' is also used by ${other}`, { file });
    ids.set(spec.id, file);
    rules.push({ spec, file });
  }
  return rules.sort((a, b) => (a.spec.id < b.spec.id ? -1 : 1));
}

/** Replace every `{"$param": name}` in a schema by the parameter's value. */
export function bindParams(schema: unknown, params: Record<string, unknown>, ruleId: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => bindParams(s, params, ruleId));
  if (schema && typeof schema === 'object') {
    const obj = schema as Record<string, unknown>;
    if (typeof obj.$param === 'string' && Object.keys(obj).length === 1) {
      if (!(obj.$param in params)) throw new KblintError('invalid-rule', `rule ${ruleId} uses unknown parameter '${obj.$param}'`);
      return params[obj.$param];
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, bindParams(v, params, ruleId)]));
  }
  return schema;
}

/** A parameter's value from the cited requirement's claims, or why there is none. */
function paramValue(req: Requirement, p: NonNullable<RuleSpec['params']>[string]): { value: unknown; raw: unknown } | { missing: string } {
  // A claim of the sentence itself, else the scope it inherits (an OS bound, a method).
  const claim = (req.claims.find((c) => c.kind === p.claim) ?? (req.scope as Record<string, unknown>)[p.claim]) as Record<string, unknown> | undefined;
  if (!claim || typeof claim !== 'object') return { missing: `the requirement no longer states a '${p.claim}' claim or scope` };
  if (!(p.field in claim)) return { missing: `its '${p.claim}' claim has no '${p.field}'` };
  const raw = claim[p.field];
  if (p.transform === 'number') return { value: Number(raw), raw };
  if (p.transform === 'lowercase') {
    return { value: Array.isArray(raw) ? raw.map((v) => String(v).toLowerCase()) : String(raw).toLowerCase(), raw };
  }
  return { value: raw, raw };
}

/** Bind rules to the knowledge base: a rule whose requirement vanished, changed or lost its claim is stale. */
export function compileRules(rules: LoadedRule[], kb: KnowledgeBase): { compiled: CompiledRule[]; stale: StaleRule[] } {
  const byId = new Map(kb.requirements.map((r) => [r.id, r]));
  const compiled: CompiledRule[] = [];
  const stale: StaleRule[] = [];
  for (const { spec, file } of rules) {
    const base = { rule: spec.id, file, requirement: spec.requirement };
    const req = byId.get(spec.requirement);
    if (!req) {
      stale.push({ ...base, reason: `requirement ${spec.requirement} is not in the knowledge base` });
      continue;
    }
    if (!req.hash.startsWith(spec.hash)) {
      stale.push({ ...base, reason: `requirement ${spec.requirement} changed (hash ${req.hash.slice(0, 16)}, rule written for ${spec.hash}): "${req.quote}"` });
      continue;
    }
    const params: Record<string, unknown> = {};
    const paramText: Record<string, unknown> = {};
    let missing: string | undefined;
    for (const [name, p] of Object.entries(spec.params ?? {})) {
      const v = paramValue(req, p);
      if ('missing' in v) missing ??= `parameter '${name}': ${v.missing}`;
      else {
        params[name] = v.value;
        paramText[name] = p.join === 'and' && Array.isArray(v.raw) ? { and: v.raw } : v.raw;
      }
    }
    if (missing) {
      stale.push({ ...base, reason: missing });
      continue;
    }
    let applies: ValidateFunction;
    let check: ValidateFunction;
    try {
      applies = ruleAjv.compile(bindParams(spec.applies, params, spec.id) as object);
      check = ruleAjv.compile(bindParams(spec.check, params, spec.id) as object);
    } catch (e) {
      throw new KblintError('invalid-rule', `rule ${spec.id}: ${(e as Error).message}`, { file });
    }
    compiled.push({ spec, file, requirement: req, params, paramText, applies, check, needs: (spec.needs ?? []).map((n) => n.split('.')) });
  }
  return { compiled, stale };
}
