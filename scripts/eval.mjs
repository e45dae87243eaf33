#!/usr/bin/env node
// Scores extraction against the gold set and prints the drift rate on ../shared/corpus/rms.
//   npm run eval [-- --gold test/gold/gold.jsonl] [--corpus ../shared/corpus] [--errors] [--json] [--no-drift]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, formatEval, parseGold } from '../dist/extract/eval.js';
import { buildKnowledgeBase, driftReport } from '../dist/kb/index.js';
import { claimKey } from '../dist/kb/drift.js';

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: 'test/gold/gold.jsonl' },
    corpus: { type: 'string', default: '../shared/corpus' },
    errors: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'no-drift': { type: 'boolean', default: false },
  },
});
const corpus = resolve(values.corpus);
if (!existsSync(corpus)) {
  console.error(`eval: ${corpus} is absent; the gold set refers to files in it`);
  process.exit(2);
}
const report = await evaluate(parseGold(readFileSync(values.gold, 'utf8')), corpus);
let drift;
if (!values['no-drift'] && existsSync(resolve(corpus, 'rms'))) {
  const built = await buildKnowledgeBase([resolve(corpus, 'rms')], { cacheDir: '.kblint-cache', cwd: corpus });
  const d = driftReport(built.kb);
  drift = { cells: d.cells, disagreeing: d.disagreeing, rate: d.rate };
}
if (values.json) {
  const { judged, ...rest } = report;
  console.log(JSON.stringify({ ...rest, drift }, null, 2));
} else {
  process.stdout.write(formatEval(report));
  if (values.errors) {
    console.log('\nclaim errors (on items whose gold carries claims):');
    for (const j of report.judged.filter((x) => x.claimsRight === false)) {
      const want = j.gold.claims.map((c) => (c.kind === 'command' || c.kind === 'order' ? c.kind : claimKey(c))).sort();
      console.log(`  #${j.gold.n} ${j.gold.lang} ${j.gold.level}: want ${want.join('; ')} | found ${j.claimsFound.join('; ') || 'none'}: ${j.gold.text.slice(0, 160)}`);
    }
    console.log('\nlevel errors:');
    for (const j of report.judged.filter((x) => x.gold.level !== x.predicted)) {
      console.log(`  #${j.gold.n} ${j.gold.lang} gold ${j.gold.level} → ${j.predicted}${j.trigger ? ` ('${j.trigger}')` : ''}: ${j.gold.text.slice(0, 200)}\n      note: ${j.gold.note}`);
    }
  }
  if (drift) console.log(`\ndrift on ${resolve(corpus, 'rms')}: ${drift.disagreeing} of ${drift.cells} section × locale-pair cells disagree on must / must-not presence (${(drift.rate * 100).toFixed(1)} %)`);
}
