import type { Claim, Level, Requirement } from '../extract/types.js';
import type { KnowledgeBase } from './types.js';

/**
 * Translation drift: the same article (same asset id) in several locales, compared section by
 * section. A cell is one section of one article and one pair of its locales; it disagrees when one
 * locale's section holds a `must` (or a `must-not`) and the other's does not. Sections are aligned
 * by their place in the article (the section path every requirement carries), which translations
 * keep.
 */

export interface DriftSide {
  locale: string;
  section: string;
  must: boolean;
  mustNot: boolean;
  /** The section's must and must-not requirements, as quoted. */
  requirements: DriftQuote[];
  /** The section's other requirements (should, should-not, may): what this locale says instead. */
  others: DriftQuote[];
}

export interface DriftQuote {
  id: string;
  level: Level;
  quote: string;
  trigger?: string;
}

export interface SectionDrift {
  doc: string;
  /** Section path in the article (`0` the intro, `2.1` the first subsection of the second section). */
  path: string;
  a: DriftSide;
  b: DriftSide;
  /** Why the cell disagrees, one line per level one locale has and the other lacks. */
  why: string[];
}

export interface AlignedDrift {
  doc: string;
  differs: ('level' | 'claims')[];
  a: AlignedSide;
  b: AlignedSide;
}

export interface AlignedSide {
  id: string;
  locale: string;
  level: Level;
  claims: string[];
  quote: string;
}

export interface DriftReport {
  /** Articles present in two or more locales. */
  articles: number;
  /** Section × locale-pair cells compared. */
  cells: number;
  /** Cells whose locales disagree on must / must-not presence. */
  disagreeing: number;
  /** disagreeing / cells (0 when there are no cells). */
  rate: number;
  /** Rate per locale pair (`de-DE|nl-NL`). */
  byPair: Record<string, { cells: number; disagreeing: number; rate: number }>;
  sections: SectionDrift[];
  /** Requirements the build aligned as translations of each other whose level or claims differ. */
  aligned: AlignedDrift[];
}

const sectionPath = (r: Requirement) => r.place.split('/')[0] ?? '0';
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function driftReport(kb: KnowledgeBase): DriftReport {
  // doc → locale → section path → requirements
  const docs = new Map<string, Map<string, Map<string, Requirement[]>>>();
  for (const d of kb.documents) {
    let locales = docs.get(d.id);
    if (!locales) docs.set(d.id, (locales = new Map()));
    locales.set(d.locale, new Map());
  }
  for (const r of kb.requirements) {
    const sections = docs.get(r.doc)?.get(r.locale);
    if (!sections) continue;
    const path = sectionPath(r);
    const list = sections.get(path);
    if (list) list.push(r);
    else sections.set(path, [r]);
  }

  const report: DriftReport = { articles: 0, cells: 0, disagreeing: 0, rate: 0, byPair: {}, sections: [], aligned: [] };
  for (const [doc, locales] of [...docs].sort(([a], [b]) => byString(a, b))) {
    if (locales.size < 2) continue;
    report.articles++;
    const names = [...locales.keys()].sort(byString);
    // A section counts when any locale of the article has a requirement in it.
    const paths = [...new Set(names.flatMap((l) => [...locales.get(l)!.keys()]))].sort(comparePaths);
    for (const path of paths) {
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const ra = locales.get(names[i]!)!.get(path) ?? [];
          const rb = locales.get(names[j]!)!.get(path) ?? [];
          const a = side(names[i]!, ra);
          const b = side(names[j]!, rb);
          const pair = `${a.locale}|${b.locale}`;
          const stats = (report.byPair[pair] ??= { cells: 0, disagreeing: 0, rate: 0 });
          report.cells++;
          stats.cells++;
          if (a.must === b.must && a.mustNot === b.mustNot) continue;
          report.disagreeing++;
          stats.disagreeing++;
          report.sections.push({ doc, path, a, b, why: [...explain(ra, rb, b.locale), ...explain(rb, ra, a.locale)] });
        }
      }
    }
  }
  report.rate = report.cells ? report.disagreeing / report.cells : 0;
  for (const s of Object.values(report.byPair)) s.rate = s.cells ? s.disagreeing / s.cells : 0;
  report.aligned = alignedDrift(kb.requirements);
  return report;
}

