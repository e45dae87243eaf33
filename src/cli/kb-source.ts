import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KblintError } from '../errors.js';
import { buildKnowledgeBase, readKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import type { CliIO } from './io.js';
import type { ParsedOptions } from './main.js';

/** The articles shipped with kblint, used when the working folder has no content/ of its own. */
const BUNDLED_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

export const kbOptions = {
  kb: { type: 'string' as const },
  content: { type: 'string' as const, multiple: true as const },
};

/**
 * The knowledge base a command works on: `--kb file`, else `./kb.json` when present, else one
 * built in memory from `--content` folders (default `./content/`, else the bundled articles).
 */
export async function loadKnowledgeBase(options: ParsedOptions, io: CliIO): Promise<KnowledgeBase> {
  if (typeof options.kb === 'string') return readKnowledgeBase(resolve(io.cwd, options.kb));
  const content = Array.isArray(options.content) ? options.content : undefined;
  if (!content && existsSync(resolve(io.cwd, 'kb.json'))) return readKnowledgeBase(resolve(io.cwd, 'kb.json'));
  const dirs = content ? content.map((c) => resolve(io.cwd, c)) : [existsSync(resolve(io.cwd, 'content')) ? resolve(io.cwd, 'content') : BUNDLED_CONTENT];
  const result = await buildKnowledgeBase(dirs, { cwd: io.cwd });
  const first = result.problems[0];
  if (first) throw new KblintError('build-failed', `content does not build: ${first.message}`);
  return result.kb;
}
