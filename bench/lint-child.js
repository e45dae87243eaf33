// @ts-check
// Runs in its own process so that its peak memory is its own: lint a generated rollout with every
// rule instance, and time the floor (the compiled check schemas alone), with the time each step
// before it takes. argv: computers; the share of groups that violate something (0..1, see
// lint-fleet.js); optionally a kb.json to lint against (default: the bundled article).
import { buildKnowledgeBase, readKnowledgeBase } from '../dist/kb/index.js';
import { compileRules, lint, loadRules } from '../dist/lint/index.js';
import { readRollout } from '../dist/rollout/manifest.js';
import { fleetManifest } from './lint-fleet.js';

const COMPUTERS = Number(process.argv[2] ?? 100_000);
const VIOLATING = Number(process.argv[3] ?? 0.1);
const KB = process.argv[4];

const timed = async (fn) => {
  const s = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - s)];
};
const [kb, kbMs] = await timed(async () => (KB ? readKnowledgeBase(KB) : (await buildKnowledgeBase([new URL('../content', import.meta.url).pathname])).kb));
const [{ compiled }, compileMs] = await timed(async () => compileRules(await loadRules(), kb));
// Every instance of every rule: a selector rule checks each requirement it selects (once for all its locales).
const instances = compiled.flatMap((r) => r.instances);
const text = fleetManifest(COMPUTERS, VIOLATING);
const [rollout, readMs] = await timed(() => readRollout(text, 'bench.yaml'));
const targets = rollout.targets;

/** The floor: each compiled check schema on each computer, nothing else. */
function floor() {
  let fails = 0;
  for (const t of targets) for (const r of instances) if (!r.check(t.facts)) fails++;
  return fails;
}
function engine() {
  return lint(rollout, compiled, { locale: 'en', today: '2026-01-01' });
}
/**
 * The best of 7 runs after a warm-up: on a shared machine a run is only ever slowed down (other
 * processes, a collection of the previous run's garbage), so the fastest is the one to compare.
 */
const best = (fn) => {
  fn();
  let min = Infinity;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    fn();
    min = Math.min(min, performance.now() - s);
  }
  return min;
};
const floorMs = best(floor);
const lintMs = best(engine);
const result = engine();
process.stdout.write(
  `${JSON.stringify({
    targets: targets.length,
    rules: compiled.length,
    instances: instances.length,
    findings: result.findings.length,
    kbMs,
    compileMs,
    readMs,
    floorMs: Math.round(floorMs),
    lintMs: Math.round(lintMs),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
