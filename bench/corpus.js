// @ts-check
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdownFiles } from '../dist/util/files.js';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const CORPUS = `${SHARED}corpus`;
export const hasCorpus = () => existsSync(CORPUS);

/** Every corpus article as { file, text, bytes }, read once so that parsing alone is timed. */
export async function loadCorpus() {
  const files = await markdownFiles(CORPUS);
  return Promise.all(
    files.map(async (file) => {
      const buf = await readFile(file);
      return { file, text: buf.toString('utf8'), bytes: buf.length };
    }),
  );
}

/** Median wall time in ms of `runs` runs of fn (after one warm-up). */
export async function median(fn, runs = 3) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
