// @ts-check
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildKnowledgeBase } from '../dist/kb/index.js';
import { markdownFiles } from '../dist/util/files.js';
import { median, SHARED } from './corpus.js';

/**
 * Cold knowledge-base build (no cache, workers) against the bare remark parse of the same files,
 * and a warm rebuild after one article changed against the cold build. The history folders are
 * left out: they repeat the same asset ids, which a single build refuses.
 */
export async function benchBuild() {
  const work = mkdtempSync(join(tmpdir(), 'kblint-bench-'));
  for (const part of ['rms', 'sample']) cpSync(`${SHARED}corpus/${part}`, join(work, part), { recursive: true });
  const inputs = [join(work, 'rms'), join(work, 'sample')];
  const files = (await Promise.all(inputs.map((i) => markdownFiles(i)))).flat();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
  const remarkMs = await median(() => {
    for (const t of texts) bare.parse(t);
  });
  let n = 0;
  const coldMs = await median(async () => {
    await buildKnowledgeBase(inputs, { cwd: work, cacheDir: join(work, `cold-cache-${n++}`) });
  });
  const cacheDir = join(work, 'warm-cache');
  await buildKnowledgeBase(inputs, { cwd: work, cacheDir });
  const touched = files[0];
  let edit = 0;
  const warmMs = await median(async () => {
    writeFileSync(touched, `${texts[0]}\n\nU moet dit lezen (${edit++}).\n`);
    const r = await buildKnowledgeBase(inputs, { cwd: work, cacheDir });
    if (r.stats.built !== 1) throw new Error(`warm rebuild built ${r.stats.built} articles, expected 1`);
  });
  rmSync(work, { recursive: true, force: true });
  return {
    buildFiles: files.length,
    buildRemarkMs: Math.round(remarkMs),
    buildColdMs: Math.round(coldMs),
    buildWarmMs: Math.round(warmMs),
    buildVsRemark: +(coldMs / remarkMs).toFixed(3),
    warmVsCold: +(warmMs / coldMs).toFixed(3),
  };
}
