// Parsing on every core: a runner owns one shard in a worker thread (one worker when the run has one job, so
// every document parses under the time and memory budgets). The pool hands out batches of files in input
// order; entries come back with their input ordinal, so the report and the Parquet stay in sorted input order
// whichever thread parsed what.
import { Worker } from 'node:worker_threads';
import type { IngestOptions } from '../lib/ingest/index';
import type { InputFile } from '../lib/ingest/files';
import { rejectedEntry, type ReportEntry } from '../lib/ingest/report';
import { DOCUMENT_BUDGET_S, overTimeReason } from '../lib/ingest/budgets';
import type { PartFiles } from '../lib/ingest/parquet';

export interface BatchItem {
  ord: number;
  input: InputFile;
}

export interface WorkerData {
  tmpDir: string;
  shardId: number;
  opts: IngestOptions;
  /** rows after which a shard writes a part (openShard's default when absent) */
  partRows?: number;
}

export type ToWorker = { type: 'batch'; items: BatchItem[] } | { type: 'finish' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'entry'; entry: ReportEntry }
  | { type: 'finished'; parts: PartFiles[] }
  | { type: 'error'; message: string };

export interface Runner {
  run(items: BatchItem[]): Promise<ReportEntry[]>;
  finish(): Promise<PartFiles[]>;
  close(): Promise<void>;
}

/** How long one document may take to parse in a worker thread before it is rejected (seconds). */
export const DEFAULT_BUDGET_S = DOCUMENT_BUDGET_S;
/** The heap (V8 old generation) of one worker thread (MB); pdf.js peaks around 400 MB on a 25-page PDF. */
export const DEFAULT_MEMORY_MB = 4096;

export interface Budgets {
  /** per-document time budget (ms) */
  timeMs: number;
  /** per-worker heap budget (MB): a document whose parse needs more is rejected */
  memoryMb: number;
}

const overMemory = (mb: number) => `over the memory budget of ${mb} MB (parse stopped)`;

/**
 * A runner in a worker thread, with a watchdog: the worker answers each document with its entry, in the order
 * sent, so the main thread knows which document is being parsed and since when. A document that takes longer
 * than `budgets.timeMs` cannot be stopped from inside its thread: the worker is terminated. A document whose
 * parse needs more heap than `budgets.memoryMb` makes V8 stop the worker (ERR_WORKER_OUT_OF_MEMORY). Either
 * way the document is rejected with the reason and a new worker (a new shard) is started; it parses again the
 * documents whose rows were in the lost shard (their entries are kept), then the rest of what was sent.
 */
