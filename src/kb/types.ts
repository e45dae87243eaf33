import type { Requirement } from '../extract/types.js';
import type { SourcePos } from '../parse/types.js';

export const KB_FORMAT = 'kblint-kb/1';

export interface KbDocument {
  id: string;
  locale: string;
  title: string;
  file: string;
  url?: string;
  topicId?: string;
  /** sha256 of the article's bytes. */
  contentHash: string;
  requirements: number;
}

export interface KbLink {
  from: string;
  locale: string;
  to: string;
  text: string;
  source: SourcePos;
}

export interface KnowledgeBase {
  format: typeof KB_FORMAT;
  documents: KbDocument[];
  requirements: Requirement[];
  links: { resolved: KbLink[]; unresolved: KbLink[] };
}

/** What one article contributes; cached per file by content hash. */
export interface ArticleResult {
  document: KbDocument;
  requirements: Requirement[];
  links: KbLink[];
  warnings: string[];
}

export interface BuildProblem {
  file: string;
  message: string;
}
