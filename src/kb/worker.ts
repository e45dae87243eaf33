import { parentPort } from 'node:worker_threads';
import { isKblintError } from '../errors.js';
import { buildArticleFile } from './article.js';
import type { WorkerReply, WorkerTask } from './pool.js';

// One article at a time from the pool; errors are data, never a crashed worker.
parentPort!.on('message', async (task: WorkerTask) => {
  const replies: WorkerReply[] = [];
  for (const { index, path, name } of task.files) {
    try {
      replies.push({ index, ok: true, result: await buildArticleFile(path, name) });
    } catch (e) {
      const message = isKblintError(e) ? e.format() : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      replies.push({ index, ok: false, message });
    }
  }
  parentPort!.postMessage(replies);
});
