// @ts-check
import { fileURLToPath } from 'node:url';

// Stryker copies the project into .stryker-tmp/sandbox-*/, where `../shared` is not beside it:
// point the tests at the real one (test/shared.ts reads KBLINT_SHARED).
process.env.KBLINT_SHARED ??= fileURLToPath(new URL('../shared/', import.meta.url));

/**
 * `npm run mutate` — the folders where a wrong answer is a compliance bug. Run one folder at a
 * time on a busy machine: `npm run mutate -- --mutate 'src/lint/**\/*.ts'`. Results are reused
 * from reports/stryker-incremental.json (git-ignored) for code and tests that did not change.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // No @stryker-mutator/typescript-checker: it drives the TypeScript compiler API, which
  // TypeScript 7 (native tsc) does not have. Type-invalid mutants show as killed or survived instead.
  checkers: [],
  // Stryker rewrites tsconfig paths that leave the sandbox with the same missing compiler API;
  // ours has none, so point it at a file that does not exist and the rewrite is skipped.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  mutate: [
    'src/extract/**/*.ts',
    'src/lint/**/*.ts',
    'src/rollout/readers/**/*.ts',
    'src/report/**/*.ts',
    'src/util/**/*.ts',
    'src/guide/page.ts',
    'src/parse/frontmatter.ts',
    '!src/**/types.ts',
  ],
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (a regex or table constant) needs every test run in a fresh
  // process: on this shared machine that is ~30 s a mutant. Skipped by default; run them with
  // `npm run mutate -- --ignoreStatic false` when the machine is free.
  ignoreStatic: true,
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 20_000,
  // The initial run of the unit tests takes over Stryker's 5 minutes on a shared 2-core machine.
  // To measure one folder with the tests that target it: `--testFiles test/util/files.test.ts,…`.
  dryRunTimeoutMinutes: 30,
  // Careful as root: a mutant of writeFileAtomic that renames instead of writing in place replaced
  // /dev/full with a regular file while a test wrote to it. Leave test files that write devices
  // (test/util/files.test.ts writes /dev/null) out of --testFiles when mutating src/util as root.
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: null },
  // dist/ goes into the sandbox: the few unit tests that need a process (a closed pipe, SIGINT,
  // worker threads) run the built CLI, which is never mutated, so they pass or fail as on main.
  ignorePatterns: ['coverage', 'reports', 'test-output', 'site', '.kblint-cache', '.cache'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
