// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('..');
const BIN = here('../dist/cli/bin.js');
const RUNS = 9;
/** bash's `time` keyword times exactly the child (not bash's own start), and adds its CPU time. */
const BASH = ['/bin/bash', '/usr/bin/bash'].find((p) => existsSync(p));

/** Wall and CPU milliseconds of one fresh process running `args`, and its exit status. */
function timed(args) {
  if (BASH) {
    const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = `TIMEFORMAT='%3R %3U %3S'; { time ${quoted} >/dev/null 2>&1; echo "status $?" >&2; } 2>&1`;
    const r = spawnSync(BASH, ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    const status = Number(/status (\d+)/.exec(r.stdout)?.[1]);
    const [real, user, sys] = (/([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stdout) ?? []).slice(1).map(Number);
    if (real === undefined) throw new Error(`cold-start benchmark: cannot read bash's timing from: ${r.stdout}${r.stderr}`);
    return { wallMs: real * 1000, cpuMs: (user + sys) * 1000, status };
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { wallMs: performance.now() - t0, cpuMs: NaN, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
};

/**
 * `kblint check examples/violating.yaml` (the README's `npm start` job) as a user runs it: a fresh
 * Node process each time, nothing cached by an earlier run (kblint keeps no run-time cache; what
 * `npm run build` prepared in dist/ is part of the install). Median of several runs, interleaved
 * with a bare `node -e 0` measured the same way, so the figure can be read against the machine's
 * own process start. The load average is reported with it: on a busy machine wall time inflates.
 */
export function benchColdStart() {
  const load = loadavg()[0];
  const check = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    const run = timed([BIN, 'check', 'examples/violating.yaml']);
    // The example violates rules: exit 1 is the expected outcome; anything else is a broken run.
    if (run.status !== 1) throw new Error(`cold-start benchmark: kblint check examples/violating.yaml exited ${run.status}, expected 1`);
    check.push(run);
    bare.push(timed(['-e', '0']));
  }
  const ms = (runs, key) => Math.round(median(runs.map((r) => r[key])));
  return {
    checkExampleColdMs: ms(check, 'wallMs'),
    checkExampleColdCpuMs: ms(check, 'cpuMs'),
    nodeBaselineMs: ms(bare, 'wallMs'),
    nodeBaselineCpuMs: ms(bare, 'cpuMs'),
    checkExampleRuns: RUNS,
    coldLoadAverage: +load.toFixed(2),
  };
}

// `node bench/cold.js`: this figure alone, as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${JSON.stringify(benchColdStart())}\n`);
