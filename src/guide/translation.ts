import type { Locale } from '../lint/types.js';
import { LANGUAGE_NAMES, LANGUAGE_NOUNS, listOf, t } from './catalog.js';
import { language, requirementsOfVersion, versionFor, type GuideData, type GuideRequirement } from './context.js';
import { articleFile, translationFile } from './files.js';
import type { Block, Page } from './page.js';

const claimKinds = (r: GuideRequirement) => [...new Set(r.claims.map((c) => c.kind))].sort().join(',');

/**
 * One row per requirement across the article's language versions, paired through the knowledge
 * base's `translations` alignment (same asset id, same place in the article), and what differs:
 * a version without a counterpart, another level, other claims.
 */
/** An article's versions, the one shown on a page in `locale` first. */
function ordered(data: GuideData, docId: string, locale: Locale) {
  const primary = versionFor(data, docId, locale);
  return [primary, ...data.versions.get(docId)!.filter((v) => v !== primary)];
}

export function translationRows(data: GuideData, docId: string, locale: Locale): { cells: (GuideRequirement | undefined)[]; differs: string[] }[] {
  const versions = ordered(data, docId, locale);
  const seen = new Set<string>();
  const rows: { cells: (GuideRequirement | undefined)[]; differs: string[] }[] = [];
  for (const v of versions) {
    for (const r of requirementsOfVersion(data, v)) {
      if (seen.has(r.id)) continue;
      const cells = versions.map((w) => {
        const id = w.locale === r.locale ? r.id : r.translations?.[w.locale];
        const found = id ? data.byId.get(id) : undefined;
        if (found) seen.add(found.id);
        return found;
      });
      const present = cells.filter((c): c is GuideRequirement => c !== undefined);
      const missing = versions.filter((_, i) => !cells[i]).map((w) => LANGUAGE_NAMES[locale][language(w.locale)] ?? w.locale);
      const differs: string[] = [];
      if (missing.length) differs.push(t(locale, 'translationMissing', { languages: listOf(locale, missing) }));
      if (new Set(present.map((c) => c.level)).size > 1) differs.push(t(locale, 'translationLevel'));
      if (new Set(present.map(claimKinds)).size > 1) differs.push(t(locale, 'translationClaims'));
      rows.push({ cells, differs });
    }
  }
  return rows;
}

export function translationPage(data: GuideData, docId: string, locale: Locale): Page {
  const versions = ordered(data, docId, locale);
  const primary = versions[0]!;
  const rows = translationRows(data, docId, locale);
  const blocks: Block[] = [
    { p: [{ link: `${articleFile(docId)}.html`, text: primary.title, lang: primary.locale }] },
    { p: [t(locale, 'translationIntro')] },
    { p: [t(locale, 'translationSummary', { pairs: rows.length, differ: rows.filter((r) => r.differs.length).length })] },
  ];
  for (const row of rows) {
    blocks.push({
      pair: versions.map((v, i) => {
        const r = row.cells[i];
        const label = `${LANGUAGE_NOUNS[locale][language(v.locale)] ?? v.locale} · ${r ? t(locale, 'level', { level: r.level }) : t(locale, 'translationAbsent')}`;
        return { lang: v.locale, label, ...(r ? { quote: r.quote } : {}) };
      }),
      ...(row.differs.length ? { differs: t(locale, 'translationDiffers', { what: row.differs.join('; ') }) } : {}),
    });
  }
  return { file: translationFile(docId), title: t(locale, 'translationTitle', { title: primary.title }), blocks };
}
