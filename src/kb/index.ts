export { buildKnowledgeBase, assemble, type BuildOptions, type BuildResult } from './build.js';
export { buildArticle } from './article.js';
export { diffKnowledgeBases, type KbDiff } from './diff.js';
export { readKnowledgeBase, writeKnowledgeBase, serializeKnowledgeBase } from './io.js';
export { validateKnowledgeBase } from './schema.js';
export type * from './types.js';
export { driftReport, claimKey, type DriftReport } from './drift.js';
