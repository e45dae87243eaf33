import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isKblintError } from '../errors.js';
import { buildArticleFile } from './article.js';
import type { ArticleResult } from './types.js';

export interface WorkerTask {
  files: { index: number; path: string; name: string }[];
}
export type WorkerReply = { index: number; ok: true; result: ArticleResult } | { index: number; ok: false; message: string };

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
/** Below this many articles, starting workers costs more than it saves. */
const MIN_PARALLEL = 24;
const CHUNK = 8;
/**
 * Parsing allocates many short-lived objects; a larger young generation means fewer scavenges
 * (measured here: pool of 2 workers over the corpus ~8.1 s against ~8.8 s with the default).
 */
const YOUNG_GENERATION_MB = 192;

export interface PoolOptions {
  workers?: number;
  onProgress?: (done: number) => void;
}

/**
 * Workers are kept between builds in one process (a watch loop, a test run, the benchmark) so
 * their compiled code stays warm; they are unref'd, so they never keep the process alive.
 */
const idle: Worker[] = [];

function startWorker(): Worker {
  const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  worker.unref();
  return worker;
}

/** Build articles on worker threads (or in this thread for a few); replies come back by index. */
export async function buildArticles(files: WorkerTask['files'], options: PoolOptions = {}): Promise<WorkerReply[]> {
  const count = Math.min(options.workers ?? availableParallelism(), Math.ceil(files.length / CHUNK));
  if (files.length < MIN_PARALLEL || count < 2 || !existsSync(WORKER)) return inThisThread(files, options);
  const replies: WorkerReply[] = [];
  let next = 0;
  const take = (): WorkerTask | undefined => {
    if (next >= files.length) return undefined;
    const chunk = files.slice(next, next + CHUNK);
    next += CHUNK;
    return { files: chunk };
  };
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = idle.pop() ?? startWorker();
        let current: WorkerTask | undefined;
        const done = (error?: unknown) => {
          worker.removeAllListeners('message');
          worker.removeAllListeners('error');
          if (error) {
            void worker.terminate();
            // Name the articles the worker had in hand: a crash there is about one of them.
            const files = current?.files.map((f) => f.name).join(', ') ?? 'no article';
            reject(new Error(`worker thread failed while building ${files}: ${error instanceof Error ? error.message : String(error)}`));
          } else {
            idle.push(worker);
            resolve();
          }
        };
        const feed = () => {
          const task = take();
          current = task;
          if (task) worker.postMessage(task);
          else done();
        };
        worker.on('message', (batch: WorkerReply[]) => {
          replies.push(...batch);
          options.onProgress?.(replies.length);
          feed();
        });
        worker.on('error', done);
        feed();
      }),
    ),
  );
  return replies;
}

/** One article → a reply; a broken article is data (its KblintError), anything else a bug that propagates. */
export async function buildReply({ index, path, name }: WorkerTask['files'][number]): Promise<WorkerReply> {
  try {
    return { index, ok: true, result: await buildArticleFile(path, name) };
  } catch (e) {
    if (!isKblintError(e)) throw e;
    return { index, ok: false, message: e.format() };
  }
}

async function inThisThread(files: WorkerTask['files'], options: PoolOptions): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  for (const file of files) {
    replies.push(await buildReply(file));
    options.onProgress?.(replies.length);
  }
  return replies;
}
