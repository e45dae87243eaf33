import type { Ajv } from 'ajv';

/**
 * `installsBefore: { first: a, then: b }` on a list of installed files (lower case): when `b` is
 * installed, `a` is installed before it. JSON Schema cannot say "comes before" in a list, and an
 * `order` claim ("MsDrmClient.msi, then RmClientBackCompat.msi") needs exactly that.
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
    errors: false,
    validate: (order: { first: string; then: string }, list: unknown[]) => {
      const first = order.first.toLowerCase();
      const then = order.then.toLowerCase();
      const at = list.findIndex((v) => String(v).toLowerCase() === then);
      if (at < 0) return true;
      const before = list.findIndex((v) => String(v).toLowerCase() === first);
      return before >= 0 && before < at;
    },
  });
  return ajv;
}
