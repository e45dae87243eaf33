#!/usr/bin/env node
/**
 * `npm run corpus -- <dir>`: parse every article under a folder and print what was found.
 * Exits 1 when any file failed to parse.
 */
import { isKblintError } from '../errors.js';
import { extractRequirements } from '../extract/index.js';
import { lexiconLanguages } from '../extract/lexicons/index.js';
import { localeOf } from '../kb/article.js';
import { countDocument, parseFile } from '../parse/index.js';
import { displayPath, markdownFiles } from '../util/files.js';

async function main(dirs: string[]): Promise<number> {
  if (dirs.length === 0) {
    process.stderr.write('usage: npm run corpus -- <folder> [folder…]\n');
    return 2;
  }
  const totals = { files: 0, bytes: 0, sections: 0, procedures: 0, codeSamples: 0, articleLinks: 0, externalLinks: 0, warnings: 0 };
  const callouts: Record<string, number> = { note: 0, important: 0, caution: 0, tip: 0, warning: 0 };
  const errors: string[] = [];
  const warningCodes: Record<string, number> = {};
  const perLocale = new Map<string, { files: number; levels: Record<string, number>; claims: Record<string, number> }>();
  let notExtracted = 0;
  for (const dir of dirs) {
    for (const file of await markdownFiles(dir)) {
      totals.files++;
      try {
        const doc = await parseFile(file, displayPath(file));
        const c = countDocument(doc);
        totals.bytes += doc.bytes;
        totals.sections += c.sections;
        totals.procedures += c.procedures;
        totals.codeSamples += c.codeSamples;
        totals.articleLinks += c.articleLinks;
        totals.externalLinks += c.externalLinks;
        totals.warnings += c.warnings;
        for (const [k, v] of Object.entries(c.callouts)) callouts[k] = (callouts[k] ?? 0) + v;
        for (const d of doc.diagnostics) warningCodes[d.code] = (warningCodes[d.code] ?? 0) + 1;
        const locale = localeOf(doc.meta.locale, doc.file);
        if (!locale || !lexiconLanguages().includes(locale.slice(0, 2))) {
          notExtracted++;
          continue;
        }
        const stats = perLocale.get(locale) ?? { files: 0, levels: {}, claims: {} };
        perLocale.set(locale, stats);
        stats.files++;
        for (const r of extractRequirements(doc, { locale, doc: doc.meta.assetId ?? doc.file })) {
          stats.levels[r.level] = (stats.levels[r.level] ?? 0) + 1;
          for (const c of r.claims) stats.claims[c.kind] = (stats.claims[c.kind] ?? 0) + 1;
        }
      } catch (e) {
        if (!isKblintError(e)) throw e;
        errors.push(e.format());
      }
    }
  }
  const out = process.stdout;
  out.write(`bytes: ${totals.bytes}\n`);
  out.write(`sections: ${totals.sections}\n`);
  out.write(`callouts: ${Object.entries(callouts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  out.write(`procedures: ${totals.procedures}\n`);
  out.write(`code samples: ${totals.codeSamples}\n`);
  out.write(`article links: ${totals.articleLinks}, external links: ${totals.externalLinks}\n`);
  out.write(`warnings: ${totals.warnings}${totals.warnings ? ` (${Object.entries(warningCodes).sort().map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}\n`);
  const fmt = (m: Record<string, number>) => Object.entries(m).sort().map(([k, v]) => `${k} ${v}`).join(', ');
  for (const [locale, st] of [...perLocale].sort(([a], [b]) => a.localeCompare(b))) {
    out.write(`requirements ${locale} (${st.files} files): ${fmt(st.levels)}\n`);
    out.write(`claims ${locale}: ${fmt(st.claims)}\n`);
  }
  if (notExtracted) out.write(`not extracted (locale unknown or without a lexicon): ${notExtracted}\n`);
  for (const e of errors) out.write(`error: ${e}\n`);
  out.write(`files: ${totals.files}, errors: ${errors.length}\n`);
  return errors.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kblint corpus: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
