import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';
import { addRuleKeywords } from './keywords.js';

/**
 * The three kinds of schema a rule holds, each compiled with its own options: `applies` with every
 * error (to tell an unknown fact from a known mismatch), `check` and a selector's `where` stopping at
 * the first.
 */
export type RuleSchemaKind = 'applies' | 'check' | 'where';
export const RULE_SCHEMA_KINDS: readonly RuleSchemaKind[] = ['applies', 'check', 'where'];
export const RULE_AJV_OPTIONS: Record<RuleSchemaKind, Options> = {
  applies: { allErrors: true, strict: false },
  check: { allErrors: false, strict: false },
  where: { allErrors: false, strict: false },
};

const require = createRequire(import.meta.url);
/** Where `npm run build` puts the bundled rules' schemas as ajv standalone code, one module per kind. */
export const precompiledRuleSchemas = (kind: RuleSchemaKind) => fileURLToPath(new URL(`../../dist/validators/rule-${kind}.cjs`, import.meta.url));

/** A precompiled module: `keys[i]` is the schema text validator `v<i>` was compiled from. */
interface PrecompiledModule {
  keys: string[];
  [name: `v${number}`]: ValidateFunction;
}

/** The key of a schema: its kind and its exact JSON text (after parameters are bound). */
export const ruleSchemaKey = (kind: RuleSchemaKind, schema: unknown) => `${kind}\0${JSON.stringify(schema)}`;

const compiled = new Map<string, ValidateFunction>();
const schemas = new Map<string, { kind: RuleSchemaKind; schema: unknown }>();
const ajvs = new Map<RuleSchemaKind, AjvClass>();
const precompiled = new Map<RuleSchemaKind, Map<string, ValidateFunction>>();

/** The precompiled validators of a kind, by key; empty when dist/ has none. */
function precompiledOf(kind: RuleSchemaKind): Map<string, ValidateFunction> {
  let byKey = precompiled.get(kind);
  if (byKey) return byKey;
  byKey = new Map();
  const file = precompiledRuleSchemas(kind);
  if (existsSync(file)) {
    const mod = require(file) as PrecompiledModule;
    mod.keys.forEach((key, i) => byKey!.set(key, mod[`v${i}`]!));
  }
  precompiled.set(kind, byKey);
  return byKey;
}

/** An Ajv for one kind of rule schema, with kblint's keywords; `source` keeps the code for standalone output. */
export function ruleAjv(kind: RuleSchemaKind, options: Options = {}): AjvClass {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  return addRuleKeywords(new Ajv({ ...RULE_AJV_OPTIONS[kind], ...options }));
}

/**
 * A rule schema's validator. Schemas with the same text share one; a schema `npm run build`
 * precompiled (the bundled rules against the bundled articles) is taken from dist/ — its key is its
 * full text, so it can never stand for another schema — and any other is compiled now with ajv,
 * which is loaded only then.
 */
export function compileRuleSchema(kind: RuleSchemaKind, schema: unknown): ValidateFunction {
  const key = ruleSchemaKey(kind, schema);
  let fn = compiled.get(key) ?? precompiledOf(kind).get(key);
  if (!fn) {
    let ajv = ajvs.get(kind);
    if (!ajv) ajvs.set(kind, (ajv = ruleAjv(kind)));
    fn = ajv.compile(schema as object);
  }
  compiled.set(key, fn);
  schemas.set(key, { kind, schema });
  return fn;
}

/** Every rule schema compiled in this process, by kind: what the build precompiles. */
export function compiledRuleSchemas(): { kind: RuleSchemaKind; key: string; schema: unknown }[] {
  return [...schemas].map(([key, { kind, schema }]) => ({ kind, key, schema }));
}
