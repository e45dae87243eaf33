import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';

/** The JSON Schemas kblint ships, by name: `schema/<name>.schema.json`. */
export type SchemaName = 'rollout' | 'rule' | 'kb';

/** The options every shipped schema is compiled with, at build time and at run time alike (verbose: errors carry their schema, for did-you-mean). */
export const SCHEMA_AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

const PACKAGE_ROOT = new URL('../../', import.meta.url);
const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, ValidateFunction>();

export function schemaText(name: SchemaName): string {
  return readFileSync(new URL(`schema/${name}.schema.json`, PACKAGE_ROOT), 'utf8');
}

export const schemaHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A shipped schema's validator: the one `npm run build` precompiled with ajv's standalone code
 * (`dist/validators/<name>.cjs`, so a cold start compiles no schema), else compiled now. The
 * precompiled one is used only while the schema file has the hash it was built from.
 */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = cache.get(name);
  if (validate) return validate;
  const text = schemaText(name);
  const built = new URL(`dist/validators/${name}.cjs`, PACKAGE_ROOT);
  if (existsSync(built)) {
    const mod = require(built.pathname) as { default?: ValidateFunction; schemaHash?: string };
    if (mod.default && mod.schemaHash === schemaHash(text)) validate = mod.default;
  }
  // ajv itself (about a hundred modules) is loaded only when there is something left to compile.
  if (!validate) {
    const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
    validate = new Ajv(SCHEMA_AJV_OPTIONS).compile(JSON.parse(text) as object);
  }
  cache.set(name, validate);
  return validate;
}
