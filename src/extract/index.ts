export { extractRequirements, docPrefix } from './extract.js';
export { parseCommand } from './command.js';
export { quoteHash, normalizeQuote, slug } from './ids.js';
export type * from './types.js';
export { LEVELS, METHODS, CLAIM_KINDS } from './types.js';
