export { lint, type LintOptions } from './engine.js';
export { loadRules, compileRules, bindParams, BUNDLED_RULES, type LoadedRule } from './rules.js';
export { ruleText } from './messages.js';
export { readWaiverFile } from './waiver-file.js';
export type * from './types.js';
export { SEVERITIES, LOCALES } from './types.js';
