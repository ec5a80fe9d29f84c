// Parsing on every core: a runner owns one shard, either in this thread or in a worker thread. The pool hands
// out batches of files in input order; entries come back with their input ordinal, so the report and the
// Parquet stay in sorted input order whichever thread parsed what.
import { Worker } from 'node:worker_threads';
import type { IngestOptions } from '../lib/ingest/index';
import type { InputFile } from '../lib/ingest/files';
import { openShard } from '../lib/ingest/parquet';
import type { ReportEntry } from '../lib/ingest/report';
import type { TableName } from '../lib/model';
import { ingestFileInto } from './ingest-file';

export interface BatchItem {
  ord: number;
  input: InputFile;
}

export interface WorkerData {
  tmpDir: string;
  shardId: number;
  opts: IngestOptions;
}

export type ToWorker = { type: 'batch'; items: BatchItem[] } | { type: 'finish' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'entries'; entries: ReportEntry[] }
  | { type: 'finished'; files: Record<TableName, string> }
  | { type: 'error'; message: string };

export interface Runner {
  run(items: BatchItem[]): Promise<ReportEntry[]>;
  finish(): Promise<Record<TableName, string>>;
  close(): Promise<void>;
}

export async function inProcessRunner(data: WorkerData): Promise<Runner> {
  const shard = await openShard(data.tmpDir, data.shardId);
  return {
    run: async (items) => {
      const out = [];
      for (const it of items) out.push(await ingestFileInto(shard, it.ord, it.input, data.opts));
      return out;
    },
    finish: () => shard.finish(),
    close: async () => {}
  };
}

/** A runner in a worker thread. Replies come in the order of requests, so a FIFO of waiters matches them. */
export function workerRunner(data: WorkerData): Promise<Runner> {
  const worker = new Worker(new URL('./ingest-worker-boot.mjs', import.meta.url), { workerData: data });
  const waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  let closing = false;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'error') return fail(new Error(`ingest worker ${data.shardId} failed: ${m.message}`));
    waiting.shift()?.resolve(m);
  });
  worker.on('error', (e) => fail(new Error(`ingest worker ${data.shardId} crashed: ${e.message}`)));
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`ingest worker ${data.shardId} exited early (code ${code})`));
  });
  const next = () =>
    new Promise<FromWorker>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting.push({ resolve, reject });
    });
  const request = (msg: ToWorker) => {
    const reply = next();
    if (!failure) worker.postMessage(msg);
    return reply;
  };
  const runner: Runner = {
    run: async (items) => {
      const m = await request({ type: 'batch', items });
      if (m.type !== 'entries') throw new Error(`ingest worker ${data.shardId}: unexpected reply ${m.type}`);
      return m.entries;
    },
    finish: async () => {
      const m = await request({ type: 'finish' });
      if (m.type !== 'finished') throw new Error(`ingest worker ${data.shardId}: unexpected reply ${m.type}`);
      return m.files;
    },
    close: async () => {
      closing = true;
      await worker.terminate();
    }
  };
  return next().then(
    () => runner,
    async (e) => {
      closing = true;
      await worker.terminate();
      throw e;
    }
  );
}

export interface PoolResult {
  entries: ReportEntry[];
  shardFiles: Record<TableName, string>[];
}

/**
 * Parse `files` with `jobs` runners (1 = in this thread). `onProgress` is called with the number of files done.
 */
export async function runPool(
  files: readonly InputFile[],
  opts: { jobs: number; tmpDir: string; ingest: IngestOptions; onProgress?: (done: number) => void }
): Promise<PoolResult> {
  const jobs = Math.max(1, Math.min(opts.jobs, files.length || 1));
  const make = (shardId: number) => {
    const data: WorkerData = { tmpDir: opts.tmpDir, shardId, opts: opts.ingest };
    return jobs === 1 ? inProcessRunner(data) : workerRunner(data);
  };
  const settled = await Promise.allSettled(Array.from({ length: jobs }, (_, i) => make(i)));
  const runners = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    // Small batches for small inputs so that every runner gets work; large ones keep messages few.
    const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (jobs * 16))));
    const entries: ReportEntry[] = new Array(files.length);
    let next = 0;
    let done = 0;
    let stopped = false;
    const feed = async (runner: Runner) => {
      while (!stopped && next < files.length) {
        const start = next;
        next = Math.min(files.length, start + batchSize);
        const items = [];
        for (let ord = start; ord < next; ord++) items.push({ ord, input: files[ord] });
        for (const e of await runner.run(items)) entries[e.ord] = e;
        done += items.length;
        opts.onProgress?.(done);
      }
    };
    // Two batches in flight per runner, so a worker never waits for the main thread.
    await Promise.all(runners.flatMap((r) => [feed(r), feed(r)])).catch((e) => {
      stopped = true;
      throw e;
    });
    const shardFiles = [];
    for (const r of runners) shardFiles.push(await r.finish());
    return { entries, shardFiles };
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}
