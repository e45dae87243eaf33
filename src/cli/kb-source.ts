import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KblintError } from '../errors.js';
import { readKnowledgeBase } from '../kb/io.js';
import { prebuiltKnowledgeBase } from '../kb/prebuilt.js';
import type { KnowledgeBase } from '../kb/types.js';
import { displayPath, markdownFiles, checkInputFile } from '../util/files.js';
import type { CliIO } from './io.js';
import type { ParsedOptions } from './main.js';
import type { InputPath } from './output.js';
import { kbStaleness, stalenessWarning } from './kb-staleness.js';

/** The articles shipped with kblint, used when the working folder has no content/ of its own. */
export const BUNDLED_CONTENT = resolve(fileURLToPath(new URL('../../content/', import.meta.url)));

export const kbOptions = {
  kb: { type: 'string' as const },
  content: { type: 'string' as const, multiple: true as const },
};

/** Where a command's knowledge base comes from. */
export type KbSource = { kind: 'file'; file: string; implicit: boolean } | { kind: 'content'; dirs: string[]; implicit: boolean };

/**
 * `--kb file`, else `./kb.json` when present, else one built in memory from `--content` folders
 * (default `./content/`, else the bundled articles).
 */
export function kbSource(options: ParsedOptions, io: CliIO): KbSource {
  if (typeof options.kb === 'string') return { kind: 'file', file: resolve(io.cwd, options.kb), implicit: false };
  const content = Array.isArray(options.content) ? options.content : undefined;
  if (content) return { kind: 'content', dirs: content.map((c) => resolve(io.cwd, c)), implicit: false };
  const local = resolve(io.cwd, 'kb.json');
  if (existsSync(local)) return { kind: 'file', file: local, implicit: true };
  const dir = resolve(io.cwd, 'content');
  return existsSync(dir) ? { kind: 'content', dirs: [dir], implicit: true } : { kind: 'content', dirs: [BUNDLED_CONTENT], implicit: true };
}

/** The files a knowledge base is read from, so that an output never overwrites them. */
export function kbInputs(options: ParsedOptions, io: CliIO): InputPath[] {
  const source = kbSource(options, io);
  return source.kind === 'file' ? [{ path: source.file }] : source.dirs.map((d) => ({ path: d, folder: true }));
}

/** The newest article under `dirs`, or undefined when there is none. */
async function newestArticle(dirs: string[]): Promise<{ file: string; mtimeMs: number } | undefined> {
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const dir of dirs) {
    for (const file of await markdownFiles(dir)) {
      const { mtimeMs } = await stat(file);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
    }
  }
  return newest;
}

/**
 * The knowledge base a command works on. A `./kb.json` or `./content/` picked up from the working
 * folder is said on stderr (it silently changed what check, coverage and guide used); a `./kb.json`
 * older than an article in `./content/` is not used: the knowledge base is built from the content.
 */
export async function loadKnowledgeBase(options: ParsedOptions, io: CliIO): Promise<KnowledgeBase> {
  let source = kbSource(options, io);
  if (source.kind === 'file' && source.implicit) {
    const contentDir = resolve(io.cwd, 'content');
    const newer = existsSync(contentDir) ? await newestArticle([contentDir]) : undefined;
    const built = (await stat(source.file)).mtimeMs;
    if (newer && newer.mtimeMs > built) {
      io.err(`kblint: ${displayPath(source.file, io.cwd)} is older than ${displayPath(newer.file, io.cwd)}; building the knowledge base from content/ instead (run 'kblint build' to refresh kb.json)\n`);
      source = { kind: 'content', dirs: [contentDir], implicit: true };
    } else {
      io.err(`kblint: knowledge base ${displayPath(source.file, io.cwd)} (found in the working folder; --kb or --content to choose)\n`);
    }
  } else if (source.kind === 'content' && source.implicit && source.dirs[0] !== BUNDLED_CONTENT) {
    io.err(`kblint: knowledge base built from ${displayPath(source.dirs[0]!, io.cwd)}/ (found in the working folder instead of the bundled articles; --content to choose)\n`);
  }
  if (source.kind === 'file') {
    await checkInputFile(source.file, { what: 'a knowledge base (kb.json)', display: displayPath(source.file, io.cwd) });
    const kb = await readKnowledgeBase(source.file);
    if (!source.implicit) {
      // --kb: said when it no longer matches its content (--content, else ./content), not rebuilt.
      const given = Array.isArray(options.content) ? options.content.map((c) => resolve(io.cwd, c)) : [];
      const local = resolve(io.cwd, 'content');
      const contentDirs = given.length ? given : existsSync(local) ? [local] : [];
      const warning = stalenessWarning(await kbStaleness(kb, source.file, contentDirs, io.cwd), kb.documents.length, source.file, io.cwd);
      if (warning) io.err(warning);
    }
    return kb;
  }
  // The bundled articles' knowledge base as `npm run build` prepared it, while it is still theirs.
  const prebuilt = source.dirs.length === 1 && source.dirs[0] === BUNDLED_CONTENT ? await prebuiltKnowledgeBase(BUNDLED_CONTENT, io.cwd) : undefined;
  if (prebuilt) return prebuilt;
  // The markdown parser and extractor are loaded only when a knowledge base is built.
  const { buildKnowledgeBase } = await import('../kb/build.js');
  const result = await buildKnowledgeBase(source.dirs, { cwd: io.cwd });
  const first = result.problems[0];
  if (first) throw new KblintError('build-failed', `content does not build: ${first.message}`);
  return result.kb;
}
