#!/usr/bin/env node
/**
 * Draw the second annotator's blind subset of the gold set (inter-annotator agreement).
 *
 * 250 items from test/gold/sample.jsonl, stratified by language × first-annotator level so that
 * every language and every level is represented: each cell gets min(size, MIN_PER_CELL) items, the
 * rest is shared out in proportion to the cells' sizes (largest remainder); within a cell the items
 * are drawn with mulberry32 (seed SEED), partial Fisher–Yates.
 *
 * gold.jsonl is read ONLY to form the cells, as it stood when the subset was drawn (FIRST_PASS, before
 * adjudication moved item 329 to another cell), so the draw stays reproducible. The output shows nothing of the first judgement: one
 * line per item, sorted by n, `n <TAB> file <TAB> line <TAB> text`, so the second annotator cannot
 * tell which cell an item came from.
 *
 * Usage: node scripts/gold-subset.mjs [--n]   (--n prints only the comma-separated item numbers,
 *        for `node scripts/gold-view.mjs --n <list>`)
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mulberry32 } from './gold-prng.mjs';

export const SEED = 20261125 + 2; // the sample's seed + 2: a fresh stream for annotator B
const SIZE = 250;
const MIN_PER_CELL = 3;
/** The commit whose gold.jsonl holds the first annotator's labels as they were when B's subset was drawn. */
const FIRST_PASS = '5955b1f';


const parse = (text) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
const read = (name) => parse(readFileSync(new URL(`../test/gold/${name}`, import.meta.url), 'utf8'));
const readFirstPass = () =>
  parse(execFileSync('git', ['show', `${FIRST_PASS}:test/gold/gold.jsonl`], { cwd: new URL('..', import.meta.url), encoding: 'utf8' }));

export function subset() {
  const sample = new Map(read('sample.jsonl').map((x) => [x.n, x]));
  const cells = new Map();
  for (const g of readFirstPass()) {
    const key = `${g.lang}/${g.level}`;
    cells.set(key, [...(cells.get(key) ?? []), g.n]);
  }
  const keys = [...cells.keys()].sort();
  const quota = new Map(keys.map((k) => [k, Math.min(cells.get(k).length, MIN_PER_CELL)]));
  const fixed = [...quota.values()].reduce((a, b) => a + b, 0);
  const rest = keys.map((k) => ({ k, room: cells.get(k).length - quota.get(k) }));
  const roomTotal = rest.reduce((a, r) => a + r.room, 0);
  const share = rest.map((r) => ({ ...r, exact: ((SIZE - fixed) * r.room) / roomTotal }));
  for (const s of share) quota.set(s.k, quota.get(s.k) + Math.floor(s.exact));
  let left = SIZE - [...quota.values()].reduce((a, b) => a + b, 0);
  for (const s of [...share].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.k.localeCompare(b.k))) {
    if (left-- <= 0) break;
    quota.set(s.k, quota.get(s.k) + 1);
  }
  const random = mulberry32(SEED);
  const picked = [];
  for (const k of keys) {
    const items = [...cells.get(k)].sort((a, b) => a - b);
    for (let i = 0; i < quota.get(k); i++) {
      const j = i + Math.floor(random() * (items.length - i));
      [items[i], items[j]] = [items[j], items[i]];
      picked.push(items[i]);
    }
  }
  return picked.sort((a, b) => a - b).map((n) => sample.get(n));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const items = subset();
  if (process.argv.includes('--n')) console.log(items.map((x) => x.n).join(','));
  else for (const x of items) console.log(`${x.n}\t${x.file}\t${x.line}\t${x.text}`);
}
