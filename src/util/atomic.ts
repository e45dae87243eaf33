import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isKblintError, KblintError } from '../errors.js';
import { displayPath } from './files.js';
import { exitOnInterrupt, temporaryFiles as inFlight } from './interrupt.js';

/**
 * Write a file so that readers see the old content or the new, never half of it. Failures are a
 * `KblintError` naming the file (a folder in the way, a read-only folder, a full disk).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Write through a symlink to the file it names, so the link survives; and never rename over a
  // device or FIFO (`--output /dev/null`, `/dev/stdout`, a named pipe): write into it instead, or
  // the rename would replace /dev/null with a regular file.
  const target = await realpath(path).catch(() => path);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile() && !info.isDirectory()) {
    try {
      await writeFile(target, data);
      return;
    } catch (e) {
      throw writeError(e, path);
    }
  }
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  exitOnInterrupt();
  inFlight.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined); // through a file, rm fails (ENOTDIR) as the write did
    throw writeError(e, path);
  } finally {
    inFlight.delete(tmp);
  }
}

/** How much text is gathered before it is written: few writes, and pieces that die young (1 MiB batches grew the old space by 100s of MB). */
const CHUNK_BYTES = 1 << 16;

async function writeChunks(handle: FileHandle, chunks: Iterable<string>): Promise<void> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= CHUNK_BYTES) {
      await handle.write(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (size) await handle.write(pending.join(''));
}

/**
 * `writeFileAtomic` for text made piece by piece (a report of a million computers): the pieces go
 * to the temp file as they come, so the whole text is never in memory at once.
 */
export async function writeFileAtomicChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const info = await stat(target).catch(() => undefined);
  const direct = info !== undefined && !info.isFile() && !info.isDirectory();
  const tmp = direct ? target : join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  exitOnInterrupt();
  if (!direct) inFlight.add(tmp);
  try {
    const handle = await open(tmp, direct ? 'w' : 'wx');
    try {
      await writeChunks(handle, chunks);
    } finally {
      await handle.close();
    }
    if (!direct) await rename(tmp, target);
  } catch (e) {
    if (!direct) await rm(tmp, { force: true });
    // A file-system failure names the output; anything else (a bug while making the text) stays itself.
    throw isKblintError(e) || typeof (e as NodeJS.ErrnoException | undefined)?.code !== 'string' ? e : writeError(e, path);
  } finally {
    inFlight.delete(tmp);
  }
}

function writeError(e: unknown, path: string): KblintError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only?)' :
    code === 'EISDIR' ? 'is a folder; expected a file name' :
    code === 'ENOENT' ? 'its folder does not exist' :
    code === 'ENOTDIR' ? 'a part of the path is not a folder' :
    code === 'ENOSPC' ? 'no space left on the device' :
    `cannot be written (${code ?? (e instanceof Error ? e.message : String(e))})`;
  return new KblintError('unwritable', `cannot write the output: ${reason}`, { file: displayPath(path) });
}
