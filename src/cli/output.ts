import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { KblintError } from '../errors.js';
import { displayPath } from '../util/files.js';

/** Something a run reads: a file, or a folder whose files it reads. */
export interface InputPath {
  path: string;
  folder?: boolean;
}

interface Identity {
  real: string;
  stats: Stats | undefined;
}

/** The path with every symlink resolved (for a path that does not exist yet: its folder's). */
async function identify(path: string): Promise<Identity> {
  const stats = await stat(path).catch(() => undefined);
  try {
    return { real: await realpath(path), stats };
  } catch {
    const parent = await realpath(dirname(path)).catch(() => dirname(path));
    return { real: resolve(parent, basename(path)), stats };
  }
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/**
 * Refuse (exit 2) an output that is one of the run's inputs — the same path, a symlink to it, or a
 * hard link (same device and inode) — or that lies inside an input folder (an output folder there,
 * or an existing file in it).
 */
export async function refuseInputAsOutput(output: string, inputs: InputPath[], kind: 'file' | 'folder', cwd: string): Promise<void> {
  const out = await identify(output);
  for (const input of inputs) {
    const inp = await identify(input.path);
    const sameFile = out.real === inp.real || (out.stats && inp.stats && out.stats.dev === inp.stats.dev && out.stats.ino === inp.stats.ino);
    // A folder output inside an input folder, or an existing file in one, would change what is read.
    const inFolder = input.folder === true && inside(out.real, inp.real) && (kind === 'folder' || out.stats !== undefined);
    if (sameFile || inFolder) {
      const how = resolve(output) === resolve(input.path) || inFolder ? '' : ' (the same file through a link)';
      const what = inFolder ? `be written into the input folder ${displayPath(input.path, cwd)}` : `overwrite the input ${displayPath(input.path, cwd)}${how}`;
      throw new KblintError('output-is-input', `output would ${what}; choose another output path`, { file: displayPath(output, cwd) });
    }
  }
}

/** Make the folder an output file goes into; refuse an output path that is a folder. */
export async function prepareOutputFile(output: string, cwd: string): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) throw new KblintError('output-is-folder', 'output is a folder; expected a file name', { file: displayPath(output, cwd) });
  await makeFolder(dirname(output), cwd);
}

/** Make an output folder; refuse a path that is a file. */
export async function prepareOutputFolder(output: string, cwd: string): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info && !info.isDirectory()) throw new KblintError('output-is-file', 'output is a file; expected a folder', { file: displayPath(output, cwd) });
  await makeFolder(output, cwd);
}

async function makeFolder(dir: string, cwd: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is a file' : `failed (${code ?? String(e)})`;
    throw new KblintError('unwritable', `cannot create the output folder: ${reason}`, { file: displayPath(dir, cwd) });
  }
}
