import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { KnowledgeBase } from '../kb/index.js';
import { FILE_CONCURRENCY, mapLimit } from '../util/concurrency.js';
import { displayPath, markdownFiles } from '../util/files.js';

/** How a knowledge base file compares with the articles it was built from. */
export interface KbStaleness {
  /** Articles whose bytes differ from the ones the knowledge base was built from. */
  changed: string[];
  /** Articles the knowledge base has that are found neither from the working folder nor from the kb's folder. */
  missing: string[];
  /** Articles in the content folders of this run that the knowledge base does not have. */
  added: string[];
}

/**
 * Compare a knowledge base with the content it was built from, by the sha256 each document keeps
 * (the modification time says nothing when files are checked out or copied). A document's file is
 * looked for relative to the working folder (where `kblint build` ran) and then to the kb's folder.
 * `contentDirs` are folders this run considers the content (`--content`, or `./content`): an
 * article there that the knowledge base lacks means it was built from other content.
 */
export async function kbStaleness(kb: KnowledgeBase, kbFile: string, contentDirs: string[], cwd: string): Promise<KbStaleness> {
  const located = kb.documents.map((d) => [resolve(cwd, d.file), resolve(dirname(kbFile), d.file)].find((p) => existsSync(p)));
  const hashes = await mapLimit(located, FILE_CONCURRENCY, async (path) =>
    path === undefined ? undefined : createHash('sha256').update(await readFile(path).catch(() => Buffer.alloc(0))).digest('hex'),
  );
  const changed: string[] = [];
  const missing: string[] = [];
  kb.documents.forEach((d, i) => {
    const path = located[i];
    if (path === undefined) missing.push(d.file);
    else if (hashes[i] !== d.contentHash) changed.push(displayPath(path, cwd));
  });
  const known = new Set(located.filter((p): p is string => p !== undefined));
  const added: string[] = [];
  for (const dir of contentDirs) {
    for (const file of await markdownFiles(dir).catch(() => [])) if (!known.has(resolve(file))) added.push(displayPath(file, cwd));
  }
  return { changed, missing, added };
}

/** One line for stderr, or undefined when the knowledge base is up to date with its content. */
export function stalenessWarning(s: KbStaleness, total: number, kbFile: string, cwd: string): string | undefined {
  const parts = [
    s.changed.length ? `${s.changed.length} article(s) changed since it was built (${s.changed[0]}${s.changed.length > 1 ? ', …' : ''})` : '',
    s.added.length ? `${s.added.length} article(s) in the content are not in it (${s.added[0]}${s.added.length > 1 ? ', …' : ''}): it was built from other content` : '',
    s.missing.length ? `${s.missing.length} of its article(s) are not found (${s.missing[0]}${s.missing.length > 1 ? ', …' : ''})` : '',
  ].filter(Boolean);
  // A knowledge base used without the content it was built from (a CI artifact) cannot be compared.
  if (!parts.length || (s.missing.length && !s.changed.length && !s.added.length && s.missing.length === total)) return undefined;
  const kb = displayPath(kbFile, cwd);
  return `kblint: warning: knowledge base ${kb} is stale: ${parts.join('; ')}; this run uses ${kb} as it is (rebuild it with 'kblint build --out ${kb}', or use --content)\n`;
}
