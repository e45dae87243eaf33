import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { KblintError } from '../errors.js';
import { extractRequirements } from '../extract/index.js';
import { lexiconLanguages } from '../extract/lexicons/index.js';
import { normalizeLocale } from '../parse/meta.js';
import { parseBytes } from '../parse/index.js';
import type { ArticleResult } from './types.js';

/** The locale of an article: from its URL, else from a `<locale>` folder in its path. */
export function localeOf(urlLocale: string | undefined, name: string): string | undefined {
  if (urlLocale) return urlLocale;
  for (const segment of name.split(/[\\/]/).reverse()) {
    const locale = normalizeLocale(segment.replace(/@.*$/, ''));
    if (locale) return locale;
  }
  return undefined;
}

/** Parse and extract one article from its bytes. Throws KblintError for a broken article. */
export function buildArticle(bytes: Uint8Array, name: string, path = name): ArticleResult {
  const doc = parseBytes(bytes, name);
  const id = doc.meta.assetId?.toLowerCase();
  if (!id) throw new KblintError('no-asset-id', "no 'ms:assetid' in the front matter; every article needs its asset id", { file: name, line: 1 });
  const locale = localeOf(doc.meta.locale, path);
  if (!locale) {
    throw new KblintError('unknown-locale', "cannot tell the article's locale: no locale in 'ms:mtpsurl' and no <locale> folder (such as nl-nl) in its path", { file: name, line: 1 });
  }
  const language = locale.slice(0, 2);
  if (!lexiconLanguages().includes(language)) {
    throw new KblintError('unknown-locale', `locale '${locale}' has no lexicon; known languages: ${lexiconLanguages().join(', ')}`, { file: name, line: 1 });
  }
  const requirements = extractRequirements(doc, { locale, doc: id });
  const document: ArticleResult['document'] = {
    id,
    locale,
    title: doc.meta.title ?? '',
    file: name,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    requirements: requirements.length,
  };
  if (doc.meta.url) document.url = doc.meta.url;
  if (doc.meta.topicId) document.topicId = doc.meta.topicId;
  const links = doc.links
    .filter((l) => l.kind === 'article' && l.assetId)
    .map((l) => ({ from: id, locale, to: l.assetId!, text: l.text, source: l.pos }));
  const warnings = doc.diagnostics.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.message}`);
  return { document, requirements, links, warnings };
}

export async function buildArticleFile(path: string, name: string): Promise<ArticleResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new KblintError('unreadable', 'cannot read file', { file: name });
  }
  return buildArticle(bytes, name, path);
}
