import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import type { Claim, Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';
import { assertValid } from '../util/schema-errors.js';
import { loadYaml, type LoadedYaml } from '../util/yaml.js';
import { compileRuleSchema } from './compile.js';
import { messageArguments } from './messages.js';
import { compileSelector, scopeValue } from './select.js';
import { translationSets, type TranslationSet } from './translations.js';
import { claimKey } from '../kb/drift.js';
import type { CompiledRule, InactiveRule, ParamSpec, RuleInstance, RuleSpec, StaleRule } from './types.js';
import { LOCALES } from './types.js';
import { schemaValidator } from '../util/schema-validator.js';
import { readInputFile } from '../util/files.js';

/** A rule file is a page of YAML; anything larger is not one. */
const RULE_FILE_MAX_BYTES = 1024 * 1024;

export const BUNDLED_RULES = fileURLToPath(new URL('../../rules/', import.meta.url));

let validateSpec: ValidateFunction | undefined;

export interface LoadedRule {
  spec: RuleSpec;
  file: string;
}

/** Values every message may use besides the rule's parameters. */
const MESSAGE_VALUES = ['target', 'group', 'os'];
const TEXT_KINDS = ['message', 'fix', 'description'] as const;

/**
 * Every message, fix and description must be valid ICU MessageFormat and use only values the
 * engine provides (the target, group, OS and the rule's parameters): checked once at load, so a
 * bad message is a rule-file error with its line, not a crash in the middle of a report.
 */
function checkMessages(spec: RuleSpec, yaml: LoadedYaml, file: string): void {
  const known = new Set([...MESSAGE_VALUES, ...Object.keys(spec.params ?? {}), ...Object.values(spec.select?.scope ?? {}).flatMap((v) => (typeof v === 'string' && v.startsWith('$') ? [v.slice(1)] : []))]);
  for (const kind of TEXT_KINDS) {
    for (const locale of LOCALES) {
      const where = { file, ...yaml.locate([kind, locale]) };
      let names: string[];
      try {
        names = messageArguments(spec[kind][locale], locale);
      } catch (e) {
        throw new KblintError('invalid-rule', `${kind}.${locale}: not a valid ICU message: ${(e as Error).message}`, where);
      }
      const unknown = names.find((n) => !known.has(n));
      if (unknown !== undefined) {
        throw new KblintError('invalid-rule', `${kind}.${locale}: unknown value {${unknown}}; a message may use ${[...known].map((k) => `{${k}}`).join(', ')}`, where);
      }
    }
  }
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
    // A FIFO, a device or a folder named *.yaml is refused by name instead of hanging or filling memory.
    const bytes = await readInputFile(file, { what: 'a rule file (YAML)', maxBytes: RULE_FILE_MAX_BYTES, display: file });
    const yaml = loadYaml(bytes.toString('utf8'), file);
    const value = yaml.value as Record<string, unknown> | null;
    if (value && typeof value === 'object' && Object.hasOwn(value, 'select') === (Object.hasOwn(value, 'requirement') || Object.hasOwn(value, 'hash'))) {
      throw new KblintError('invalid-rule', 'a rule either pins one requirement (requirement and hash) or selects the requirements it checks (select); it has both or neither', { file, ...yaml.locate(['select']) });
    }
    assertValid(validateSpec, yaml, file, 'invalid-rule');
    const spec = yaml.value as RuleSpec;
    checkMessages(spec, yaml, file);
    const other = ids.get(spec.id);
    if (other) throw new KblintError('duplicate-rule', `rule id '${spec.id}' is also used by ${other}`, { file });
    ids.set(spec.id, file);
    rules.push({ spec, file });
  }
  return rules.sort((a, b) => (a.spec.id < b.spec.id ? -1 : 1));
}

/** Replace every `{"$param": name}` in a schema by the parameter's value. */
export function bindParams(schema: unknown, params: Map<string, unknown>, ruleId: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => bindParams(s, params, ruleId));
  if (schema && typeof schema === 'object') {
    const obj = schema as Record<string, unknown>;
    if (typeof obj.$param === 'string' && Object.keys(obj).length === 1) {
      if (!params.has(obj.$param)) throw new KblintError('invalid-rule', `rule ${ruleId} uses unknown parameter '${obj.$param}'`);
      return params.get(obj.$param);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, bindParams(v, params, ruleId)]));
  }
  return schema;
}



