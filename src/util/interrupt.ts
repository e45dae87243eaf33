import { rmSync } from 'node:fs';

/** Temp files being written now (atomic writes); removed when the process is interrupted. */
export const temporaryFiles = new Set<string>();

let installed = false;

/**
 * On SIGINT or SIGTERM: remove the temp files being written (a large report left a 200–300 MB
 * `.tmp` behind), say so, and exit 2 — kblint's exit codes are 0, 1 and 2 only, so never the
 * shell's 130 or 143. Installed once, by the CLI at start and by the first atomic write.
 */
export function exitOnInterrupt(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      let removed = 0;
      for (const tmp of temporaryFiles) {
        try {
          rmSync(tmp, { force: true });
          removed++;
        } catch {
          // Going down anyway: a file that cannot be removed is named below.
          process.stderr.write(`kblint: could not remove the temp file ${tmp}\n`);
        }
      }
      temporaryFiles.clear();
      process.stderr.write(`kblint: interrupted (${signal})${removed ? `; removed ${removed} unfinished output file(s)` : ''}\n`);
      process.exit(2);
    });
  }
}
