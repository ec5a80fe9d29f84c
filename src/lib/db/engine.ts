// The browser's DuckDB-WASM engine: worker and .wasm served by the app (Vite ?url, no CDN), the Parquet
// files listed by /data/manifest.json registered by URL (DuckDB reads them with HTTP range requests), one
// view per table. Browser only: duckdb-wasm is imported inside openEngine, never at module top (the
// SvelteKit prerender runs in Node and must not load it).
import { base } from '$app/paths';
import type { TableName } from '../model';
import { dbFromConnection } from './connection';
import {
  createViewsSql,
  engineFiles,
  manifestBytes,
  manifestFiles,
  manifestSeveral,
  memoryTables,
  type ViewStatement
} from './views';
import type { Db, DeferredView, EngineProgress } from './types';
import { disagreements, manifestRows, mismatchMessage, rowCountsSql } from './verify';

export type { Db, EngineProgress, Query } from './types';

/** A failure to load the engine or the data, in plain words (zh first, en beside it). */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly en: string,
    readonly url?: string,
    /** 'data': the files were read and disagree with their manifest (no network problem to hint at) */
    readonly kind: 'load' | 'data' = 'load'
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

async function httpStatus(url: string): Promise<string> {
  try {
    const r = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return r.ok ? `HTTP ${r.status}` : `HTTP ${r.status}`;
  } catch (e) {
    return describe(e);
  }
}

export function dataUrl(name: string): string {
  return new URL(`${base}/data/${name}`, globalThis.location.href).href;
}

/** A whole data file's bytes; a failure names the file and its HTTP status. */
async function fetchFile(name: string): Promise<[string, Uint8Array]> {
  const url = dataUrl(name);
  let r: Response;
  try {
    r = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    throw new EngineError(
      `数据文件加载失败：${url}（${describe(e)}）`,
      `A data file failed to load: ${url} (${describe(e)})`,
      url
    );
  }
  if (!r.ok) {
    throw new EngineError(
      `数据文件加载失败：${url}（HTTP ${r.status}）`,
      `A data file failed to load: ${url} (HTTP ${r.status})`,
      url
    );
  }
  return [name, new Uint8Array(await r.arrayBuffer())];
}

/** What the views were made from: to make them again with the reader's own documents (src/lib/db/local.ts). */
export interface ViewPlan {
  files: Record<TableName, string[]>;
  inMemory: TableName[];
  several: boolean;
  /** files.disclosures is the ingest's docs view */
  docsView: boolean;
}

export interface Engine {
  db: Db;
  /** manifest.json as fetched (the data's files, rows and facets) */
  manifest: unknown;
  views: ViewPlan;
  /** A file DuckDB may write (`COPY … TO name`), then its bytes, then gone: the export's Parquet. */
  writeFile(name: string, write: () => Promise<void>): Promise<Uint8Array>;
}

/** The deferred views (views.ts DEFERRED_TABLES), each checked against the manifest's rows once made; a
 * disagreement or an unreadable file fails the query that needed it, in plain words naming the file. */
function deferredViews(
  statements: readonly ViewStatement[],
  files: Record<TableName, string[]>,
  expected: Map<TableName, number | undefined>,
  manifestUrl: string
): DeferredView[] {
  return statements.map(({ table, sql }) => ({
    table,
    sql,
    async check(run) {
      const rows = expected.get(table);
      if (rows === undefined) return;
      const [r] = await run<{ n: number }>({ sql: rowCountsSql([table], files), params: [] });
      const found = disagreements(new Map([[table, rows]]), new Map([[table, Number(r.n)]]), []);
      if (found.length) {
        const m = mismatchMessage(found, manifestUrl);
        throw new EngineError(m.zh, m.en, manifestUrl, 'data');
      }
    }
  }));
}

