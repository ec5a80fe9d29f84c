// A parsing thread of the ingest: owns one shard, parses the batches of files the main thread sends it, and
// answers each document with its report entry (in the order received). Started through ingest-worker-boot.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { openShard } from '../lib/ingest/parquet';
import { ingestFileInto } from './ingest-file';
import type { WorkerData, ToWorker, FromWorker } from './ingest-pool';

const port = parentPort!;
const data = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);

try {
  const shard = await openShard(data.tmpDir, data.shardId, { partRows: data.partRows });
  // messages are handled one after another (a PDF's reading is asynchronous)
  let queue: Promise<void> = Promise.resolve();
  const handle = async (msg: ToWorker) => {
    try {
      if (msg.type === 'batch') {
        // one answer per document: the main thread's watchdog times each one
        for (const it of msg.items)
          post({ type: 'entry', entry: await ingestFileInto(shard, it.ord, it.input, data.opts) });
      } else {
        post({ type: 'finished', parts: await shard.finish() });
      }
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  };
  port.on('message', (msg: ToWorker) => {
    queue = queue.then(() => handle(msg));
  });
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
