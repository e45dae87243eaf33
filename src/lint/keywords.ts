import { createRequire } from 'node:module';
import type { Ajv, KeywordCxt } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * `installsBefore: { first: a, then: b }` on a list of installed files (lower case): when `b` is
 * installed, `a` is installed before it. JSON Schema cannot say "comes before" in a list, and an
 * `order` claim ("MsDrmClient.msi, then RmClientBackCompat.msi") needs exactly that. Written as
 * generated code (not a validate function), so that the build can precompile rule schemas with it
 * into ajv standalone code.
 */
export function addRuleKeywords(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: 'installsBefore',
    type: 'array',
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      required: ['first', 'then'],
      properties: { first: { type: 'string' }, then: { type: 'string' } },
      additionalProperties: false,
    },
    code(cxt: KeywordCxt) {
      const { _ } = require('ajv') as typeof import('ajv');
      const order = cxt.schema as { first: string; then: string };
      const first = order.first.toLowerCase();
      const then = order.then.toLowerCase();
      // Fails when `then` is in the list and `first` is not somewhere before it.
      cxt.fail(_`((l) => { const at = l.indexOf(${then}); if (at < 0) return false; const before = l.indexOf(${first}); return !(before >= 0 && before < at); })(${cxt.data}.map((v) => String(v).toLowerCase()))`);
    },
  });
  return ajv;
}
