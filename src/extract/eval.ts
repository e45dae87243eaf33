import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localeOf } from '../kb/article.js';
import { claimKey } from '../kb/drift.js';
import { parseBytes } from '../parse/index.js';
import { extractRequirements } from './extract.js';
import { tokenize } from './lexicon.js';
import { LEVELS, type Claim, type Level, type Requirement } from './types.js';

/**
 * Scoring extraction against a hand-judged gold set (`test/gold/gold.jsonl`): each gold sentence
 * is matched to the requirement extracted from the same line whose quote shares the most words
 * with it; none (or too little in common) means kblint read it as `info`.
 */

export interface GoldItem {
  n: number;
  /** Relative to the corpus folder. */
  file: string;
  line: number;
  locale: string;
  /** The language of the sentence itself. */
  lang: string;
  text: string;
  level: Level;
  form: 'state' | 'action';
  claims: Partial<Claim>[];
  note: string;
}

export interface Judged {
  gold: GoldItem;
  predicted: Level;
  trigger?: string;
  quote?: string;
  claimsRight?: boolean;
  /** The extracted claims as comparable keys, when the gold item carries claims. */
  claimsFound?: string[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Gold items of the level. */
  support: number;
  /** Items predicted at the level. */
  predicted: number;
}

export interface EvalReport {
  items: number;
  byLevel: Record<Level, Scores>;
  byLanguage: Record<string, Record<Level, Scores>>;
  /** Mean F1 over the levels present in the gold set. */
  macroF1: number;
  macroF1ByLanguage: Record<string, number>;
  accuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<Level, Record<Level, number>>;
  /** Gold prohibitions read as may, info or must. */
  prohibitionsMissed: Judged[];
  /** Gold need-nots read as must or must-not. */
  needNotsAsRequired: Judged[];
  /** Share of items with gold claims whose claims kblint got exactly (kind and value). */
  claims: { items: number; right: number };
  judged: Judged[];
}

export function parseGold(text: string): GoldItem[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldItem);
}

/** Word overlap of two texts (Jaccard over word sets). */
function overlap(a: string, b: string): number {
  const x = new Set(tokenize(a));
  const y = new Set(tokenize(b));
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return x.size + y.size === 0 ? 0 : common / (x.size + y.size - common);
}

const MIN_OVERLAP = 0.5;

/** Is a gold item a "need not" (the opposite of a requirement)? Its claims or its note say so. */
export function isNeedNot(g: GoldItem): boolean {
  if (g.level !== 'may') return false;
  if (g.claims.some((c) => 'value' in c && (c.value === 'none' || c.value === 'not-required'))) return true;
  return /need[- ]not|not needed|not required|no need|need-not/i.test(g.note);
}

/** A gold claim as the same comparable key as an extracted one (gold may leave out details). */
function goldClaimKey(c: Partial<Claim>): string {
  // Gold names order steps in free text (test/gold/README.md): its kind is compared, not its strings.
  if (c.kind === 'command' || c.kind === 'order') return c.kind;
  return claimKey(c as Claim);
}

const extractedClaimKey = (c: Claim) => (c.kind === 'command' || c.kind === 'order' ? c.kind : claimKey(c));

async function extractFile(corpus: string, file: string): Promise<Requirement[]> {
  const bytes = await readFile(join(corpus, file));
  const doc = parseBytes(bytes, file);
  const locale = localeOf(doc.meta.locale, file) ?? 'en-US';
  return extractRequirements(doc, { locale, doc: doc.meta.assetId?.toLowerCase() ?? file });
}

function emptyScores(): Scores {
  return { precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 };
}

function score(pairs: { gold: Level; predicted: Level }[]): Record<Level, Scores> {
  const out = Object.fromEntries(LEVELS.map((l) => [l, emptyScores()])) as Record<Level, Scores>;
  for (const level of LEVELS) {
    const tp = pairs.filter((p) => p.gold === level && p.predicted === level).length;
    const support = pairs.filter((p) => p.gold === level).length;
    const predicted = pairs.filter((p) => p.predicted === level).length;
    // An empty denominator counts as perfect: nothing wrongly predicted, nothing missed.
    const precision = predicted ? tp / predicted : 1;
    const recall = support ? tp / support : 1;
    out[level] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support, predicted };
  }
  return out;
}

function macro(scores: Record<Level, Scores>): number {
  const present = LEVELS.filter((l) => scores[l].support > 0 || scores[l].predicted > 0);
  return present.length ? present.reduce((s, l) => s + scores[l].f1, 0) / present.length : 0;
}

