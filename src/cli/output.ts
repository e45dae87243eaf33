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

/** The path with every symlink resolved (for a path that does not exist yet: its nearest existing folder's). */
async function identify(path: string): Promise<Identity> {
  const stats = await stat(path).catch(() => undefined);
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) return { real: resolve(real, ...rest), stats };
    const parent = dirname(existing);
    if (parent === existing) return { real: resolve(path), stats };
    rest.unshift(basename(existing));
    existing = parent;
  }
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/**
 * Refuse (exit 2) an output that is one of the run's inputs — the same path, a symlink to it, or a
 * hard link (same device and inode) — or that lies inside an input folder (an output folder there,
 * or an existing file in it), or an output folder that holds an input (`guide --out .` next to
 * `content/`): output never overwrites or mixes with what a run reads. Call it before creating
 * anything, so a refused run leaves no folder behind.
 */
export async function refuseInputAsOutput(output: string, inputs: InputPath[], kind: 'file' | 'folder', cwd: string): Promise<void> {
  const out = await identify(output);
  for (const input of inputs) {
    const inp = await identify(input.path);
    const sameFile = out.real === inp.real || (out.stats && inp.stats && out.stats.dev === inp.stats.dev && out.stats.ino === inp.stats.ino);
    // A folder output inside an input folder, or an existing file in one, would change what is read.
    const inFolder = input.folder === true && inside(out.real, inp.real) && (kind === 'folder' || out.stats !== undefined);
    const holdsInput = kind === 'folder' && !sameFile && inside(inp.real, out.real);
    if (sameFile || inFolder || holdsInput) {
      const how = resolve(output) === resolve(input.path) || inFolder ? '' : ' (the same file through a link)';
      const what = holdsInput
        ? `be a folder that holds the input ${displayPath(input.path, cwd)}`
        : inFolder
          ? `be written into the input folder ${displayPath(input.path, cwd)}`
          : `overwrite the input ${displayPath(input.path, cwd)}${how}`;
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

/**
 * Make a folder and its missing parents, one level at a time. Node's `mkdir(…, { recursive: true })`
 * spins forever where the kernel answers ENOENT for a parent that exists (`/proc/x/y`); here every
 * failure is a `KblintError` at once.
 */
async function makeFolder(dir: string, cwd: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : e));
    if (info instanceof Error) throw folderError(info.code, dir, cwd);
    if (info) {
      if (!info.isDirectory()) throw folderError('ENOTDIR', dir, cwd);
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Made by someone else meanwhile: fine when it is a folder.
      if (code === 'EEXIST' && (await stat(folder).catch(() => undefined))?.isDirectory()) continue;
      throw folderError(code, dir, cwd);
    }
  }
}

function folderError(code: string | undefined, dir: string, cwd: string): KblintError {
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' :
    code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of the path is a file' :
    code === 'ENOENT' ? 'this file system does not allow folders here' :
    code === 'ELOOP' ? 'symbolic link loop' :
    `failed (${code ?? 'unknown error'})`;
  return new KblintError('unwritable', `cannot create the output folder: ${reason}`, { file: displayPath(dir, cwd) });
}
