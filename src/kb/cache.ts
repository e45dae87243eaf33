import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/atomic.js';
import type { ArticleResult } from './types.js';

/** A cached outcome: the article's result, or the error it gave (same bytes, same error). */
export type CachedArticle = ArticleResult | { error: string };

/**
 * Per-article results keyed by (code fingerprint, file name, content hash), kept in one file so
 * that a warm rebuild of hundreds of articles is one read and one JSON parse.
 */
export class BuildCache {
  private entries = new Map<string, CachedArticle>();
  private dirty = false;
  private used = new Set<string>();

  private constructor(private readonly file: string | undefined) {}

  static async open(dir: string | undefined): Promise<BuildCache> {
    if (!dir) return new BuildCache(undefined);
    const cache = new BuildCache(join(dir, 'kb-cache.json'));
    try {
      const data = JSON.parse(await readFile(cache.file!, 'utf8')) as { fingerprint: string; entries: Record<string, CachedArticle> };
      if (data.fingerprint === codeFingerprint()) cache.entries = new Map(Object.entries(data.entries));
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  static key(name: string, bytes: Uint8Array): string {
    return createHash('sha256').update(name).update('\0').update(bytes).digest('hex');
  }

  get(key: string): CachedArticle | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, value: CachedArticle): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.dirty = true;
  }

  /** Write back, dropping entries this build did not use (files deleted or changed). */
  async save(): Promise<void> {
    if (!this.file) return;
    if (!this.dirty && this.used.size === this.entries.size) return;
    const entries: Record<string, CachedArticle> = {};
    for (const key of [...this.used].sort()) entries[key] = this.entries.get(key)!;
    await mkdir(join(this.file, '..'), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify({ fingerprint: codeFingerprint(), entries }));
  }
}

let fingerprint: string | undefined;

/** A hash of the parser and extractor code, so a changed kblint never reuses old results. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const folder of ['../parse/', '../extract/', '../extract/lexicons/', './']) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const name of readdirSync(dir).sort()) {
      if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return (fingerprint = hash.digest('hex'));
}