const STRONG: readonly Level[] = ['must', 'must-not'];
const quoteOf = (r: Requirement): DriftQuote => ({ id: r.id, level: r.level, quote: r.quote, ...(r.trigger ? { trigger: r.trigger } : {}) });

function side(locale: string, requirements: Requirement[]): DriftSide {
  const strong = requirements.filter((r) => STRONG.includes(r.level));
  return {
    locale,
    section: requirements[0]?.section ?? '',
    must: strong.some((r) => r.level === 'must'),
    mustNot: strong.some((r) => r.level === 'must-not'),
    requirements: strong.map(quoteOf),
    others: requirements.filter((r) => !STRONG.includes(r.level) && r.level !== 'info').map(quoteOf),
  };
}

const blockOf = (r: Requirement) => r.place.slice(0, r.place.lastIndexOf('/'));
const said = (r: Requirement) => `${r.level}${r.trigger ? ` ('${r.trigger}')` : ''}`;

/**
 * Why `other` (of locale `theirs`) lacks a level that `own` has in the section: what `other` reads
 * in the same block (a translation that words it weaker, or one read as a description), or that it
 * reads nothing there.
 */
function explain(own: Requirement[], other: Requirement[], theirs: string): string[] {
  const out: string[] = [];
  for (const level of STRONG) {
    const mine = own.filter((r) => r.level === level);
    if (mine.length === 0 || other.some((r) => r.level === level)) continue;
    const first = mine[0]!;
    const sameBlock = other.filter((r) => mine.some((m) => blockOf(m) === blockOf(r)));
    if (sameBlock.length > 0) {
      out.push(`${first.locale} reads ${level} ('${first.trigger ?? level}'); ${theirs} reads the same block as ${sameBlock.map(said).join(', ')}`);
    } else if (other.length > 0) {
      out.push(`${first.locale} reads ${level} ('${first.trigger ?? level}'); ${theirs} has no requirement in that block, only ${[...new Set(other.map(said))].join(', ')} elsewhere in the section`);
    } else {
      out.push(`${first.locale} reads ${level} ('${first.trigger ?? level}'); ${theirs} reads nothing in the section as a requirement (worded as a description, or not translated)`);
    }
  }
  return out;
}

/** `2.10` after `2.9`: section paths compared number by number. */
function comparePaths(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** A claim as one comparable string: kind and values, without the words the text used. */
export function claimKey(c: Claim): string {
  switch (c.kind) {
    case 'os':
      return `os ${c.bound} ${c.version}`;
    case 'port':
      return `port ${c.ports.join(',')}`;
    case 'method':
      return `method ${[...c.values].sort().join(',')}`;
    case 'order':
      return `order ${c.first}>${c.then}`;
    case 'command':
      return `command ${c.program}`;
    default:
      return `${c.kind} ${String(c.value)}`;
  }
}

function alignedDrift(requirements: Requirement[]): AlignedDrift[] {
  const byId = new Map(requirements.map((r) => [`${r.locale}\0${r.id}`, r]));
  const out: AlignedDrift[] = [];
  for (const a of requirements) {
    for (const [locale, id] of Object.entries(a.translations ?? {}).sort(([x], [y]) => byString(x, y))) {
      if (byString(a.locale, locale) >= 0) continue; // each pair once
      const b = byId.get(`${locale}\0${id}`);
      if (!b) continue;
      const ca = a.claims.map(claimKey).sort();
      const cb = b.claims.map(claimKey).sort();
      const differs: AlignedDrift['differs'] = [];
      if (a.level !== b.level) differs.push('level');
      if (ca.join('\n') !== cb.join('\n')) differs.push('claims');
      if (differs.length === 0) continue;
      out.push({ doc: a.doc, differs, a: alignedSide(a, ca), b: alignedSide(b, cb) });
    }
  }
  return out;
}

const alignedSide = (r: Requirement, claims: string[]): AlignedSide => ({ id: r.id, locale: r.locale, level: r.level, claims, quote: r.quote });