/**
 * A parameter's value from the requirement: from the claim the selector chose, else the
 * requirement's first claim of that kind, else the scope it inherits (an OS bound, a method).
 */
function paramValue(req: Requirement, p: ParamSpec, selected: Claim | undefined): { value: unknown; raw: unknown } | { missing: string } {
  let raw: unknown;
  if ('scope' in p) {
    raw = scopeValue(req, p.scope);
    if (raw === undefined) return { missing: `the requirement has no '${p.scope}' scope` };
  } else {
    const claim = (selected?.kind === p.claim ? selected : undefined) ?? req.claims.find((c) => c.kind === p.claim) ?? scopeValue(req, p.claim);
    if (!claim || typeof claim !== 'object') return { missing: `the requirement no longer states a '${p.claim}' claim or scope` };
    if (!Object.hasOwn(claim, p.field)) return { missing: `its '${p.claim}' claim has no '${p.field}'` };
    raw = (claim as Record<string, unknown>)[p.field];
  }
  if (p.transform === 'number') return { value: Number(raw), raw };
  if (p.transform === 'lowercase') {
    return { value: Array.isArray(raw) ? raw.map((v) => String(v).toLowerCase()) : String(raw).toLowerCase(), raw };
  }
  return { value: raw, raw };
}

/** One instance of a rule for one requirement, or why the requirement cannot give its parameters. */
function instantiate(spec: RuleSpec, file: string, req: Requirement, selected: Claim | undefined, bound: Map<string, unknown>, translations: Requirement[] = []): RuleInstance | { missing: string } {
  const params = new Map<string, unknown>(bound);
  const paramText = new Map<string, unknown>(bound);
  for (const [name, p] of Object.entries(spec.params ?? {})) {
    const v = paramValue(req, p, selected);
    if ('missing' in v) return { missing: `parameter '${name}': ${v.missing}` };
    params.set(name, v.value);
    paramText.set(name, 'join' in p && p.join === 'and' && Array.isArray(v.raw) ? { and: v.raw } : v.raw);
  }
  let applies: ValidateFunction;
  let check: ValidateFunction;
  try {
    // Instances with the same bound parameters share their compiled schemas.
    applies = compileRuleSchema('applies', bindParams(spec.applies, params, spec.id));
    check = compileRuleSchema('check', bindParams(spec.check, params, spec.id));
  } catch (e) {
    if (e instanceof KblintError) throw new KblintError(e.code, e.message, { file });
    throw new KblintError('invalid-rule', `rule ${spec.id}: ${(e as Error).message}`, { file });
  }
  return {
    spec,
    file,
    requirement: req,
    translations,
    params: Object.fromEntries(params),
    paramText: Object.fromEntries(paramText),
    applies,
    check,
    needs: (spec.needs ?? []).map((n) => n.split('.')),
  };
}

/** `claim privilege = none, method group-policy, levels must/should` */
function describeSelector(select: NonNullable<RuleSpec['select']>): string {
  const parts = [`claim ${select.claim}${select.value === undefined ? '' : ` = ${String(select.value)}`}${select.where ? ' (with conditions)' : ''}`];
  if (select.with?.length) parts.push(`with ${select.with.join(', ')}`);
  for (const [k, v] of Object.entries(select.scope ?? {})) parts.push(`${k} ${Array.isArray(v) ? v.join('/') : v}`);
  if (select.level) parts.push(`levels ${select.level.join('/')}`);
  return parts.join(', ');
}

export interface CompiledRules {
  compiled: CompiledRule[];
  stale: StaleRule[];
  inactive: InactiveRule[];
}

export interface CompileOptions {
  /**
   * The locale (or language: `de`) citations are in when the requirement has a translation there
   * that says what the rule checks; default: the knowledge base's first article's locale.
   */
  locale?: string;
}

