// DuckDB-WASM 1.28.0 (the browser's engine, in its blocking node build) over a folder of Parquet files, for
// tests: every *.parquet in the folder is registered under its basename, so `SELECT * FROM
// 'disclosures.parquet'` reads what the browser would. Rows come back as plain objects: BIGINT → number
// (when safe), DATE → 'yyyy-mm-dd', DECIMAL → number.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

export interface WasmDb {
  /** Run `sql` with `params` bound to its `?` placeholders (a prepared statement). */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

interface ArrowField {
  name: string;
  type: { typeId: number; toString(): string };
}

const DAY_MS = 86_400_000;

function plain(value: unknown, typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  if (typeName.startsWith('Date')) {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeName.startsWith('Decimal')) {
    const scale = Number(/Decimal\[\d+e(-?\d+)\]/.exec(typeName)?.[1] ?? 0);
    return Number(String(value)) / 10 ** -scale;
  }
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

function toRows(table: {
  schema: { fields: ArrowField[] };
  toArray(): Record<string, unknown>[];
}): Record<string, unknown>[] {
  const fields = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
  return table.toArray().map((row) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f.name] = plain(row[f.name], f.type);
    return out;
  });
}

export async function openParquetDir(dir: string): Promise<WasmDb> {
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.parquet'))
    .sort()) {
    db.registerFileBuffer(name, new Uint8Array(readFileSync(join(dir, name))));
  }
  const conn = db.connect();
  return {
    async query(sql, params = []) {
      if (params.length === 0) return toRows(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return toRows(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async close() {
      conn.close();
      db.reset?.();
    }
  };
}