export async function openEngine(onProgress?: (p: EngineProgress) => void): Promise<Engine> {
  // the manifest, and the small tables' whole files, are fetched while the engine loads
  const manifestUrl = dataUrl('manifest.json');
  const manifest = fetch(manifestUrl, { cache: 'no-cache' }).then(async (r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return (await r.json()) as unknown;
  });
  const plan = manifest.then((json) => {
    // the ingest's docs view, when the folder has one, is read in place of disclosures (see views.ts)
    const { files, docsView } = engineFiles(manifestFiles(json), json);
    return { files, docsView, inMemory: memoryTables(files, manifestBytes(json)) };
  });
  const buffers = plan.then(({ files, inMemory }) =>
    Promise.all(inMemory.flatMap((t) => files[t]).map(fetchFile))
  );
  manifest.catch(() => undefined); // each is handled below, after the engine is up
  plan.catch(() => undefined);
  buffers.catch(() => undefined);
  const report = (p: EngineProgress) => {
    // marks for benchmarks and the browser's performance panel: gongkai:engine:<stage>
    if (p.done === undefined || p.done === p.total)
      globalThis.performance?.mark?.(`gongkai:engine:${p.stage}`);
    onProgress?.(p);
  };
  report({ stage: 'bundle' });
  let duckdb: typeof import('@duckdb/duckdb-wasm');
  let bundles: import('@duckdb/duckdb-wasm').DuckDBBundles;
  try {
    const [mod, ehWasm, ehWorker, mvpWasm, mvpWorker] = await Promise.all([
      import('@duckdb/duckdb-wasm'),
      import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
      import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
      import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
      import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url')
    ]);
    duckdb = mod;
    bundles = {
      eh: { mainModule: ehWasm.default, mainWorker: ehWorker.default },
      mvp: { mainModule: mvpWasm.default, mainWorker: mvpWorker.default }
    };
  } catch (e) {
    throw new EngineError(
      `查询引擎加载失败：${describe(e)}`,
      `The query engine failed to load: ${describe(e)}`
    );
  }

  const bundle = await duckdb.selectBundle(bundles);
  report({ stage: 'worker' });
  let worker: Worker;
  try {
    worker = new Worker(bundle.mainWorker!);
  } catch (e) {
    throw new EngineError(
      `查询引擎无法启动：${describe(e)}`,
      `The query engine could not start: ${describe(e)}`
    );
  }
  const adb = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const fail = async (err: EngineError): Promise<never> => {
    await adb.terminate().catch(() => undefined);
    throw err;
  };

  report({ stage: 'instantiate' });
  try {
    await adb.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
      report({ stage: 'instantiate', done: p.bytesLoaded, total: p.bytesTotal })
    );
    await adb.open({
      query: { castBigIntToDouble: true, castDecimalToDouble: true },
      filesystem: { allowFullHTTPReads: true }
    });
  } catch (e) {
    return fail(
      new EngineError(
        `查询引擎初始化失败：${describe(e)}（${bundle.mainModule}）`,
        `The query engine failed to initialise: ${describe(e)} (${bundle.mainModule})`,
        bundle.mainModule
      )
    );
  }

  report({ stage: 'manifest' });
  let files: Record<TableName, string[]>;
  let inMemory: TableName[];
  let docsView: boolean;
  let json: unknown;
  try {
    ({ files, inMemory, docsView } = await plan);
    json = await manifest;
  } catch (e) {
    return fail(
      new EngineError(
        `数据清单加载失败：${manifestUrl}（${describe(e)}）`,
        `The data manifest failed to load: ${manifestUrl} (${describe(e)})`,
        manifestUrl
      )
    );
  }
  const names = Object.values(files).flat();
  const missing = (Object.keys(files) as TableName[]).filter((t) => files[t].length === 0);
  if (missing.length) {
    return fail(
      new EngineError(
        `数据清单缺少数据表：${missing.join('、')}（${manifestUrl}）`,
        `The data manifest lists no file for: ${missing.join(', ')} (${manifestUrl})`,
        manifestUrl
      )
    );
  }
  let fetched: [string, Uint8Array][];
  try {
    fetched = await buffers;
  } catch (e) {
    return fail(
      e instanceof EngineError
        ? e
        : new EngineError(`数据文件加载失败：${describe(e)}`, `A data file failed to load: ${describe(e)}`)
    );
  }
  // the bytes of each whole file against the manifest's, before registering hands the buffers to the worker
  const sizes = manifestBytes(json);
  const byteChecks = fetched.flatMap(([file, buffer]) => {
    const expected = sizes.get(file);
    return expected === undefined ? [] : [{ file, expected, seen: buffer.byteLength }];
  });
  const held = new Map(fetched);
  let registered = 0;
  report({ stage: 'register', done: 0, total: names.length });
  await Promise.all(
    names.map(async (name) => {
      const buffer = held.get(name);
      // small tables from the bytes already here; the others by URL, read with range requests
      if (buffer) await adb.registerFileBuffer(name, buffer);
      else await adb.registerFileURL(name, dataUrl(name), duckdb.DuckDBDataProtocol.HTTP, false);
      report({ stage: 'register', done: ++registered, total: names.length });
    })
  );

  report({ stage: 'views' });
  const conn = await adb.connect();
  // keep Parquet footers in memory: later queries skip re-reading them over HTTP
  await conn.query('SET enable_object_cache = true').catch(() => undefined);
  const statements = createViewsSql(files, inMemory, manifestSeveral(json), false, docsView);
  for (const { table, sql } of statements.filter((s) => !s.deferred)) {
    try {
      const t0 = globalThis.performance?.now();
      await conn.query(sql);
      // one entry per statement for benchmarks and the performance panel
      globalThis.performance?.measure?.('gongkai:setup', { start: t0, detail: sql.slice(0, 48) });
    } catch (e) {
      // find the file that failed, and why, in HTTP terms
      for (const name of files[table]) {
        const status = await httpStatus(dataUrl(name));
        if (status !== 'HTTP 200') {
          return fail(
            new EngineError(
              `数据文件加载失败：${dataUrl(name)}（${status}）`,
              `A data file failed to load: ${dataUrl(name)} (${status})`,
              dataUrl(name)
            )
          );
        }
      }
      const url = files[table].map(dataUrl).join(', ');
      return fail(
        new EngineError(
          `数据文件无法读取：${url}（${describe(e)}）`,
          `A data file could not be read: ${url} (${describe(e)})`,
          url
        )
      );
    }
  }
  // the data must match its manifest, or nothing is shown (src/lib/db/verify.ts): the row counts come from
  // the Parquet footers, which the views above have already read
  const verifyStart = globalThis.performance?.now();
  const expectedRows = manifestRows(json, files);
  // a deferred table's rows are checked when its view is made (on the first query that names it)
  const deferred = statements.filter((s) => s.deferred);
  const expectedLater = new Map(deferred.map((s) => [s.table, expectedRows.get(s.table)]));
  for (const s of deferred) expectedRows.delete(s.table);
  const seenRows = new Map<TableName, number>();
  if (expectedRows.size) {
    try {
      const counts = await conn.query(rowCountsSql([...expectedRows.keys()], files, inMemory));
      for (const r of counts.toArray()) seenRows.set(String(r.t) as TableName, Number(r.n));
    } catch (e) {
      return fail(
        new EngineError(`数据文件无法读取：${describe(e)}`, `A data file could not be read: ${describe(e)}`)
      );
    }
  }
  const found = disagreements(expectedRows, seenRows, byteChecks);
  globalThis.performance?.measure?.('gongkai:verify', { start: verifyStart });
  if (found.length) {
    const m = mismatchMessage(found, manifestUrl);
    return fail(new EngineError(m.zh, m.en, manifestUrl, 'data'));
  }
  report({ stage: 'ready' });
  const db = dbFromConnection(conn, () => adb.terminate());
  db.defer?.(deferredViews(deferred, files, expectedLater, manifestUrl));
  return {
    db,
    manifest: json,
    views: { files, inMemory, several: manifestSeveral(json), docsView },
    async writeFile(name, write) {
      await adb.registerEmptyFileBuffer(name);
      try {
        await write();
        return await adb.copyFileToBuffer(name);
      } finally {
        await adb.dropFile(name).catch(() => undefined);
      }
    }
  };
}