/**
 * A selector's matches within one translation set, one instance each: the first match (in the
 * set's order, the run's locale first) is cited, and the matches in other locales are its
 * translations. Two matches in one locale are two sentences, so the second starts an instance of
 * its own (an alignment that joined them is wrong; the check must not drop one of them).
 */
function bucketsOf<T extends { req: Requirement }>(matches: T[]): T[][] {
  const buckets: T[][] = [];
  for (const m of matches) {
    const bucket = buckets.find((b) => !b.some((x) => x.req.locale === m.req.locale));
    if (bucket) bucket.push(m);
    else buckets.push([m]);
  }
  return buckets;
}

/**
 * A pinned requirement is cited in the run's locale when its translation there states the same
 * claims (the same sentence, as `kblint drift` compares them); otherwise as pinned.
 */
function pinCitation(pin: Requirement, set: TranslationSet | undefined): { cited: Requirement; translations: Requirement[] } {
  const members = set?.members ?? [pin];
  const claims = (r: Requirement) => r.claims.map(claimKey).sort().join('\n');
  const first = members[0]!;
  const cited = first !== pin && claims(first) === claims(pin) ? first : pin;
  return { cited, translations: members.filter((m) => m !== cited) };
}

/**
 * Bind rules to the knowledge base. A pinned rule whose requirement vanished, changed (hash) or
 * lost its claim is stale. A selector rule gets one instance per requirement it selects, where a
 * requirement is one sentence in all the locales the knowledge base aligns as its translations;
 * one that selects nothing is inactive (the documentation says nothing it could check), never stale.
 */
export function compileRules(rules: LoadedRule[], kb: KnowledgeBase, options: CompileOptions = {}): CompiledRules {
  const byId = new Map(kb.requirements.map((r) => [r.id, r]));
  const sets = translationSets(kb, options.locale);
  const setOf = new Map<Requirement, TranslationSet>();
  for (const set of sets) for (const m of set.members) setOf.set(m, set);
  const compiled: CompiledRule[] = [];
  const stale: StaleRule[] = [];
  const inactive: InactiveRule[] = [];
  for (const { spec, file } of rules) {
    const instances: RuleInstance[] = [];
    if (spec.select) {
      let select: ReturnType<typeof compileSelector>;
      try {
        select = compileSelector(spec.select);
      } catch (e) {
        throw new KblintError('invalid-rule', `rule ${spec.id}: select.where is not a valid JSON Schema: ${(e as Error).message}`, { file });
      }
      for (const set of sets) {
        const matches = set.members.flatMap((req) => {
          const chosen = select(req);
          return chosen ? [{ req, chosen }] : [];
        });
        for (const bucket of bucketsOf(matches)) {
          // A requirement that cannot give the rule's parameters is not one the rule can check.
          for (const [i, { req, chosen }] of bucket.entries()) {
            const instance = instantiate(spec, file, req, chosen.claim, chosen.bound, bucket.filter((_, j) => j !== i).map((m) => m.req));
            if ('missing' in instance) continue;
            instances.push(instance);
            break;
          }
        }
      }
      if (instances.length === 0) {
        inactive.push({ rule: spec.id, file, reason: `no requirement in the knowledge base matches its selector (${describeSelector(spec.select)})` });
        continue;
      }
    } else {
      const pin = spec.requirement!;
      const base = { rule: spec.id, file, requirement: pin };
      const req = byId.get(pin);
      if (!req) {
        stale.push({ ...base, reason: `requirement ${pin} is not in the knowledge base` });
        continue;
      }
      if (!req.hash.startsWith(spec.hash!)) {
        stale.push({ ...base, reason: `requirement ${pin} changed (hash ${req.hash.slice(0, 16)}, rule written for ${spec.hash}): "${req.quote}"` });
        continue;
      }
      const instance = instantiate(spec, file, req, undefined, new Map());
      if ('missing' in instance) {
        stale.push({ ...base, reason: instance.missing });
        continue;
      }
      const { cited, translations } = pinCitation(req, setOf.get(req));
      instances.push({ ...instance, requirement: cited, translations });
    }
    compiled.push({ ...instances[0]!, instances });
  }
  return { compiled, stale, inactive };
}
