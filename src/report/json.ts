import type { Formatter } from './types.js';

/** Everything: findings (suppressed ones marked), every (rule, target) outcome, waivers, stale rules. */
export const json: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;
