export { lint, type LintOptions } from './engine.js';
export { loadRules, compileRules, bindParams, BUNDLED_RULES, type LoadedRule, type CompiledRules } from './rules.js';
export { evaluateRule, type Evaluation } from './engine.js';
export { ruleText } from './messages.js';
export { readWaiverFile } from './waiver-file.js';
export type * from './types.js';
export { SEVERITIES, LOCALES } from './types.js';
export { testRule, type ExampleResult } from './tester.js';
export { coverageOf, CHECKED_LEVELS, type Coverage, type CoverageFilter, type CoverageRow, type ArticleCoverage } from './coverage.js';
