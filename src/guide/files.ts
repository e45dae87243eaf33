import { slug } from '../extract/ids.js';

/** Page file names come from ids only, so nothing in an article can name a path. */
export const articleFile = (docId: string) => `article-${slug(docId, 64)}`;
export const translationFile = (docId: string) => `translations-${slug(docId, 64)}`;
export const ruleFile = (ruleId: string) => `rule-${slug(ruleId, 80)}`;
export const checklistFile = (method: string) => `checklist-${slug(method)}`;
