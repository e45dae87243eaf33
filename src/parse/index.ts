export { parseBytes, parseFile, parseString, parseMarkdown } from './document.js';
export { countDocument, calloutsOf, proceduresOf, codeOf, sections, blocks } from './walk.js';
export type * from './types.js';
