import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` beside the project: real corpus and artifacts, present in CI, absent in a user's clone.
 * `KBLINT_SHARED` points elsewhere (Stryker runs the tests in a copy of the project).
 */
export const SHARED = process.env.KBLINT_SHARED ?? fileURLToPath(new URL('../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED}corpus`);
/** In CI a missing ../shared is an error: tests that need it must fail, not skip. */
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false';
if (!HAS_SHARED) {
  if (IN_CI) throw new Error(`[kblint tests] CI is set but ${SHARED} is absent: the tests on the real corpus and artifacts cannot run.`);
  console.warn(`[kblint tests] ${SHARED} is absent: tests on the real TechNet corpus and artifacts are skipped.`);
}
export const PROJECT = fileURLToPath(new URL('../', import.meta.url));
/** How many rules `rules/` holds (as loadRules reads them), for totals that follow the rule set. */
export const RULE_COUNT = readdirSync(`${PROJECT}rules`).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_')).length;
