import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the project: real corpus and artifacts, present in CI, absent in a user's clone. */
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED}corpus`);
if (!HAS_SHARED) {
  console.warn(`[kblint tests] ${SHARED} is absent: tests on the real TechNet corpus and artifacts are skipped.`);
}
export const PROJECT = fileURLToPath(new URL('../', import.meta.url));
