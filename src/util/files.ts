import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KblintError } from '../errors.js';

/** Markdown files under `root` (or `root` itself), sorted by path so every run sees the same order. */
export async function markdownFiles(root: string): Promise<string[]> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new KblintError('no-such-path', 'no such file or folder', { file: root });
  }
  if (info.isFile()) return [root];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A path for messages: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') || rel === '' ? path : rel).split(sep).join('/');
}
