// One shard of `npm run generate` in a worker thread: generate and write its units, report progress.
import { parentPort, workerData } from 'node:worker_threads';
import { writeShard, type ShardTask } from './generate';

const task = workerData as ShardTask;
writeShard(task, (documents) => parentPort!.postMessage({ type: 'progress', documents })).then(
  (r) => parentPort!.postMessage({ type: 'done', ...r }),
  (e) => parentPort!.postMessage({ type: 'error', message: (e as Error).message })
);
