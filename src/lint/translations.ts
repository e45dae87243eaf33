import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';

/**
 * One requirement as the documentation states it in every locale it has: the knowledge base
 * aligns translations pair by pair (`translations`, see src/kb/build.ts), and a requirement's
 * translations are everything those pairs connect. `members` come in the order a citation is
 * chosen in: the run's locale first, then the default locale, then the rest by locale.
 */
export interface TranslationSet {
  members: Requirement[];
}

/** `de`, `de-DE` and `de-de` name the same language; a region, when given, must match too. */
export function localeMatches(locale: string, wanted: string): boolean {
  const l = locale.toLowerCase();
  const w = wanted.toLowerCase();
  return l === w || l.startsWith(`${w}-`);
}

/**
 * The locale citations default to: the one most of the knowledge base's articles are in, ties to
 * the first article's (the bundled content's nl-NL; de-DE for the whole RMS corpus, 307 articles
 * each in de-DE and nl-NL).
 */
export function defaultLocale(kb: KnowledgeBase): string | undefined {
  const count = new Map<string, number>();
  for (const d of kb.documents) count.set(d.locale, (count.get(d.locale) ?? 0) + 1);
  let best: string | undefined;
  for (const [locale, n] of count) if (best === undefined || n > count.get(best)!) best = locale;
  return best ?? kb.requirements[0]?.locale;
}

/** Whether any requirement of the knowledge base is in this locale or language. */
export function hasLocale(kb: KnowledgeBase, wanted: string): boolean {
  return kb.requirements.some((r) => localeMatches(r.locale, wanted));
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The knowledge base's requirements gathered into translation sets (a requirement without
 * translations is a set of one), in the order of each set's first requirement in the knowledge
 * base. `preferred` (a locale or language, e.g. `de`) decides which member comes first.
 */
export function translationSets(kb: KnowledgeBase, preferred?: string): TranslationSet[] {
  const key = (locale: string, id: string) => `${locale}\0${id}`;
  const index = new Map<string, number>();
  kb.requirements.forEach((r, i) => index.set(key(r.locale, r.id), i));
  // Union-find over the alignment pairs: a pair missing between two locales (the LCS alignment
  // paired nl–de and de–pt but not nl–pt) is still one requirement through the third.
  const parent = kb.requirements.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  kb.requirements.forEach((r, i) => {
    for (const [locale, id] of Object.entries(r.translations ?? {})) {
      const j = index.get(key(locale, id));
      if (j === undefined) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const sets = new Map<number, Requirement[]>();
  kb.requirements.forEach((r, i) => {
    const root = find(i);
    const list = sets.get(root);
    if (list) list.push(r);
    else sets.set(root, [r]);
  });
  const fallback = defaultLocale(kb);
  const rank = (r: Requirement) => (preferred !== undefined && localeMatches(r.locale, preferred) ? 0 : fallback !== undefined && r.locale === fallback ? 1 : 2);
  return [...sets.values()].map((members) => ({ members: members.length === 1 ? members : [...members].sort((a, b) => rank(a) - rank(b) || byString(a.locale, b.locale)) }));
}
