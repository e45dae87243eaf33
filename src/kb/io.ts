import { readFile } from 'node:fs/promises';
import { KblintError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { validateKnowledgeBase } from './schema.js';
import type { KnowledgeBase } from './types.js';

/** kb.json text: two-space JSON with a final newline; the same KB always gives the same bytes. */
export function serializeKnowledgeBase(kb: KnowledgeBase): string {
  return `${JSON.stringify(kb, null, 2)}\n`;
}

export async function writeKnowledgeBase(path: string, kb: KnowledgeBase): Promise<void> {
  validateKnowledgeBase(kb, path);
  await writeFileAtomic(path, serializeKnowledgeBase(kb));
}

export async function readKnowledgeBase(path: string): Promise<KnowledgeBase> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new KblintError('unreadable', 'cannot read knowledge base (build one with `kblint build --out kb.json`)', { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new KblintError('invalid-kb', `not JSON: ${(e as Error).message}`, { file: path });
  }
  validateKnowledgeBase(data, path);
  return data;
}
