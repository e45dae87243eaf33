import { defineConfig } from 'vitest/config';

/**
 * Two suites. `unit` (npm test) runs in-process and stays fast; `e2e` (npm run test:e2e) drives
 * the built CLI in child processes, headless Chromium and the whole ../shared corpus.
 * A test file that spawns `dist/cli/bin.js`, opens a browser or walks the corpus belongs in E2E.
 */
export const E2E = [
  'test/guide/browser.test.ts',
  'test/parse/corpus.test.ts',
  'test/cli/cli.test.ts',
  'test/lint/check.test.ts',
  'test/rollout/artifacts.test.ts',
  'test/kb/build.test.ts',
  'test/kb/drift-corpus.test.ts',
  'test/guide/corpus-browser.test.ts',
  'test/guide/report-html.test.ts',
  'test/report/formats.test.ts',
  'test/report/package.test.ts',
  'test/report/readme.test.ts',
  'test/report/sarif.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text', 'html'],
      reportsDirectory: 'coverage',
    },
    projects: [
      // isolate: false — the unit files share one module graph instead of each importing unified,
      // ajv and the readers again (63 s of imports became 11 s). No test mocks modules or changes
      // globals, so sharing is safe; a test that needs a fresh module state belongs in its own project.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, isolate: false } },
      // Whole-corpus and browser runs are CPU-bound: on a shared machine they take minutes. Speed is
      // measured in bench/, never by a test's timeout.
      { extends: true, test: { name: 'e2e', include: E2E, globalSetup: ['test/ci-prerequisites.ts'], env: { KBLINT_E2E: '1' }, testTimeout: 600_000, hookTimeout: 600_000 } },
    ],
  },
});
