// The SQL console's own DuckDB-WASM instance, in its own worker, apart from the engine the views use
// (src/lib/db/engine.ts): started only when the SQL view is opened, it copies the tables into memory, then
// turns external access off and locks its configuration (src/lib/db/sqlConsole.ts). A running query can be
// cancelled, and is stopped after a time limit: the worker is terminated and a fresh one started. Browser
// only, imported dynamically.
import type { TableName } from '../model';
import type { Query } from './types';
import { dataUrl } from './engine';
import { manifestFiles } from './views';
import { CONSOLE_TABLES, runConsoleQuery, setupConsole } from './sqlConsole';

type AsyncDuckDB = import('@duckdb/duckdb-wasm').AsyncDuckDB;
type Conn = import('@duckdb/duckdb-wasm').AsyncDuckDBConnection;

interface Instance {
  adb: AsyncDuckDB;
  conn: Conn;
  /** ms from creating the worker to the locked, loaded instance */
  startMs: number;
}

/** Why a running query was stopped. */
export class ConsoleStopped extends Error {
  constructor(readonly reason: 'cancel' | 'timeout' | 'replaced' | 'closed') {
    super(`console query stopped: ${reason}`);
    this.name = 'ConsoleStopped';
  }
}

export const CONSOLE_TIME_LIMIT_MS = 30_000;

let instance: Promise<Instance> | null = null;
let localRows: () => Promise<readonly Query[]> | readonly Query[] = () => [];

/** Where the console takes the reader's own documents from (the statements that fill the local tables),
 * read each time an instance starts. */
export function setConsoleLocalRows(source: () => Promise<readonly Query[]> | readonly Query[]) {
  localRows = source;
}
let running: { stop: (reason: ConsoleStopped['reason']) => void } | null = null;
/** start-up times of this page's console instances, first one first (ms) */
export const consoleStartTimes: number[] = [];

async function start(): Promise<Instance> {
  const t0 = performance.now();
  const [duckdb, ehWasm, ehWorker, mvpWasm, mvpWorker] = await Promise.all([
    import('@duckdb/duckdb-wasm'),
    import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url')
  ]);
  const bundle = await duckdb.selectBundle({
    eh: { mainModule: ehWasm.default, mainWorker: ehWorker.default },
    mvp: { mainModule: mvpWasm.default, mainWorker: mvpWorker.default }
  });
  const manifest = fetch(dataUrl('manifest.json'), { cache: 'no-cache' }).then(async (r) => {
    if (!r.ok) throw new Error(`${dataUrl('manifest.json')}: HTTP ${r.status}`);
    return (await r.json()) as unknown;
  });
  // the whole files, fetched while the worker starts (the console copies its tables into memory anyway)
  const buffers = manifest.then((json) =>
    Promise.all(
      CONSOLE_TABLES.flatMap((t) => manifestFiles(json)[t]).map(async (n) => {
        const r = await fetch(dataUrl(n), { cache: 'no-cache' });
        if (!r.ok) throw new Error(`${dataUrl(n)}: HTTP ${r.status}`);
        return [n, new Uint8Array(await r.arrayBuffer())] as const;
      })
    )
  );
  manifest.catch(() => undefined);
  buffers.catch(() => undefined);
  const adb = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  const stage = (name: string, start: number) =>
    performance.measure?.(`gongkai:console:${name}`, { start, end: performance.now() });
  try {
    let t = performance.now();
    await adb.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await adb.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    stage('instantiate', t);
    t = performance.now();
    const files: Record<TableName, string[]> = manifestFiles(await manifest);
    await Promise.all((await buffers).map(([n, bytes]) => adb.registerFileBuffer(n, bytes)));
    stage('register', t);
    t = performance.now();
    const conn = await adb.connect();
    await setupConsole(conn, files, await localRows());
    stage('tables', t);
    // the tables are in memory now; the files are not readable any more anyway (external access is off)
    await adb.dropFiles().catch(() => undefined);
    const startMs = performance.now() - t0;
    consoleStartTimes.push(startMs);
    performance.mark?.('gongkai:console:ready', { detail: startMs });
    return { adb, conn, startMs };
  } catch (e) {
    await adb.terminate().catch(() => undefined);
    throw e;
  }
}

/** The console instance, started on first use. */
export function consoleInstance(): Promise<Instance> {
  if (!instance) {
    instance = start();
    instance.catch(() => {
      instance = null;
    });
  }
  return instance;
}

function kill(restart: boolean) {
  const old = instance;
  instance = null;
  void old?.then((i) => i.adb.terminate()).catch(() => undefined);
  if (restart) void consoleInstance().catch(() => undefined);
}

/** Run one console statement; a query still running is stopped first. Rejects with ConsoleStopped when it
 * is cancelled or runs past `limitMs`; the worker, which may still be computing, is then terminated at once
 * and a fresh instance started. */
export async function runConsole<T = Record<string, unknown>>(
  sql: string,
  limitMs = CONSOLE_TIME_LIMIT_MS
): Promise<{ rows: T[]; ms: number }> {
  if (running) {
    running.stop('replaced');
    kill(true);
  }
  let stop!: (reason: ConsoleStopped['reason']) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => reject(new ConsoleStopped(reason));
  });
  const me = { stop };
  running = me;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const inst = await Promise.race([consoleInstance(), stopped]);
    const t0 = performance.now();
    timer = setTimeout(() => {
      me.stop('timeout');
      kill(true);
    }, limitMs);
    const rows = await Promise.race([runConsoleQuery<T>(inst.conn, sql), stopped]);
    return { rows, ms: performance.now() - t0 };
  } finally {
    clearTimeout(timer);
    if (running === me) running = null;
  }
}

/** Whether a console query is running. */
export const consoleBusy = () => running !== null;

/** Cancel the running query (its worker is terminated and a fresh instance started). */
export function cancelConsole() {
  if (!running) return;
  running.stop('cancel');
  kill(true);
}

/** The reader's own documents changed: a fresh instance is started with them (a running query is stopped),
 * and the next query runs on it. */
export function reloadConsole() {
  running?.stop('replaced');
  running = null;
  kill(true);
}

/** Leave the console: stop any query and end the instance (it starts again when the view is reopened). */
export function closeConsole() {
  running?.stop('closed');
  running = null;
  kill(false);
}
