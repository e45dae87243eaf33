import { mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { KnowledgeBase } from '../kb/types.js';
import type { Document } from '../parse/types.js';
import { ruleText } from '../lint/messages.js';
import type { CompiledRule, Locale } from '../lint/types.js';
import { writeFileAtomic } from '../util/atomic.js';
import { articlePage } from './article.js';
import { ENDONYMS, t } from './catalog.js';
import { CHECKLIST_METHODS, checklistPage } from './checklist.js';
import { guideData, parsedArticle, requirementsOfVersion, versionFor, type GuideData } from './context.js';
import { articleFile, checklistFile, ruleFile } from './files.js';
import { renderHtml, renderMarkdown, type Page } from './page.js';
import { rulePage } from './rule.js';
import { translationPage } from './translation.js';

export { articleFile, checklistFile, ruleFile, translationFile } from './files.js';
export { CHECKLIST_METHODS } from './checklist.js';

function indexPage(data: GuideData, locale: Locale): Page {
  return {
    file: 'index',
    title: t(locale, 'siteTitle'),
    blocks: [
      { p: [t(locale, 'siteIntro', { docs: data.docIds.length, rules: data.rules.length })] },
      { h: 2, text: t(locale, 'checklistsHeading') },
      { list: CHECKLIST_METHODS.map((m) => [{ link: `${checklistFile(m)}.html`, text: t(locale, 'checklistTitle', { method: m }) }]) },
      { h: 2, text: t(locale, 'rulesHeading') },
      { list: data.rules.map((r) => [{ link: `${ruleFile(r.spec.id)}.html`, text: ruleText(r, 'description', locale, {}) }]) },
      { h: 2, text: t(locale, 'articlesHeading') },
      {
        list: data.docIds.map((id) => {
          const doc = versionFor(data, id, locale);
          return [{ link: `${articleFile(id)}.html`, text: doc.title, lang: doc.locale }, ` — ${t(locale, 'requirementsCount', { count: requirementsOfVersion(data, doc).length })}`];
        }),
      },
    ],
  };
}

/** The site's entry page (`<out>/index.html`): the languages, each named in itself. */
function rootPage(locales: Locale[]): Page {
  return {
    file: 'index',
    title: t(locales[0]!, 'rootTitle'),
    blocks: [
      ...locales.map((l) => ({ p: [t(l, 'rootIntro')], lang: l })),
      { list: locales.map((l) => [{ link: `${l}/index.html`, text: `${ENDONYMS[l] ?? l} — ${t(l, 'siteTitle')}`, lang: l }]) },
    ],
  };
}

/** The pages of one locale, built lazily: an article is parsed only when its page is written. */
function* pageBuilders(data: GuideData, locale: Locale, parsed: Map<string, Promise<Document | undefined>>): Generator<() => Promise<Page>> {
  yield async () => indexPage(data, locale);
  for (const id of data.docIds) {
    yield async () => {
      const doc = versionFor(data, id, locale);
      const key = `${doc.id}\0${doc.locale}`;
      if (!parsed.has(key)) parsed.set(key, parsedArticle(data, doc));
      return articlePage(data, id, locale, await parsed.get(key));
    };
    if (data.versions.get(id)!.length > 1) yield async () => translationPage(data, id, locale);
  }
  for (const rule of data.rules) yield async () => rulePage(data, rule, locale);
  for (const m of CHECKLIST_METHODS) yield async () => checklistPage(data, m, locale);
}

export function pageCount(data: GuideData, locales: Locale[]): number {
  const perLocale = 1 + data.docIds.length + data.docIds.filter((id) => data.versions.get(id)!.length > 1).length + data.rules.length + CHECKLIST_METHODS.length;
  return perLocale * locales.length + 1;
}

export interface SiteOptions {
  /** Requirement id → why no rule checks it (`rules/_not-checkable.yaml`). */
  notCheckable?: Map<string, string>;
  /** Where the articles named in the knowledge base are, when not the working folder. */
  cwd?: string;
  /** Called after each page with the pages done and the total. */
  progress?: (done: number, total: number) => void;
}

/**
 * Write `<out>/index.html` (the languages) and `<out>/<locale>/<page>.html` and `.md` for every
 * page of every locale. Returns the files written.
 */
export async function writeSite(kb: KnowledgeBase, rules: CompiledRule[], locales: Locale[], out: string, options: SiteOptions = {}): Promise<string[]> {
  const data = guideData(kb, rules, options.notCheckable ?? new Map(), options.cwd);
  const root = resolve(out);
  const written: string[] = [];
  const total = pageCount(data, locales);
  // Pages are built one after another; their files are written while the next pages are built,
  // a bounded number at a time (the disk, not the CPU, is what a big site waits for).
  const pending = new Set<Promise<void>>();
  const write = async (dir: string, page: Page, html: string) => {
    const file = join(dir, `${page.file}.html`);
    // Ids are slugs, but a page still may not leave its folder.
    if (!file.startsWith(dir + sep)) throw new Error(`page ${page.file} would leave ${dir}`);
    const md = join(dir, `${page.file}.md`);
    const done = Promise.all([writeFileAtomic(file, html), writeFileAtomic(md, renderMarkdown(page))]).then(() => {
      written.push(file, md);
      pending.delete(done);
      options.progress?.(written.length / 2, total);
    });
    pending.add(done);
    if (pending.size >= 32) await Promise.race(pending);
  };
  await mkdir(root, { recursive: true });
  const entry = rootPage(locales);
  await write(root, entry, renderHtml(entry, { locale: locales[0]!, home: 'index.html' }));
  const parsed = new Map<string, Promise<Document | undefined>>();
  for (const locale of locales) {
    const dir = join(root, locale);
    await mkdir(dir, { recursive: true });
    const other = locales.find((l) => l !== locale);
    for (const build of pageBuilders(data, locale, parsed)) {
      const page = await build();
      const html = renderHtml(page, { locale, home: 'index.html', ...(other ? { other: { locale: other, href: `../${other}/${page.file}.html` } } : {}) });
      await write(dir, page, html);
    }
  }
  await Promise.all(pending);
  return written.sort();
}
