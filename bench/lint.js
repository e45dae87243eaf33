// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fleetManifest } from './lint-fleet.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const RMS = here('../../shared/corpus/rms/');
const BIN = here('../dist/cli/bin.js');

function child(computers, violating, kb) {
  const r = spawnSync(process.execPath, [here('./lint-child.js'), String(computers), String(violating), ...(kb ? [kb] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`lint benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/**
 * CPU seconds (user + system) of the children this process has waited for, from /proc (Linux):
 * unlike wall time it hardly depends on what else the machine runs. Undefined elsewhere.
 */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: cutime and cstime are fields 16 and 17 of the whole line, in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** `kblint check` as a user runs it, in a child process: median wall time of `runs`, and CPU time. */
function checkCommand(args, runs) {
  const wall = [];
  const cpu = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const c0 = childrenCpu();
    const t0 = performance.now();
    last = spawnSync(process.execPath, [BIN, 'check', ...args], { encoding: 'utf8', cwd: here('..'), maxBuffer: 64 * 1024 * 1024 });
    wall.push(performance.now() - t0);
    const c1 = childrenCpu();
    if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
    if (last.status !== 0 && last.status !== 1) throw new Error(`kblint check ${args.join(' ')} failed (${last.status}): ${last.stderr}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: Math.round(median(wall)), cpuMs: cpu.length ? Math.round(median(cpu) * 1000) : undefined, out: last.stdout };
}

/**
 * The knowledge base of the whole RMS corpus (every locale folder), built once with the CLI:
 * every selector rule gets an instance per requirement it selects there (one for all the
 * locales of a translated requirement). Undefined without ../shared.
 */
function corpusKb(dir) {
  if (!existsSync(RMS)) return undefined;
  const dirs = readdirSync(RMS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(RMS, d.name)).sort();
  const out = join(dir, 'kb.json');
  const r = spawnSync(process.execPath, [BIN, 'build', ...dirs, '--out', out, '--keep-going'], { encoding: 'utf8', cwd: here('..') });
  if (!existsSync(out)) throw new Error(`building the corpus knowledge base failed: ${r.stderr}`);
  return { out, locales: dirs.length };
}

const load = () => loadavg()[0].toFixed(2);

/**
 * 100,000 computers linted with every rule instance, against the compiled check schemas alone in
 * a loop (lintVsAjv), and end to end (`kblint check` of a 100,000-computer manifest in a child
 * process): with the knowledge base of the whole RMS corpus when ../shared is there (the figures
 * that count), and with the bundled article alone.
 */
export function benchLint() {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-bench-'));
  const corpus = corpusKb(dir);
  const loadBefore = load();
  const seed = child(100_000, 0.1);
  const mid = corpus ? child(100_000, 0.1, corpus.out) : seed;
  const worst = child(100_000, 1, corpus?.out);
  const fleet = join(dir, 'fleet.yaml');
  writeFileSync(fleet, fleetManifest(100_000, 0.1));
  const kbArgs = corpus ? ['--kb', corpus.out] : [];
  const e2e = checkCommand([fleet, ...kbArgs, '--format', 'summary'], 3);
  // The same command on the 7-computer example: what a run costs before the computers count.
  const small = checkCommand([here('../examples/violating.yaml'), ...kbArgs, '--format', 'summary'], 3);
  return {
    lintKb: corpus ? `../shared/corpus/rms (${corpus.locales} locales)` : 'content/ (the bundled article)',
    lintLoadAverage: `${loadBefore} before, ${load()} after`,
    lintRules: mid.rules,
    lintRuleInstances: mid.instances,
    lintTargets: mid.targets,
    lintFindings: mid.findings,
    lintFloorMs: mid.floorMs,
    lintMs: mid.lintMs,
    lintVsAjv: +(mid.lintMs / mid.floorMs).toFixed(3),
    lintTargetsPerSecond: Math.round((mid.targets / mid.lintMs) * 1000),
    lintKbReadMs: mid.kbMs,
    lintCompileMs: mid.compileMs,
    lint100kReadMs: mid.readMs,
    lint100kPeakMB: mid.peakMB,
    lint100kCheckMs: e2e.ms,
    lint100kCheckCpuMs: e2e.cpuMs,
    lint100kCheckSummary: e2e.out.trim(),
    lintSmallCheckMs: small.ms,
    lintSmallCheckCpuMs: small.cpuMs,
    lintWorstFindings: worst.findings,
    lintVsAjvWorst: +(worst.lintMs / worst.floorMs).toFixed(3),
    lintSeedRuleInstances: seed.instances,
    lintSeedFindings: seed.findings,
    lintVsAjvSeed: +(seed.lintMs / seed.floorMs).toFixed(3),
  };
}
