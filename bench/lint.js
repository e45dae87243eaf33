// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const RMS = here('../../shared/corpus/rms/');

function child(computers, violating, kb) {
  const r = spawnSync(process.execPath, [here('./lint-child.js'), String(computers), String(violating), ...(kb ? [kb] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`lint benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/**
 * The knowledge base of the whole RMS corpus (every locale folder), built once with the CLI:
 * every selector rule gets an instance per requirement it selects there. Undefined without ../shared.
 */
function corpusKb() {
  if (!existsSync(RMS)) return undefined;
  const dirs = readdirSync(RMS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(RMS, d.name)).sort();
  const out = join(mkdtempSync(join(tmpdir(), 'kblint-bench-')), 'kb.json');
  const r = spawnSync(process.execPath, [here('../dist/cli/bin.js'), 'build', ...dirs, '--out', out, '--keep-going'], { encoding: 'utf8', cwd: here('..') });
  if (!existsSync(out)) throw new Error(`building the corpus knowledge base failed: ${r.stderr}`);
  return { out, locales: dirs.length };
}

/**
 * 100,000 computers linted with every rule instance, against the compiled check schemas alone in
 * a loop: with the knowledge base of the whole RMS corpus when ../shared is there (the figures
 * that count), and with the bundled article alone.
 */
export function benchLint() {
  const corpus = corpusKb();
  const seed = child(100_000, 0.1);
  const mid = corpus ? child(100_000, 0.1, corpus.out) : seed;
  const worst = child(100_000, 1, corpus?.out);
  return {
    lintKb: corpus ? `../shared/corpus/rms (${corpus.locales} locales)` : 'content/ (the bundled article)',
    lintRules: mid.rules,
    lintRuleInstances: mid.instances,
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
    lintSeedRuleInstances: seed.instances,
    lintSeedFindings: seed.findings,
    lintVsAjvSeed: +(seed.lintMs / seed.floorMs).toFixed(3),
  };
}
