import { parentPort } from 'node:worker_threads';
import { buildReply, type WorkerReply, type WorkerTask } from './pool.js';

// A batch of articles from the pool. A bug in one article is reported as its error, so the
// worker never dies half-way through a batch.
parentPort!.on('message', async (task: WorkerTask) => {
  const replies: WorkerReply[] = [];
  for (const file of task.files) {
    replies.push(
      await buildReply(file).catch((e: unknown) => ({
        index: file.index,
        ok: false as const,
        message: `${file.name}: internal error: ${e instanceof Error ? e.message : String(e)}`,
      })),
    );
  }
  parentPort!.postMessage(replies);
});
