import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, driftReport } from '../../src/kb/index.js';
import { HAS_SHARED, SHARED } from '../shared.js';

// The whole RMS corpus: an end-to-end floor (npm run test:e2e); the drift report's unit cases
// are in drift.test.ts.
describe('translation drift on the corpus', () => {
  it.skipIf(!HAS_SHARED)('stays at or below its measured rate on the RMS corpus (nl, de, es, it, pt)', async () => {
    const { kb: built, problems } = await buildKnowledgeBase([`${SHARED}corpus/rms`], { cwd: SHARED });
    expect(problems).toEqual([]);
    const r = driftReport(built);
    expect(r.articles).toBe(307);
    // Measured 24.6 % before clause-aware extraction (commit 5b3682b), 17.5 % after it, 15.8 % with the
    // second pass on the gold set's nl/de/en errors, 16.6 % with the later Romance rules merged (e9d7864:
    // es/pt read more imperatives, e.g. pt 'considere' as must); a floor that only goes down.
    expect(r.rate).toBeLessThanOrEqual(0.17);
    // Every disagreeing cell says why.
    expect(r.sections.every((s) => s.why.length > 0)).toBe(true);
  }, 300_000);
});
