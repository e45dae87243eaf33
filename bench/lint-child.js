// @ts-check
// Runs in its own process so that its peak memory is its own: generate a 100,000-computer
// rollout, lint it with every rule, and time the floor (the compiled check schemas alone).
// argv: computers, and the share of groups that violate something (0..1): 0.1 is a fleet
// mid-rollout; 1 makes every group violate at random, more findings than computers; and
// optionally a kb.json to lint against (default: the bundled article).
import { buildKnowledgeBase, readKnowledgeBase } from '../dist/kb/index.js';
import { compileRules, lint, loadRules } from '../dist/lint/index.js';
import { readRollout } from '../dist/rollout/manifest.js';

const COMPUTERS = Number(process.argv[2] ?? 100_000);
const VIOLATING = Number(process.argv[3] ?? 0.1);
const OS = [['Windows 2000', '5.0'], ['Windows XP', '5.1'], ['Windows Server 2003', '5.2'], ['Windows Vista', '6.0'], ['Windows 7', '6.1']];
const METHODS = ['group-policy', 'windows-update', 'startup-script', 'sms', 'none'];
const PER_GROUP = 500;

/** A deterministic pseudo-random sequence, so every run lints the same fleet. */
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** One group's settings: compliant for its OS, or (with probability VIOLATING) random. */
function group(g) {
  const [osName, osVersion] = OS[g % OS.length];
  const modern = Number(osVersion) >= 6;
  if (random() >= VIOLATING) {
    const method = modern ? 'none' : ['group-policy', 'startup-script', 'sms'][g % 3];
    return { osName, osVersion, method, localAdmin: false, activation: true, context: 'computer', integrity: true, order: true, rootPort: 443 };
  }
  return {
    osName,
    osVersion,
    method: METHODS[Math.floor(random() * METHODS.length)],
    localAdmin: random() < 0.5,
    activation: random() < 0.7,
    context: random() < 0.5 ? 'computer' : 'user',
    integrity: random() < 0.7,
    order: random() < 0.7,
    rootPort: random() < 0.8 ? 443 : 8443,
  };
}

function manifest() {
  const lines = ['groups:'];
  for (let g = 0; g * PER_GROUP < COMPUTERS; g++) {
    const s = group(g);
    lines.push(`  - name: g${g}`, `    os: { name: ${s.osName}, version: "${s.osVersion}" }`, `    method: ${s.method}`);
    lines.push(`    installer: { localAdmin: ${s.localAdmin} }`, `    activation: ${s.activation}`);
    if (s.method === 'startup-script') {
      const msi = s.order ? ['MsDrmClient.msi', 'RmClientBackCompat.msi'] : ['RmClientBackCompat.msi', 'MsDrmClient.msi'];
      lines.push('    script:', `      context: ${s.context}`, `      integrityCheck: ${s.integrity}`, '      commands:');
      for (const m of msi) lines.push(`        - msiexec /i ${m} /qn REBOOT=ReallySuppress`);
    }
    lines.push('    network:', `      root: { ports: [${s.rootPort}] }`, '      licensing: { ports: [443] }');
    lines.push('    computers:');
    for (let i = 0; i < PER_GROUP && g * PER_GROUP + i < COMPUTERS; i++) lines.push(`      - PC${g * PER_GROUP + i}`);
  }
  return `${lines.join('\n')}\n`;
}

const KB = process.argv[4];
const kb = KB ? await readKnowledgeBase(KB) : (await buildKnowledgeBase([new URL('../content', import.meta.url).pathname])).kb;
const { compiled } = compileRules(await loadRules(), kb);
// Every instance of every rule: a selector rule checks each requirement it selects.
const instances = compiled.flatMap((r) => r.instances);
const text = manifest();
let t0 = performance.now();
const rollout = readRollout(text, 'bench.yaml');
const readMs = performance.now() - t0;
const targets = rollout.targets;

function floor() {
  let fails = 0;
  for (const t of targets) for (const r of instances) if (!r.check(t.facts)) fails++;
  return fails;
}
function engine() {
  return lint(rollout, compiled, { locale: 'en', today: '2026-01-01' });
}
const median = (fn) => {
  fn();
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  return times.sort((a, b) => a - b)[2];
};
const floorMs = median(floor);
const lintMs = median(engine);
const result = engine();
process.stdout.write(
  `${JSON.stringify({
    targets: targets.length,
    rules: compiled.length,
    instances: instances.length,
    findings: result.findings.length,
    readMs: Math.round(readMs),
    floorMs: Math.round(floorMs),
    lintMs: Math.round(lintMs),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
