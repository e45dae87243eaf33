#!/usr/bin/env node
/** Print the gold set's counts: language × level, language × stratum × level, form, claim kinds. */
import { readFileSync } from 'node:fs';

const LEVELS = ['must', 'must-not', 'should', 'should-not', 'may', 'info'];
const rows = readFileSync(new URL('../test/gold/gold.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

function table(title, keyOf) {
  const counts = new Map();
  for (const r of rows) {
    const key = keyOf(r);
    const row = counts.get(key) ?? Object.fromEntries([...LEVELS, 'all'].map((l) => [l, 0]));
    row[r.level]++;
    row.all++;
    counts.set(key, row);
  }
  console.log(`\n${title}\n| | ${LEVELS.join(' | ')} | all |\n|---|${LEVELS.map(() => '---:').join('|')}|---:|`);
  for (const [key, row] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`| ${key} | ${[...LEVELS, 'all'].map((l) => row[l]).join(' | ')} |`);
  }
  const total = Object.fromEntries([...LEVELS, 'all'].map((l) => [l, rows.filter((r) => l === 'all' || r.level === l).length]));
  console.log(`| **all** | ${[...LEVELS, 'all'].map((l) => total[l]).join(' | ')} |`);
}

table('Language × level', (r) => r.lang);
table('Language × stratum × level', (r) => `${r.lang} / ${r.stratum}`);
const forms = {};
for (const r of rows) forms[`${r.level}/${r.form}`] = (forms[`${r.level}/${r.form}`] ?? 0) + 1;
console.log(`\nform by level: ${JSON.stringify(forms)}`);
const kinds = {};
for (const r of rows) for (const c of r.claims) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
console.log(`claims: ${rows.filter((r) => r.claims.length > 0).length} items carry ${Object.values(kinds).reduce((a, b) => a + b, 0)} claims ${JSON.stringify(kinds)}`);
