import { readdir, readFile, stat } from 'node:fs/promises';
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
  if (!info.isDirectory()) throw new KblintError('not-a-file', `expected a markdown article or a folder of them; got ${info.isFIFO() ? 'a FIFO' : 'a device or socket'}`, { file: displayPath(root) });
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

/** What `readInputFile` refuses beyond this size unless told otherwise: 64 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of an input file, refused with a `KblintError` naming the file when it is not a regular
 * file (a folder, FIFO, device such as /dev/zero, socket), is larger than `maxBytes`, is unreadable,
 * missing or a symlink loop. Checking the type before opening keeps a FIFO from blocking the run and
 * /dev/zero from filling memory. `what` says what was expected ("a gpreport.xml file").
 */
export async function readInputFile(
  path: string,
  options: { what?: string; maxBytes?: number; display?: string } = {},
): Promise<Buffer> {
  await checkInputFile(path, options);
  try {
    return await readFile(path);
  } catch (e) {
    throw fileError(e, options.display ?? displayPath(path), options.what ?? 'a file');
  }
}

/** What `readInputFile` checks before reading, for inputs that are streamed (inventory CSV). */
export async function checkInputFile(
  path: string,
  options: { what?: string; maxBytes?: number; display?: string } = {},
): Promise<void> {
  const what = options.what ?? 'a file';
  const file = options.display ?? displayPath(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileError(e, file, what);
  }
  if (!info.isFile()) {
    const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'not a regular file';
    throw new KblintError('not-a-file', `expected ${what}; got ${kind}`, { file });
  }
  if (info.size > maxBytes) {
    throw new KblintError('too-large', `${info.size} bytes is over the ${maxBytes}-byte limit for ${what}`, { file });
  }
}

function fileError(e: unknown, file: string, what: string): KblintError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT' ? 'no such file' :
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
    code === 'ELOOP' ? 'symbolic link loop' :
    code === 'ENOTDIR' ? 'a part of the path is not a folder' :
    code === 'EISDIR' ? 'is a folder' :
    `cannot be read (${code ?? 'unknown error'})`;
  return new KblintError('unreadable', `${reason}; expected ${what}`, { file });
}
