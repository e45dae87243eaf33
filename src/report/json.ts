import { safeJson } from './escape.js';
import type { Formatter } from './types.js';

/** Everything, per computer: findings (suppressed ones marked), every (rule, target) outcome, waivers, stale rules. */
export const json: Formatter = (result) => `${safeJson(JSON.stringify(result, null, 2))}\n`;
