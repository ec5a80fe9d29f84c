// The SQL console's engine rules, shared by the browser (src/lib/db/consoleEngine.ts) and the Node tests:
// the console runs on its own DuckDB instance, which copies the schema's tables into memory, then turns
// external access off and locks its configuration. From then on no statement can read a file or a URL
// (read_parquet, read_csv, 'http://…' as a table, glob, ATTACH, COPY, LOAD …: DuckDB refuses them at bind
// time, before any I/O) nor switch that back on. Each console statement runs inside a transaction that is
// rolled back, so a statement that writes leaves the tables as they were.
import { READ_BY_DOCUMENT, TABLE_NAMES, type TableName } from '../model';
import { plainRows, type ArrowTableLike } from './arrow';
import type { Query } from './types';
import { localTable, withLocalRows } from './views';

interface PreparedLike {
  query(...params: unknown[]): ArrowTableLike | Promise<ArrowTableLike>;
  close(): void | Promise<void>;
}
/** A duckdb-wasm connection: the browser's async one or Node's blocking one. */
export interface ConsoleConnection {
  query(sql: string): unknown;
  prepare(sql: string): PreparedLike | Promise<PreparedLike>;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The tables the console holds: all but those read one document at a time (the source text, which grows
 * with the documents and is never fetched whole). */
export const CONSOLE_TABLES: readonly TableName[] = TABLE_NAMES.filter((t) => !READ_BY_DOCUMENT.includes(t));

/** The statements that copy every console table's registered files into an in-memory table of the same name
 * (with the rows of the reader's own documents, from the local tables, when `withLocal`). */
export function consoleTablesSql(
  files: Record<TableName, string[]>,
  withLocal = false
): { table: TableName; sql: string }[] {
  return CONSOLE_TABLES.map((t) => {
    if (!files[t]?.length) throw new Error(`no Parquet file for table ${t}`);
    const served = `SELECT * FROM read_parquet([${files[t].map(sqlString).join(', ')}])`;
    return {
      table: t,
      sql: `CREATE OR REPLACE TABLE ${t} AS ${withLocal ? withLocalRows(t, served) : served}`
    };
  });
}

/** Run after the tables are loaded: no file or URL can be read any more (the registered files neither), and
 * no setting can be changed. */
export const CONSOLE_LOCK_SQL = [
  'SET enable_external_access = false',
  'SET lock_configuration = true'
] as const;

const call = async (f: () => unknown) => await f();

/** Load the tables, then lock the instance; checks that the lock holds before anything else runs. `local`
 * fills the local tables with the reader's own documents (bound INSERTs, src/lib/db/local.ts): their rows
 * join the tables, then the local tables are dropped, so the console holds the five tables only. */
export async function setupConsole(
  conn: ConsoleConnection,
  files: Record<TableName, string[]>,
  local: readonly Query[] = []
) {
  for (const q of local) {
    const stmt = await conn.prepare(q.sql);
    try {
      await call(() => stmt.query(...q.params));
    } finally {
      await stmt.close();
    }
  }
  for (const { sql } of consoleTablesSql(files, local.length > 0)) await call(() => conn.query(sql));
  if (local.length)
    for (const t of TABLE_NAMES) await call(() => conn.query(`DROP TABLE IF EXISTS ${localTable(t)}`));
  for (const sql of CONSOLE_LOCK_SQL) await call(() => conn.query(sql));
  const rows = plainRows<{ external: unknown; locked: unknown }>(
    (await call(() =>
      conn.query(
        `SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked`
      )
    )) as ArrowTableLike
  );
  const ok = rows.length === 1 && String(rows[0].external) === 'false' && String(rows[0].locked) === 'true';
  if (!ok) throw new Error('the SQL console could not lock its engine');
}

/** One console statement (one only: a prepared statement), in a transaction that is always rolled back. */
export async function runConsoleQuery<T = Record<string, unknown>>(
  conn: ConsoleConnection,
  sql: string
): Promise<T[]> {
  await call(() => conn.query('BEGIN TRANSACTION'));
  try {
    const stmt = await conn.prepare(sql);
    try {
      return plainRows<T>(await stmt.query());
    } finally {
      await stmt.close();
    }
  } finally {
    // a statement that ended the transaction itself leaves nothing to roll back
    await call(() => conn.query('ROLLBACK')).catch(() => undefined);
  }
}

/** DuckDB's refusal of a file or URL read, or of a setting change, as the console words it. */
export function isRefusal(message: string): boolean {
  return /disabled (through|by) configuration|configuration has been locked/i.test(message);
}
