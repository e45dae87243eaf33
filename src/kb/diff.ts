import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from './types.js';

export interface KbDiff {
  added: Requirement[];
  removed: Requirement[];
  changed: { before: Requirement; after: Requirement }[];
  unchanged: number;
}

/** Requirements added, removed and changed (quote hash) between two builds, by id. */
export function diffKnowledgeBases(before: KnowledgeBase, after: KnowledgeBase): KbDiff {
  const old = new Map(before.requirements.map((r) => [r.id, r]));
  const now = new Map(after.requirements.map((r) => [r.id, r]));
  const diff: KbDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [id, r] of now) {
    const prev = old.get(id);
    if (!prev) diff.added.push(r);
    else if (prev.hash !== r.hash || prev.level !== r.level) diff.changed.push({ before: prev, after: r });
    else diff.unchanged++;
  }
  for (const [id, r] of old) if (!now.has(id)) diff.removed.push(r);
  return diff;
}
