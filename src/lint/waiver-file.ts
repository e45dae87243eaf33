import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass } from 'ajv';
import { KblintError } from '../errors.js';
import type { Waiver } from '../rollout/types.js';
import { assertWaiverDates } from '../util/date.js';
import { packageJson } from '../util/json.js';
import { assertValid } from '../util/schema-errors.js';
import { loadYaml } from '../util/yaml.js';

// ajv is loaded when a waiver file is read, not at every start.
const require = createRequire(import.meta.url);

/** `.kblintignore.yaml`: `waivers: [{rule, target, reason, expires}]`, validated like a manifest's waivers. */
export async function readWaiverFile(path: string, name = path): Promise<Waiver[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new KblintError('unreadable', 'waiver file cannot be read', { file: name });
  }
  const yaml = loadYaml(text, name);
  const rollout = packageJson<{ definitions: { waiver: object } }>('schema/rollout.schema.json');
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const validate = new Ajv({ allErrors: true, strict: false }).compile({
    type: 'object',
    additionalProperties: false,
    required: ['waivers'],
    properties: { waivers: { type: 'array', items: rollout.definitions.waiver } },
  });
  assertValid(validate, yaml, name, 'invalid-waivers');
  const { waivers } = yaml.value as { waivers: Omit<Waiver, 'location'>[] };
  assertWaiverDates(waivers, (i) => ({ file: name, ...yaml.locate(['waivers', i, 'expires']) }));
  return waivers.map((w, i) => ({ ...w, location: { file: name, ...yaml.locate(['waivers', i]) } }));
}
