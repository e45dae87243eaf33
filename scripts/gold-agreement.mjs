#!/usr/bin/env node
/**
 * Inter-annotator agreement between the first judgement (test/gold/labels.tsv, annotator A) and the
 * second, blind one (test/gold/labels-b.tsv, annotator B) on the items B judged.
 *
 * Prints Cohen's kappa on level (overall and per language), raw agreement on level, on form
 * (action/state) and on claim kinds (the set of kinds an item carries), then every disagreement.
 *
 * Options:
 *   --before <git-rev>   read labels.tsv as it was at that revision (the figures before adjudication)
 *   --unexposed          also report kappa without the items whose first label B could have seen
 *                        before judging (the numbers cited in README's guide and hard cases, and
 *                        items 1–4, whose labels head(labels.tsv) showed)
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const LEVELS = ['must', 'must-not', 'should', 'should-not', 'may', 'info'];
const dir = new URL('../test/gold/', import.meta.url);
const args = process.argv.slice(2);
const before = args.includes('--before') ? args[args.indexOf('--before') + 1] : null;

/** One labels file → Map n → {level, form, lang?, kinds, note}. Same line format as gold-build.mjs. */
export function parseLabels(text) {
  const labels = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [n, level, form, claims = '', ...note] = line.split('|').map((f) => f.trim());
    const [formCode, lang] = form.split('@');
    const kinds = [...new Set(claims.split(';').map((c) => c.trim().split(':')[0]).filter(Boolean))].sort();
    labels.set(Number(n), { level, form: formCode, lang, kinds: kinds.join(','), note: note.join('|') });
  }
  return labels;
}

/** Cohen's kappa for two parallel label arrays; null when chance agreement is 1 (a single category). */
export function cohenKappa(a, b) {
  const n = a.length;
  if (n === 0) return null;
  const observed = a.filter((x, i) => x === b[i]).length / n;
  const categories = new Set([...a, ...b]);
  let chance = 0;
  for (const c of categories) chance += (a.filter((x) => x === c).length / n) * (b.filter((x) => x === c).length / n);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** Item numbers the README's guide and hard cases cite, ranges expanded ("785–794"). */
function citedInReadme() {
  const readme = readFileSync(new URL('README.md', dir), 'utf8');
  const guide = readme.slice(readme.indexOf('## Labelling guide'));
  const cited = new Set([1, 2, 3, 4]);
  for (const group of guide.match(/\((?:items? )?[\d ,–→a-z-]+\)/g) ?? []) {
    for (const m of group.matchAll(/(\d+)(?:–(\d+))?/g)) {
      const from = Number(m[1]);
      for (let k = from; k <= Number(m[2] ?? from); k++) cited.add(k);
    }
  }
  return cited;
}

const fixed = (x, d = 3) => (x === null ? 'n/a' : x.toFixed(d));
const pct = (k, n) => `${k}/${n} (${((100 * k) / n).toFixed(1)} %)`;

function report(title, items) {
  const kappa = cohenKappa(items.map((x) => x.a.level), items.map((x) => x.b.level));
  const agree = (f) => items.filter((x) => f(x.a) === f(x.b)).length;
  console.log(`\n## ${title}: ${items.length} items`);
  console.log(`level: kappa ${fixed(kappa)}, raw ${pct(agree((l) => l.level), items.length)}`);
  console.log(`form: raw ${pct(agree((l) => l.form), items.length)}`);
  console.log(`claim kinds (same set): raw ${pct(agree((l) => l.kinds), items.length)}`);
  const withClaims = items.filter((x) => x.a.kinds || x.b.kinds);
  console.log(`claim kinds on items where either annotator gave claims: raw ${pct(withClaims.filter((x) => x.a.kinds === x.b.kinds).length, withClaims.length)}`);
  console.log('\n| lang | n | kappa (level) | raw level | raw form | raw claim kinds |\n|---|---:|---:|---:|---:|---:|');
  for (const lang of [...new Set(items.map((x) => x.lang))].sort()) {
    const sub = items.filter((x) => x.lang === lang);
    const k = cohenKappa(sub.map((x) => x.a.level), sub.map((x) => x.b.level));
    const raw = (f) => `${sub.filter((x) => f(x.a) === f(x.b)).length}/${sub.length}`;
    console.log(`| ${lang} | ${sub.length} | ${fixed(k)} | ${raw((l) => l.level)} | ${raw((l) => l.form)} | ${raw((l) => l.kinds)} |`);
  }
  console.log(`\nconfusion (rows A, columns B)\n| A \\ B | ${LEVELS.join(' | ')} |\n|---|${LEVELS.map(() => '---:').join('|')}|`);
  for (const la of LEVELS) {
    console.log(`| ${la} | ${LEVELS.map((lb) => items.filter((x) => x.a.level === la && x.b.level === lb).length).join(' | ')} |`);
  }
}

const sample = new Map(
  readFileSync(new URL('sample.jsonl', dir), 'utf8').split('\n').filter(Boolean).map((l) => { const x = JSON.parse(l); return [x.n, x]; }),
);
const textA = before
  ? execFileSync('git', ['show', `${before}:test/gold/labels.tsv`], { cwd: new URL('..', import.meta.url), encoding: 'utf8' })
  : readFileSync(new URL('labels.tsv', dir), 'utf8');
const A = parseLabels(textA);
const B = parseLabels(readFileSync(new URL('labels-b.tsv', dir), 'utf8'));
const items = [...B].map(([n, b]) => {
  const a = A.get(n);
  if (!a) throw new Error(`labels-b.tsv: item ${n} has no first judgement`);
  return { n, a, b, lang: a.lang ?? b.lang ?? sample.get(n).lang, text: sample.get(n).text };
});

console.log(`# Agreement A (labels.tsv${before ? ` at ${before}` : ''}) vs B (labels-b.tsv)`);
report('all items B judged', items);
if (args.includes('--unexposed')) {
  const cited = citedInReadme();
  report('without items whose first label B could have seen', items.filter((x) => !cited.has(x.n)));
}
console.log('\n## Disagreements (level, form or claim kinds)\n| n | lang | A | B | text |\n|---|---|---|---|---|');
const cut = (s) => (s.length > 110 ? `${s.slice(0, 110)}…` : s);
for (const x of items) {
  if (x.a.level === x.b.level && x.a.form === x.b.form && x.a.kinds === x.b.kinds) continue;
  const show = (l) => `${l.level} ${l.form}${l.kinds ? ` [${l.kinds}]` : ''}`;
  console.log(`| ${x.n} | ${x.lang} | ${show(x.a)} | ${show(x.b)} | ${cut(x.text).replace(/\|/g, '\\|')} |`);
}
