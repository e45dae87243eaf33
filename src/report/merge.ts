import type { LintResult } from '../lint/types.js';

/** Several inputs linted in one run (`kblint check a.yaml b.yaml`) as one result: findings in input order, counts added. */
export function mergeResults(results: readonly LintResult[]): LintResult {
  if (results.length === 1) return results[0]!;
  const first = results[0]!;
  const summary = { ...first.summary };
  for (const r of results.slice(1)) {
    for (const key of ['pass', 'fail', 'notapplicable', 'notchecked', 'error', 'targets', 'suppressed'] as const) summary[key] += r.summary[key];
  }
  // A waiver file given once is reported by every input: keep each waiver once, matched if any input matched it.
  const waivers = new Map<string, LintResult['waivers'][number]>();
  for (const w of results.flatMap((r) => r.waivers)) {
    const key = `${w.location.file}\0${w.location.line}\0${w.location.column}\0${w.rule}\0${w.target}`;
    const seen = waivers.get(key);
    if (!seen) waivers.set(key, { ...w });
    else {
      seen.matched += w.matched;
      if (seen.status === 'unmatched' && w.status !== 'unmatched') seen.status = w.status;
    }
  }
  return {
    rollout: results.map((r) => r.rollout).join(', '),
    findings: results.flatMap((r) => r.findings),
    outcomes: results.flatMap((r) => r.outcomes),
    summary,
    waivers: [...waivers.values()],
    stale: first.stale,
  };
}
