import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KblintError } from '../errors.js';
import { displayPath } from './files.js';

/** Temp files being written now; removed when the process is interrupted. */
const inFlight = new Set<string>();
let handlersInstalled = false;

/**
 * On SIGINT/SIGTERM, remove the temp files this process is writing (a large report left a
 * 200–300 MB `.tmp` behind), then die of the same signal so the shell sees an interrupt.
 */
function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const tmp of inFlight) rmSync(tmp, { force: true });
      inFlight.clear();
      process.kill(process.pid, signal);
    });
  }
}

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
  installSignalCleanup();
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
