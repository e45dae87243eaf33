// @ts-check
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

function child(computers, violating) {
  const r = spawnSync(process.execPath, [here('./lint-child.js'), String(computers), String(violating)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lint benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** 100,000 computers linted with every rule, against the compiled check schemas alone in a loop. */
export function benchLint() {
  const mid = child(100_000, 0.1);
  const worst = child(100_000, 1);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [here('../dist/cli/bin.js'), 'check', here('../examples/violating.yaml')], { encoding: 'utf8', cwd: here('..') });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    lintTargets: mid.targets,
    lintFindings: mid.findings,
    lintFloorMs: mid.floorMs,
    lintMs: mid.lintMs,
    lintVsAjv: +(mid.lintMs / mid.floorMs).toFixed(3),
    lintTargetsPerSecond: Math.round((mid.targets / mid.lintMs) * 1000),
    lint100kSeconds: +((mid.readMs + mid.lintMs) / 1000).toFixed(3),
    lint100kReadMs: mid.readMs,
    lint100kPeakMB: mid.peakMB,
    lintWorstFindings: worst.findings,
    lintVsAjvWorst: +(worst.lintMs / worst.floorMs).toFixed(3),
    checkExampleColdMs: Math.round(times[2]),
  };
}
