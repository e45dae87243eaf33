import type { ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import type { KnowledgeBase } from './types.js';
import { schemaValidator } from '../util/schema-validator.js';

let validate: ValidateFunction | undefined;

/** Check a knowledge base against `schema/kb.schema.json`; throws with the first errors. */
export function validateKnowledgeBase(kb: unknown, file = 'kb.json'): asserts kb is KnowledgeBase {
  validate ??= schemaValidator('kb');
  if (validate(kb)) return;
  const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  throw new KblintError('invalid-kb', `knowledge base does not match its schema: ${errors.join('; ')}`, { file });
}
