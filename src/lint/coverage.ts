import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';
import type { CompiledRules } from './rules.js';
import { localeMatches, translationSets } from './translations.js';
import type { InactiveRule, StaleRule } from './types.js';

/** The levels a rollout can be held to; `may` and `info` sentences are not gaps. */
export const CHECKED_LEVELS: readonly string[] = ['must', 'must-not', 'should', 'should-not'];

export type CoverageStatus = 'checked' | 'not-checkable' | 'uncovered' | 'step';

export interface CoverageRow {
  requirement: string;
  level: string;
  /** `state`: what the rollout must end up as; `action`: a procedure step to perform (a UI click). */
  form: 'state' | 'action';
  status: CoverageStatus;
  rules: string[];
  reason?: string;
  quote: string;
  source: Requirement['source'];
  /** The same requirement in other locales (locale → id), listed once here. */
  translations?: Record<string, string>;
}

export interface ArticleCoverage {
  doc: string;
  locale: string;
  title: string;
  file: string;
  /** Requirements on the rollout's state, and the procedure steps that no rule checks. */
  requirements: CoverageRow[];
  steps: CoverageRow[];
  /** may/info sentences a rule cites nonetheless. */
  alsoChecked: CoverageRow[];
}

export interface Coverage {
  articles: ArticleCoverage[];
  inactive: InactiveRule[];
  stale: StaleRule[];
  totals: { requirements: number; checked: number; notCheckable: number; uncovered: number; steps: number; rules: number; instances: number };
}

export interface CoverageFilter {
  /** An asset id or its first characters. */
  article?: string;
  /** `nl`, `nl-NL`, … (case-insensitive; a language matches its regions). */
  locale?: string;
  level?: string[];
}

/** A requirement is about the rollout's state unless it says it is a step (a knowledge base from before `form` has none). */
function formOf(req: Requirement): 'state' | 'action' {
  return req.form === 'action' ? 'action' : 'state';
}

/**
 * Per article and locale, each must/must-not/should requirement with the rules that check it, or
 * the reason it cannot be checked, or none (a gap); procedure steps apart, since a UI click is
 * performed, not configured; selector rules that matched nothing (inactive) and stale pins. A
 * requirement the knowledge base has in several locales (aligned translations) is one row, under
 * the article in the filter's locale (else the default one), with the other locales beside it.
 */
export function coverageOf(kb: KnowledgeBase, rules: CompiledRules, notCheckable: Map<string, string>, filter: CoverageFilter = {}): Coverage {
  // Rules hold for every locale of the requirement they cite.
  const rulesOf = new Map<string, string[]>();
  for (const rule of rules.compiled) {
    for (const instance of rule.instances) {
      for (const req of [instance.requirement, ...instance.translations]) {
        const list = rulesOf.get(req.id) ?? [];
        if (!list.includes(rule.spec.id)) list.push(rule.spec.id);
        rulesOf.set(req.id, list);
      }
    }
  }
  const levels = new Set(filter.level ?? CHECKED_LEVELS);
  const byArticle = new Map<string, ArticleCoverage>();
  const docs = new Map(kb.documents.map((d) => [`${d.id}\0${d.locale}`, d]));
  for (const { members } of translationSets(kb, filter.locale)) {
    const shown = members.filter((r) => (!filter.article || r.doc.toLowerCase().startsWith(filter.article.toLowerCase())) && (!filter.locale || localeMatches(r.locale, filter.locale)));
    const req = shown[0];
    if (!req) continue;
    // The rules that check this sentence; else those that check a translation of it (this locale's
    // sentence lacks the claim the rule selects: drift, which `kblint drift` shows).
    const own = rulesOf.get(req.id) ?? [];
    const ruleIds = own.length ? own : [...new Set(members.flatMap((m) => rulesOf.get(m.id) ?? []))];
    const checkedLevel = levels.has(req.level);
    if (!checkedLevel && ruleIds.length === 0) continue;
    const key = `${req.doc}\0${req.locale}`;
    let article = byArticle.get(key);
    if (!article) {
      const doc = docs.get(key);
      article = { doc: req.doc, locale: req.locale, title: doc?.title ?? req.doc, file: doc?.file ?? req.source.file, requirements: [], steps: [], alsoChecked: [] };
      byArticle.set(key, article);
    }
    const form = formOf(req);
    const reason = members.map((m) => notCheckable.get(m.id)).find((r) => r !== undefined);
    const status: CoverageStatus = ruleIds.length ? 'checked' : reason !== undefined ? 'not-checkable' : form === 'action' ? 'step' : 'uncovered';
    const others = members.filter((m) => m !== req);
    const row: CoverageRow = {
      requirement: req.id,
      level: req.level,
      form,
      status,
      rules: ruleIds,
      quote: req.quote,
      source: req.source,
      ...(reason === undefined ? {} : { reason }),
      ...(others.length ? { translations: Object.fromEntries(others.map((m) => [m.locale, m.id])) } : {}),
    };
    if (!checkedLevel) article.alsoChecked.push(row);
    else if (status === 'step') article.steps.push(row);
    else article.requirements.push(row);
  }
  const articles = [...byArticle.values()].sort((a, b) => (a.doc === b.doc ? (a.locale < b.locale ? -1 : 1) : a.doc < b.doc ? -1 : 1));
  const rows = articles.flatMap((a) => a.requirements);
  const count = (s: CoverageStatus) => rows.filter((r) => r.status === s).length;
  return {
    articles,
    inactive: rules.inactive,
    stale: rules.stale,
    totals: {
      requirements: rows.length,
      checked: count('checked'),
      notCheckable: count('not-checkable'),
      uncovered: count('uncovered'),
      steps: articles.reduce((n, a) => n + a.steps.length, 0),
      rules: rules.compiled.length,
      instances: rules.compiled.reduce((n, r) => n + r.instances.length, 0),
    },
  };
}
