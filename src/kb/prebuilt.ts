import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, markdownFiles } from '../util/files.js';
import { codeFingerprint } from './cache.js';
import type { KnowledgeBase } from './types.js';

/**
 * The knowledge base of the bundled articles, built by `npm run build` (scripts/build-validators.mjs)
 * so that `kblint check` does not load the markdown parser and extractor at every start.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PREBUILT_KB = fileURLToPath(new URL('../../dist/prebuilt/kb.json', import.meta.url));

export interface PrebuiltKb {
  /** The content folder, relative to the package root (`content`). */
  dir: string;
  /** What the knowledge base was built from: see `contentHash`. */
  contentHash: string;
  /** Built with the package root as working folder: its paths are relative to it. */
  kb: KnowledgeBase;
}

/**
 * sha256 over the parser and extractor code and every article under `dir` (its path in `dir` and its
 * bytes): the same hash means building would give the same knowledge base.
 */
export async function contentHash(dir: string): Promise<string> {
  const hash = createHash('sha256').update(codeFingerprint());
  for (const file of await markdownFiles(dir)) {
    hash.update('\0').update(relative(dir, file).split(sep).join('/')).update('\0').update(await readFile(file));
  }
  return hash.digest('hex');
}

/** A path as the build shows it from `cwd`, for a path the prebuilt shows from the package root. */
const rebase = (file: string, cwd: string) => displayPath(resolve(PACKAGE_ROOT, file), cwd);

/**
 * The prebuilt knowledge base of `dir` as building it from `cwd` would give it, or undefined when
 * there is none or it is not the one of `dir` as it is now (articles or code changed since the build):
 * then the caller builds. Never stale: the hash covers every byte the build reads.
 */
export async function prebuiltKnowledgeBase(dir: string, cwd: string, file = PREBUILT_KB): Promise<KnowledgeBase | undefined> {
  // From inside the content folder some paths would be shown relative and others absolute, which
  // changes the order the build sorts articles in: build instead.
  const inside = relative(dir, cwd);
  if (inside === '' || !(inside.startsWith('..') || isAbsolute(inside))) return undefined;
  let prebuilt: PrebuiltKb;
  try {
    prebuilt = JSON.parse(await readFile(file, 'utf8')) as PrebuiltKb;
  } catch {
    return undefined;
  }
  if (typeof prebuilt.dir !== 'string' || resolve(PACKAGE_ROOT, prebuilt.dir) !== resolve(dir)) return undefined;
  if (prebuilt.contentHash !== (await contentHash(dir))) return undefined;
  // Not validated again: the build validated it, and it is part of the installed package like its code.
  const { kb } = prebuilt;
  if (resolve(cwd) === resolve(PACKAGE_ROOT)) return kb;
  for (const d of kb.documents) d.file = rebase(d.file, cwd);
  for (const r of kb.requirements) r.source.file = rebase(r.source.file, cwd);
  for (const l of [...kb.links.resolved, ...kb.links.unresolved]) l.source.file = rebase(l.source.file, cwd);
  return kb;
}
