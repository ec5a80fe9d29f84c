// Test harness: the DuckDB-WASM 1.28.0 blocking Node engine over a folder of Parquet files, with the same
// views (src/lib/db/views.ts) and the same prepared-statement Db (src/lib/db/connection.ts) as the browser.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TABLE_NAMES, parquetFile, type TableName } from '../../../src/lib/model';
import { dbFromConnection, type ConnectionLike } from '../../../src/lib/db/connection';
import {
  createViewsSql,
  engineFiles,
  manifestBytes,
  manifestFiles,
  manifestSeveral,
  memoryTables
} from '../../../src/lib/db/views';
import type { Db } from '../../../src/lib/db/types';

const require = createRequire(import.meta.url);

interface BlockingDuckDB {
  instantiate(): Promise<unknown>;
  open(config: object): void;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  connect(): ConnectionLike & { query(sql: string): unknown };
  reset?(): void;
}

async function blockingDuckDB(): Promise<BlockingDuckDB> {
  const mod = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
  };
  const db = (await mod.createDuckDB(bundles, new mod.VoidLogger(), mod.NODE_RUNTIME)) as BlockingDuckDB;
  await db.instantiate();
  return db;
}

/** Open the Parquet of `dir` (as listed in its manifest.json, else the five standard files) as a Db. */
export async function openWasmDb(dir: string): Promise<Db> {
  return (await openWasmData(dir)).db;
}

/** The Db and what its views were made from (to make them again, as the browser does with local rows). */
export async function openWasmData(
  dir: string,
  opts: { deferred?: boolean } = {}
): Promise<{
  db: Db;
  plan: { files: Record<TableName, string[]>; inMemory: TableName[]; several: boolean; docsView: boolean };
}> {
  const manifestPath = join(dir, 'manifest.json');
  let files: Record<TableName, string[]>;
  let bytes = new Map<string, number>();
  let several = true;
  let docsView = false;
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // as the browser: the ingest's docs view, when there is one, in place of disclosures
    ({ files, docsView } = engineFiles(manifestFiles(manifest), manifest));
    bytes = manifestBytes(manifest);
    several = manifestSeveral(manifest);
  } else
    files = Object.fromEntries(TABLE_NAMES.map((t) => [t, [parquetFile(t)]])) as Record<TableName, string[]>;
  const duck = await blockingDuckDB();
  duck.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  for (const name of Object.values(files).flat()) {
    duck.registerFileBuffer(name, new Uint8Array(readFileSync(join(dir, name))));
  }
  const conn = duck.connect();
  // the same tables in memory as the browser would hold (from the manifest's file sizes)
  const inMemory = memoryTables(files, bytes);
  const statements = createViewsSql(files, inMemory, several, false, docsView);
  for (const { sql } of statements.filter((s) => !opts.deferred || !s.deferred)) conn.query(sql);
  const db = dbFromConnection(conn, () => duck.reset?.());
  // as the browser's engine: the deferred views made on the first query that names them
  if (opts.deferred) db.defer!(statements.filter((s) => s.deferred));
  return {
    db,
    plan: { files, inMemory, several, docsView }
  };
}

export const parquetIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.parquet'));
