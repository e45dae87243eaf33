#!/usr/bin/env node
/**
 * Print sample items with their context (section, block kind, sentence before/after) for judging.
 * It reads only sample.jsonl, so it never shows a judgement (safe for a blind second annotator).
 * Usage: gold-view.mjs <from> <to>  |  gold-view.mjs --n 3,17,42
 */
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const listed = args[0] === '--n' ? new Set(args[1].split(',').map(Number)) : null;
const [from, to] = listed ? [0, Infinity] : args.map(Number);
const cut = (s, k) => (s.length > k ? s.slice(0, k) + '…' : s);
for (const line of readFileSync(new URL('../test/gold/sample.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (!line) continue;
  const x = JSON.parse(line);
  if (x.n < from || x.n > to || (listed && !listed.has(x.n))) continue;
  const section = x.section.replace(/<[^>]+>/g, '').split(' › ').slice(-2).join(' › ');
  console.log(`#${x.n} ${x.lang} ${x.stratum} ${x.file}:${x.line} [${x.block}] §${cut(section, 90)}`);
  console.log(`   < ${cut(x.prev, 160)}`);
  console.log(`   * ${x.text}`);
  console.log(`   > ${cut(x.next, 160)}`);
}
