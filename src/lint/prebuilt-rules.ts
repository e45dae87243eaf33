import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedRule } from './rules.js';
import type { RuleSpec } from './types.js';

/**
 * The bundled rules as `loadRules` gives them (parsed, validated, messages checked), prepared by
 * `npm run build` (scripts/build-validators.mjs) so that `kblint check` parses no rule YAML at start.
 */
export const PREBUILT_RULES = fileURLToPath(new URL('../../dist/prebuilt/rules.json', import.meta.url));

export interface PrebuiltRules {
  /** See `rulesHash`. */
  hash: string;
  /** Each rule with its file name in the rules folder. */
  rules: { name: string; spec: RuleSpec }[];
}

let loaderHash: string | undefined;

/**
 * A hash of what decides `loadRules`' result besides the files: the loader's code (lint and util
 * modules), the rule schema and the YAML library's version.
 */
function loaderFingerprint(): string {
  if (loaderHash) return loaderHash;
  const hash = createHash('sha256');
  for (const folder of ['./', '../util/']) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const name of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
  }
  hash.update(readFileSync(new URL('../../schema/rule.schema.json', import.meta.url)));
  hash.update((createRequire(import.meta.url)('yaml/package.json') as { version: string }).version);
  return (loaderHash = hash.digest('hex'));
}

/** The file names `loadRules` reads in a folder. */
export const isRuleFileName = (name: string) => /\.ya?ml$/.test(name) && !name.startsWith('_');

/**
 * sha256 over the loader (see above) and every rule file of `dir`, by name and bytes; undefined when
 * one is not a plain file (`loadRules` says what is wrong with it).
 */
export async function rulesHash(dir: string): Promise<string | undefined> {
  const hash = createHash('sha256').update(loaderFingerprint());
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => isRuleFileName(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (!entry.isFile()) return undefined;
    hash.update('\0').update(entry.name).update('\0').update(await readFile(join(dir, entry.name)));
  }
  return hash.digest('hex');
}

/**
 * The rules of `dir` as loading them now would give them, when `dir` is the folder the build
 * prepared and nothing it reads changed since; otherwise undefined, and the caller loads them.
 */
export async function prebuiltRules(dir: string): Promise<LoadedRule[] | undefined> {
  let prebuilt: PrebuiltRules;
  try {
    prebuilt = JSON.parse(await readFile(PREBUILT_RULES, 'utf8')) as PrebuiltRules;
  } catch {
    return undefined;
  }
  const hash = await rulesHash(dir).catch(() => undefined);
  if (hash === undefined || prebuilt.hash !== hash) return undefined;
  return prebuilt.rules.map(({ name, spec }) => ({ spec, file: join(dir, name) }));
}
