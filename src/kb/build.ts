import { readFile } from 'node:fs/promises';
import { FILE_CONCURRENCY, mapLimit } from '../util/concurrency.js';
import { displayPath, markdownFiles } from '../util/files.js';
import { BuildCache } from './cache.js';
import { buildArticles } from './pool.js';
import { validateKnowledgeBase } from './schema.js';
import { KB_FORMAT, type ArticleResult, type BuildProblem, type KbLink, type KnowledgeBase } from './types.js';

export interface BuildOptions {
  /** Folder for the per-article cache; undefined for none. */
  cacheDir?: string;
  workers?: number;
  cwd?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildResult {
  kb: KnowledgeBase;
  problems: BuildProblem[];
  warnings: string[];
  stats: { files: number; cached: number; built: number };
}

/** Content folders (or files) → one knowledge base. Broken articles are reported, the rest built. */
export async function buildKnowledgeBase(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = [...new Set((await Promise.all(inputs.map((i) => markdownFiles(i)))).flat())];
  const cache = await BuildCache.open(options.cacheDir);
  const results: (ArticleResult | undefined)[] = new Array(paths.length);
  const problems: BuildProblem[] = [];
  const misses: { index: number; path: string; name: string; key: string }[] = [];

  await mapLimit(paths, FILE_CONCURRENCY, async (path, index) => {
      const name = displayPath(path, cwd);
      const key = BuildCache.key(name, await readFile(path));
      const hit = cache.get(key);
      if (!hit) misses.push({ index, path, name, key });
      else if ('error' in hit) problems.push({ file: name, message: hit.error });
      else results[index] = hit;
  });
  misses.sort((a, b) => a.index - b.index);
  const replies = await buildArticles(misses, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (done) => options.onProgress?.(paths.length - misses.length + done, paths.length),
  });
  const keys = new Map(misses.map((m) => [m.index, m.key]));
  for (const reply of replies) {
    if (reply.ok) {
      results[reply.index] = reply.result;
      cache.set(keys.get(reply.index)!, reply.result);
    } else {
      problems.push({ file: displayPath(paths[reply.index]!, cwd), message: reply.message });
      cache.set(keys.get(reply.index)!, { error: reply.message });
    }
  }
  await cache.save();

  const articles = results.filter((r): r is ArticleResult => r !== undefined);
  const kb = assemble(articles, problems);
  validateKnowledgeBase(kb);
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return {
    kb,
    problems,
    warnings: articles.flatMap((a) => a.warnings),
    stats: { files: paths.length, cached: paths.length - misses.length, built: misses.length },
  };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Articles → knowledge base: duplicates refused, links resolved, translations aligned, order fixed. */
export function assemble(articles: ArticleResult[], problems: BuildProblem[]): KnowledgeBase {
  const sorted = [...articles].sort((a, b) => byString(a.document.file, b.document.file));
  const seen = new Map<string, string>();
  const kept: ArticleResult[] = [];
  for (const a of sorted) {
    const key = `${a.document.locale}\0${a.document.id}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: a.document.file,
        message: `${a.document.file}:1: duplicate asset id ${a.document.id} in locale ${a.document.locale}; ${first} has it already`,
      });
      continue;
    }
    seen.set(key, a.document.file);
    kept.push(a);
  }

  const ids = new Set(kept.map((a) => a.document.id));
  const resolved: KbLink[] = [];
  const unresolved: KbLink[] = [];
  for (const a of kept) for (const link of a.links) (ids.has(link.to) ? resolved : unresolved).push(link);

  const requirements = kept.flatMap((a) => a.requirements.map((r) => ({ ...r })));
  alignTranslations(requirements);
  return {
    format: KB_FORMAT,
    documents: kept.map((a) => a.document),
    requirements,
    links: { resolved, unresolved },
  };
}

/**
 * The same article in several locales: requirements at the same place cite each other. Within a
 * block (same section path and block), translations may split sentences differently, so the
 * requirements of two locales are paired by the longest common run of their claim keys.
 */
function alignTranslations(requirements: KnowledgeBase['requirements']): void {
  const blocks = new Map<string, Map<string, KnowledgeBase['requirements']>>();
  for (const r of requirements) {
    const block = `${r.doc}\0${r.place.slice(0, r.place.lastIndexOf('/'))}`;
    let byLocale = blocks.get(block);
    if (!byLocale) blocks.set(block, (byLocale = new Map()));
    const list = byLocale.get(r.locale);
    if (list) list.push(r);
    else byLocale.set(r.locale, [r]);
  }
  for (const byLocale of blocks.values()) {
    const locales = [...byLocale.keys()].sort(byString);
    for (let i = 0; i < locales.length; i++) {
      for (let j = i + 1; j < locales.length; j++) {
        for (const [a, b] of pairByKey(byLocale.get(locales[i]!)!, byLocale.get(locales[j]!)!)) {
          (a.translations ??= {})[b.locale] = b.id;
          (b.translations ??= {})[a.locale] = a.id;
        }
      }
    }
  }
}

/** `…/install-2` → `install`: what a requirement is about, without its ordinal. */
const keyOf = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/-\d+$/, '');

function pairByKey<T extends { id: string }>(a: T[], b: T[]): [T, T][] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = keyOf(a[i]!.id) === keyOf(b[j]!.id) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [T, T][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (keyOf(a[i]!.id) === keyOf(b[j]!.id)) pairs.push([a[i++]!, b[j++]!]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}
