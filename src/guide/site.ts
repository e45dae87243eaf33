import { mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { slug } from '../extract/ids.js';
import type { Requirement } from '../extract/types.js';
import type { KnowledgeBase } from '../kb/types.js';
import { ruleText } from '../lint/messages.js';
import type { CompiledRule, Locale } from '../lint/types.js';
import { writeFileAtomic } from '../util/atomic.js';
import { LANGUAGE_NAMES, t } from './catalog.js';
import { renderHtml, renderMarkdown, type Block, type Inline, type Page } from './page.js';

export const CHECKLIST_METHODS = ['group-policy', 'windows-update', 'startup-script', 'sms'] as const;
const LEVEL_ORDER: Requirement['level'][] = ['must', 'must-not', 'should', 'may', 'info'];

/** Page file names come from ids only, so nothing in an article can name a path. */
export const articleFile = (docId: string) => `article-${slug(docId, 64)}`;
export const ruleFile = (ruleId: string) => `rule-${slug(ruleId, 80)}`;
export const checklistFile = (method: string) => `checklist-${slug(method)}`;

const language = (locale: string) => locale.slice(0, 2).toLowerCase();

function sourceLine(locale: Locale, r: Requirement): Inline[] {
  return [t(locale, 'source', { file: r.source.file, line: r.source.line })];
}

/** The requirements of an article to show on a page in `locale`: its own translation when there is one. */
function requirementsFor(kb: KnowledgeBase, docId: string, locale: Locale): { reqs: Requirement[]; from: string } {
  const all = kb.requirements.filter((r) => r.doc === docId);
  const locales = [...new Set(all.map((r) => r.locale))].sort();
  const from = locales.find((l) => language(l) === locale) ?? locales[0] ?? '';
  return { reqs: all.filter((r) => r.locale === from), from };
}

/** The version of a requirement in the page's language, when the article was translated. */
function citeIn(kb: KnowledgeBase, r: Requirement, locale: Locale): Requirement {
  if (language(r.locale) === locale) return r;
  const id = Object.entries(r.translations ?? {}).find(([l]) => language(l) === locale)?.[1];
  return (id && kb.requirements.find((x) => x.id === id)) || r;
}

function quote(locale: Locale, r: Requirement, extra: Inline[] = []): Block {
  return { quote: r.quote, lang: r.locale, cite: [...sourceLine(locale, r), ...extra] };
}

function indexPage(kb: KnowledgeBase, rules: CompiledRule[], locale: Locale): Page {
  const docs = [...new Map(kb.documents.map((d) => [d.id, d])).values()];
  return {
    file: 'index',
    title: t(locale, 'siteTitle'),
    blocks: [
      { p: [t(locale, 'siteIntro', { docs: docs.length, rules: rules.length })] },
      { h: 2, text: t(locale, 'checklistsHeading') },
      { list: CHECKLIST_METHODS.map((m) => [{ link: `${checklistFile(m)}.html`, text: t(locale, 'checklistTitle', { method: m }) }]) },
      { h: 2, text: t(locale, 'articlesHeading') },
      {
        list: docs.map((d) => {
          const { reqs, from } = requirementsFor(kb, d.id, locale);
          const title = kb.documents.find((x) => x.id === d.id && x.locale === from)?.title ?? d.title;
          return [{ link: `${articleFile(d.id)}.html`, text: title, lang: from }, ` — ${t(locale, 'requirementsCount', { count: reqs.length })}`];
        }),
      },
      { h: 2, text: t(locale, 'rulesHeading') },
      { list: rules.map((r) => [{ link: `${ruleFile(r.spec.id)}.html`, text: r.spec.id }, ` — ${ruleText(r, 'description', locale, {})}`]) },
    ],
  };
}

function articlePage(kb: KnowledgeBase, docId: string, locale: Locale): Page {
  const { reqs, from } = requirementsFor(kb, docId, locale);
  const doc = kb.documents.find((d) => d.id === docId && d.locale === from)!;
  const blocks: Block[] = [];
  if (doc.url) blocks.push({ p: [{ link: doc.url, text: t(locale, 'articleOriginal'), lang: from }] });
  if (language(from) !== locale) {
    blocks.push({ p: [t(locale, 'articleCitedFrom', { language: LANGUAGE_NAMES[locale][language(from)] ?? from, pageLanguage: LANGUAGE_NAMES[locale][locale] ?? locale })], muted: true });
  }
  const sections = [...new Set(reqs.map((r) => r.section))];
  for (const section of sections) {
    blocks.push({ h: 2, text: section || doc.title });
    for (const level of LEVEL_ORDER) {
      const here = reqs.filter((r) => r.section === section && r.level === level);
      if (!here.length) continue;
      blocks.push({ h: 3, text: t(locale, 'level', { level }) });
      for (const r of here) blocks.push(quote(locale, r, [' · ', { code: r.id }]));
    }
  }
  return { file: articleFile(docId), title: doc.title, blocks };
}

function rulePage(kb: KnowledgeBase, rule: CompiledRule, locale: Locale): Page {
  const r = citeIn(kb, rule.requirement, locale);
  const sample = { target: '<target>', group: '<group>', os: '<os>' };
  const blocks: Block[] = [
    { p: [ruleText(rule, 'description', locale, {})] },
    { p: [t(locale, 'ruleSeverity', { severity: rule.spec.severity })], muted: true },
    { h: 2, text: t(locale, 'ruleChecks') },
    { p: [ruleText(rule, 'message', locale, sample)] },
    { h: 2, text: t(locale, 'ruleWhy') },
    quote(locale, r, [' · ', { link: `${articleFile(r.doc)}.html`, text: t(locale, 'ruleRequirement', { id: r.id }) }]),
    { h: 2, text: t(locale, 'ruleFix') },
    { p: [ruleText(rule, 'fix', locale, sample)] },
  ];
  if (Object.keys(rule.params).length) {
    blocks.push({ h: 2, text: t(locale, 'ruleFromDocs') }, { list: Object.entries(rule.params).map(([k, v]) => [{ code: k }, ` = ${JSON.stringify(v)}`]) });
  }
  blocks.push({ h: 2, text: t(locale, 'ruleExamples') });
  for (const example of rule.spec.examples.invalid) blocks.push({ code: JSON.stringify(example, null, 2) });
  return { file: ruleFile(rule.spec.id), title: rule.spec.id, blocks };
}

/** Which rules a method's checklist lists: those whose `applies` names the method, and those for every method. */
function rulesForMethod(rules: CompiledRule[], method: string): CompiledRule[] {
  return rules.filter((r) => {
    const m = (r.spec.applies.properties as Record<string, { const?: unknown }> | undefined)?.method?.const;
    return m === undefined || m === method;
  });
}

function checklistPage(kb: KnowledgeBase, rules: CompiledRule[], method: (typeof CHECKLIST_METHODS)[number], locale: Locale): Page {
  const kbMethod = method === 'startup-script' ? 'script' : method;
  const mine = rulesForMethod(rules, method);
  const docs = [...new Set(kb.requirements.map((r) => r.doc))];
  const reqs = docs.flatMap((d) => requirementsFor(kb, d, locale).reqs).filter((r) => r.scope.method === kbMethod && r.level !== 'info');
  const blocks: Block[] = [{ p: [t(locale, 'checklistIntro')] }, { h: 2, text: t(locale, 'checklistRules') }];
  if (mine.length) blocks.push({ list: mine.map((r) => [{ link: `${ruleFile(r.spec.id)}.html`, text: ruleText(r, 'description', locale, {}) }]) });
  else blocks.push({ p: [t(locale, 'checklistEmpty')], muted: true });
  blocks.push({ h: 2, text: t(locale, 'checklistRequirements') });
  if (reqs.length) for (const r of reqs) blocks.push(quote(locale, r, [' · ', { link: `${articleFile(r.doc)}.html`, text: t(locale, 'level', { level: r.level }) }]));
  else blocks.push({ p: [t(locale, 'checklistEmpty')], muted: true });
  return { file: checklistFile(method), title: t(locale, 'checklistTitle', { method }), blocks };
}

export function sitePages(kb: KnowledgeBase, rules: CompiledRule[], locale: Locale): Page[] {
  const docs = [...new Set(kb.documents.map((d) => d.id))];
  return [
    indexPage(kb, rules, locale),
    ...docs.map((d) => articlePage(kb, d, locale)),
    ...rules.map((r) => rulePage(kb, r, locale)),
    ...CHECKLIST_METHODS.map((m) => checklistPage(kb, rules, m, locale)),
  ];
}

/** Write `<out>/<locale>/<page>.html` and `.md` for every page, every locale. Returns the files written. */
export async function writeSite(kb: KnowledgeBase, rules: CompiledRule[], locales: Locale[], out: string): Promise<string[]> {
  const root = resolve(out);
  const written: string[] = [];
  for (const locale of locales) {
    const dir = join(root, locale);
    await mkdir(dir, { recursive: true });
    const other = locales.find((l) => l !== locale);
    for (const page of sitePages(kb, rules, locale)) {
      const file = join(dir, `${page.file}.html`);
      // Ids are slugs, but a page still may not leave its folder.
      if (!file.startsWith(dir + sep)) throw new Error(`page ${page.file} would leave ${dir}`);
      const html = renderHtml(page, { locale, home: 'index.html', ...(other ? { other: { locale: other, href: `../${other}/${page.file}.html` } } : {}) });
      await writeFileAtomic(file, html);
      await writeFileAtomic(join(dir, `${page.file}.md`), renderMarkdown(page));
      written.push(file, join(dir, `${page.file}.md`));
    }
  }
  return written;
}
