import { defineConfig } from 'vitest/config';
import { E2E } from './vitest.config.js';

/**
 * The suite Stryker runs against each mutant: the unit project only. The end-to-end tests run
 * the built CLI in child processes, which never load the mutated sources.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: E2E,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
