#!/usr/bin/env node
/** Print sample items n..m with their context (section, block kind, sentence before/after) for judging. */
import { readFileSync } from 'node:fs';
const [from, to] = process.argv.slice(2).map(Number);
const cut = (s, k) => (s.length > k ? s.slice(0, k) + '…' : s);
for (const line of readFileSync(new URL('../test/gold/sample.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (!line) continue;
  const x = JSON.parse(line);
  if (x.n < from || x.n > to) continue;
  const section = x.section.replace(/<[^>]+>/g, '').split(' › ').slice(-2).join(' › ');
  console.log(`#${x.n} ${x.lang} ${x.stratum} ${x.file}:${x.line} [${x.block}] §${cut(section, 90)}`);
  console.log(`   < ${cut(x.prev, 160)}`);
  console.log(`   * ${x.text}`);
  console.log(`   > ${cut(x.next, 160)}`);
}