export function workerRunner(
  data: WorkerData,
  budgets: Budgets = { timeMs: DEFAULT_BUDGET_S * 1000, memoryMb: DEFAULT_MEMORY_MB }
): Promise<Runner> {
  const budgetMs = budgets.timeMs;
  interface Request {
    want: number;
    entries: ReportEntry[];
    resolve: (e: ReportEntry[]) => void;
    reject: (e: Error) => void;
  }
  // every item sent and not yet answered, in the order sent; req null: a replay whose entry is known
  let pending: { item: BatchItem; req: Request | null }[] = [];
  // items whose rows are in the current worker's shard (replayed if it is lost)
  let inShard: BatchItem[] = [];
  let shardId = data.shardId;
  let worker: Worker;
  let failure: Error | null = null;
  let closing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ready!: { resolve: () => void; reject: (e: Error) => void };
  let finished: { resolve: (p: PartFiles[]) => void; reject: (e: Error) => void } | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    if (timer) clearTimeout(timer);
    for (const p of pending.splice(0)) p.req?.reject(failure);
    ready?.reject(failure);
    finished?.reject(failure);
  };
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = pending.length > 0 && !failure ? setTimeout(onTimeout, budgetMs) : null;
    timer?.unref?.();
  };
  const settle = (p: { item: BatchItem; req: Request | null }, entry: ReportEntry) => {
    if (!p.req) return;
    p.req.entries.push(entry);
    if (p.req.entries.length === p.req.want) p.req.resolve(p.req.entries);
  };
  let isReady = false;
  const start = (id: number) => {
    isReady = false;
    const w = new Worker(new URL('./ingest-worker-boot.mjs', import.meta.url), {
      workerData: { ...data, shardId: id },
      resourceLimits: { maxOldGenerationSizeMb: budgets.memoryMb }
    });
    worker = w;
    w.on('message', (m: FromWorker) => {
      if (w !== worker) return;
      if (m.type === 'error') return fail(new Error(`ingest worker ${id} failed: ${m.message}`));
      if (m.type === 'ready') {
        // after a restart: everything sent to the lost worker and not answered, in the same order
        isReady = true;
        if (pending.length > 0)
          w.postMessage({ type: 'batch', items: pending.map((p) => p.item) } satisfies ToWorker);
        arm();
        return ready.resolve();
      }
      if (m.type === 'entry') {
        const p = pending.shift();
        if (!p) return fail(new Error(`ingest worker ${id}: an entry nobody asked for`));
        if (m.entry.status !== 'rejected') inShard.push(p.item);
        settle(p, m.entry);
        return arm();
      }
      if (m.type === 'finished') return finished?.resolve(m.parts);
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (w !== worker) return;
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' && isReady && pending.length > 0)
        return replace(overMemory(budgets.memoryMb));
      const hint =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? ` (its memory budget is ${budgets.memoryMb} MB)` : '';
      fail(new Error(`ingest worker ${id} crashed: ${e.message}${hint}`));
    });
    w.on('exit', (code) => {
      if (w === worker && !closing) fail(new Error(`ingest worker ${id} exited early (code ${code})`));
    });
  };
  const onTimeout = () => {
    timer = null;
    if (pending.length > 0 && !failure) replace(overTimeReason(budgetMs));
  };
  /** The worker is lost on the document it was parsing (the first one not answered): reject it, start anew. */
  const replace = (reason: string) => {
    if (timer) clearTimeout(timer);
    timer = null;
    const late = pending.shift()!;
    const { ord, input } = late.item;
    const file = input.file;
    // a document of the lost shard, parsed again: its entry said ok, so its rows cannot be left out
    if (!late.req) return fail(new Error(`${file} went ${reason} when parsed again`));
    settle(late, rejectedEntry(ord, file, [`${file}: ${reason}`]));
    const old = worker;
    // a new shard: the documents of the lost one first (their entries are known), then what was waiting
    const replay = inShard.map((item) => ({ item, req: null }));
    inShard = [];
    pending = [...replay, ...pending];
    shardId += 1 << 16; // a shard id no other runner uses
    void old.terminate();
    const restarted = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
    restarted.catch(() => {});
    start(shardId);
  };
  const runner: Runner = {
    run: (items) =>
      new Promise<ReportEntry[]>((resolve, reject) => {
        if (failure) return reject(failure);
        if (items.length === 0) return resolve([]);
        const req: Request = { want: items.length, entries: [], resolve, reject };
        const idle = pending.length === 0;
        for (const item of items) pending.push({ item, req });
        if (!isReady) return; // sent once the restarted worker is ready
        worker.postMessage({ type: 'batch', items } satisfies ToWorker);
        if (idle) arm();
      }).then((entries) => entries.sort((a, b) => a.ord - b.ord)),
    finish: () =>
      new Promise<PartFiles[]>((resolve, reject) => {
        if (failure) return reject(failure);
        finished = { resolve, reject };
        worker.postMessage({ type: 'finish' } satisfies ToWorker);
      }),
    close: async () => {
      closing = true;
      if (timer) clearTimeout(timer);
      await worker.terminate();
    }
  };
  const first = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
  start(shardId);
  return first.then(
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
  /** every shard's parts, shard after shard */
  parts: PartFiles[];
}

/** A positive number from the environment, else `fallback`. */
export const fromEnv = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return n > 0 ? n : fallback;
};

/**
 * Parse `files` with `jobs` worker threads. `onProgress` is called with the number of files done.
 */
export async function runPool(
  files: readonly InputFile[],
  opts: {
    jobs: number;
    tmpDir: string;
    ingest: IngestOptions;
    onProgress?: (done: number) => void;
    /** per-document time budget (default DEFAULT_BUDGET_S, or GONGKAI_INGEST_BUDGET_S) */
    budgetMs?: number;
    /** heap budget of each worker (default DEFAULT_MEMORY_MB, or GONGKAI_INGEST_MEMORY_MB) */
    memoryMb?: number;
    /** rows after which a shard writes a part (default PART_ROWS, or GONGKAI_INGEST_PART_ROWS) */
    partRows?: number;
  }
): Promise<PoolResult> {
  const jobs = Math.max(1, Math.min(opts.jobs, files.length || 1));
  const budgets: Budgets = {
    timeMs: opts.budgetMs ?? fromEnv('GONGKAI_INGEST_BUDGET_S', DEFAULT_BUDGET_S) * 1000,
    memoryMb: opts.memoryMb ?? Math.round(fromEnv('GONGKAI_INGEST_MEMORY_MB', DEFAULT_MEMORY_MB))
  };
  // absent: openShard's default (the worker loads DuckDB, this thread need not yet)
  const partRows = opts.partRows ?? (Math.trunc(fromEnv('GONGKAI_INGEST_PART_ROWS', 0)) || undefined);
  const make = (shardId: number) =>
    workerRunner({ tmpDir: opts.tmpDir, shardId, opts: opts.ingest, partRows }, budgets);
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
    const parts = [];
    for (const r of runners) parts.push(...(await r.finish()));
    return { entries, parts };
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}