export async function evaluate(gold: GoldItem[], corpus: string): Promise<EvalReport> {
  const files = new Map<string, Promise<Requirement[]>>();
  const judged: Judged[] = [];
  for (const g of gold) {
    let reqs = files.get(g.file);
    if (!reqs) files.set(g.file, (reqs = extractFile(corpus, g.file)));
    const candidates = (await reqs).filter((r) => r.source.line === g.line);
    let best: Requirement | undefined;
    let bestOverlap = 0;
    for (const r of candidates) {
      const o = overlap(r.quote, g.text);
      if (o > bestOverlap) [best, bestOverlap] = [r, o];
    }
    const hit = bestOverlap >= MIN_OVERLAP ? best : undefined;
    const j: Judged = { gold: g, predicted: hit?.level ?? 'info' };
    if (hit?.trigger) j.trigger = hit.trigger;
    if (hit) j.quote = hit.quote;
    if (g.claims.length > 0) {
      const want = g.claims.map(goldClaimKey).sort().join('\n');
      const found = (hit?.claims ?? []).map(extractedClaimKey).sort();
      j.claimsFound = found;
      j.claimsRight = want === found.join('\n');
    }
    judged.push(j);
  }
  const pairs = judged.map((j) => ({ gold: j.gold.level, predicted: j.predicted }));
  const byLevel = score(pairs);
  const languages = [...new Set(gold.map((g) => g.lang))].sort();
  const byLanguage: Record<string, Record<Level, Scores>> = {};
  const macroF1ByLanguage: Record<string, number> = {};
  for (const lang of languages) {
    byLanguage[lang] = score(judged.filter((j) => j.gold.lang === lang).map((j) => ({ gold: j.gold.level, predicted: j.predicted })));
    macroF1ByLanguage[lang] = macro(byLanguage[lang]!);
  }
  const confusion = Object.fromEntries(LEVELS.map((g) => [g, Object.fromEntries(LEVELS.map((p) => [p, 0]))])) as Record<Level, Record<Level, number>>;
  for (const p of pairs) confusion[p.gold][p.predicted]++;
  const withClaims = judged.filter((j) => j.claimsRight !== undefined);
  return {
    items: judged.length,
    byLevel,
    byLanguage,
    macroF1: macro(byLevel),
    macroF1ByLanguage,
    accuracy: judged.length ? pairs.filter((p) => p.gold === p.predicted).length / judged.length : 0,
    confusion,
    prohibitionsMissed: judged.filter((j) => j.gold.level === 'must-not' && (j.predicted === 'may' || j.predicted === 'info' || j.predicted === 'must')),
    needNotsAsRequired: judged.filter((j) => isNeedNot(j.gold) && (j.predicted === 'must' || j.predicted === 'must-not')),
    claims: { items: withClaims.length, right: withClaims.filter((j) => j.claimsRight).length },
    judged,
  };
}

const f2 = (x: number) => x.toFixed(2);
const STRONG: Level[] = ['must', 'must-not', 'should', 'should-not', 'may'];

/** The report as text tables. */
export function formatEval(r: EvalReport): string {
  const lines: string[] = [];
  lines.push(`gold items: ${r.items}; level accuracy ${f2(r.accuracy)}; macro-F1 ${f2(r.macroF1)}`, '');
  lines.push('level        P     R     F1   gold  predicted');
  for (const l of LEVELS) {
    const s = r.byLevel[l];
    lines.push(`${l.padEnd(11)} ${f2(s.precision)}  ${f2(s.recall)}  ${f2(s.f1)}  ${String(s.support).padStart(4)}  ${String(s.predicted).padStart(9)}`);
  }
  lines.push('', 'per language (P/R, gold count in brackets; - where the language has no such item and none predicted)');
  lines.push(`lang  ${STRONG.map((l) => l.padEnd(17)).join('')}macro-F1`);
  for (const [lang, scores] of Object.entries(r.byLanguage)) {
    const cells = STRONG.map((l) => {
      const s = scores[l];
      return (s.support || s.predicted ? `${f2(s.precision)}/${f2(s.recall)} [${s.support}]` : '-').padEnd(17);
    });
    lines.push(`${lang.padEnd(5)} ${cells.join('')}${f2(r.macroF1ByLanguage[lang]!)}`);
  }
  lines.push('', `confusion (rows gold, columns predicted)`, `${''.padEnd(11)}${LEVELS.map((l) => l.padStart(11)).join('')}`);
  for (const g of LEVELS) lines.push(`${g.padEnd(11)}${LEVELS.map((p) => String(r.confusion[g][p]).padStart(11)).join('')}`);
  lines.push('', `claims exactly right on ${r.claims.right} of ${r.claims.items} items that carry gold claims`);
  const list = (title: string, items: Judged[]) => {
    lines.push('', `${title}: ${items.length}`);
    for (const j of items) lines.push(`  #${j.gold.n} ${j.gold.file}:${j.gold.line} → ${j.predicted}${j.trigger ? ` ('${j.trigger}')` : ''}: ${j.gold.text}`);
  };
  list('prohibitions read as may/info/must', r.prohibitionsMissed);
  list('need-nots read as must/must-not', r.needNotsAsRequired);
  return `${lines.join('\n')}\n`;
}
