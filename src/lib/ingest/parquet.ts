// The Parquet writer of the ingest (node-only, @duckdb/node-api).
//
// Rows go through two steps:
// 1. A *shard* (one per parsing thread) appends each document's rows into its own in-memory DuckDB, in staging
//    tables that carry one extra column, _ord (the document's place in the sorted input list). Once they hold
//    `partRows` rows or more (after a whole document: a document's rows are never split), the shard writes them
//    to the next *part* (one compressed Parquet file per table in the temp folder) and empties them, so a thread
//    holds at most one part in memory whatever the batch's size. Within a part a document's rows are contiguous
//    and in order, so a row's number in its part's file gives its place among its document's rows.
// 2. `writeTables` reads every part's files, drops the documents the batch rejected late (duplicates),
//    keeps the first row of each unit, orders rows by SORT_KEYS (ties broken by _ord and the row's place, so the
//    order is total and the bytes depend neither on which thread parsed what nor on where the parts were cut)
//    and writes ZSTD Parquet, each to a temp name that is renamed into place only when complete. Its DuckDB has
//    a memory limit and spills to a folder inside the temp folder beyond it.
// Table and column names come only from TABLES in the model (a closed list); the only strings pasted into
// SQL are paths this process chose, quoted as SQL string literals.
import {
  DuckDBInstance,
  DuckDBDateValue,
  type DuckDBAppender,
  type DuckDBConnection
} from '@duckdb/node-api';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOCS_VIEW_FILE,
  ROW_GROUP_ROWS,
  SORT_KEYS,
  TABLES,
  TABLE_NAMES,
  docsViewSelect,
  parquetFile
} from '../model';
import type { Column, TableName } from '../model';
import type { DataFacts } from './report';
import { quoteIdent, sortedRowsSql, sqlString, tableDDL, type Cell, type TableCells } from './table-cells';

export {
  documentCells,
  isoDateToDays,
  rowCells,
  sqlString,
  tableDDL,
  type Cell,
  type TableCells
} from './table-cells';

function appendCell(appender: DuckDBAppender, col: Column, value: Cell): void {
  if (value === null) return appender.appendNull();
  switch (col.type) {
    case 'VARCHAR':
      return appender.appendVarchar(value as string);
    case 'DOUBLE':
      return appender.appendDouble(value as number);
    case 'INTEGER':
      return appender.appendInteger(value as number);
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean);
    case 'DATE':
      return appender.appendDate(new DuckDBDateValue(value as number));
  }
}

const stagingName = (t: TableName) => `stage_${t}`;

/** A part is written once and read once, by the merge; compressed, so the temp folder stays small. */
const PART_COMPRESSION = 'zstd';

/** One part of a shard: its Parquet file of each table. */
export type PartFiles = Record<TableName, string>;

export interface Shard {
  /** Append one document's checked rows under its input ordinal (calls are taken one after another). */
  add(ord: number, cells: TableCells): Promise<void>;
  /** Write what is left to a last part; returns every part's files, in order. */
  finish(): Promise<PartFiles[]>;
}

/** Rows (of all tables) a shard holds in memory before it writes them to a part: some tens of MB. */
export const PART_ROWS = 250_000;

export interface ShardOptions {
  /** rows after which the shard writes a part (default PART_ROWS) */
  partRows?: number;
}

/** Open a shard writing its parts into `tmpDir` (files named after `shardId`). */
export async function openShard(
  tmpDir: string,
  shardId: number,
  { partRows = PART_ROWS }: ShardOptions = {}
): Promise<Shard> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  let appenders = {} as Record<TableName, DuckDBAppender>;
  let rows = 0;
  const parts: PartFiles[] = [];
  const begin = async () => {
    appenders = {} as Record<TableName, DuckDBAppender>;
    for (const t of TABLE_NAMES) {
      await conn.run(tableDDL(t, stagingName(t), true));
      appenders[t] = await conn.createAppender(stagingName(t));
    }
    rows = 0;
  };
  /** Write the staging tables to the next part and drop them (their memory goes back). */
  const writePart = async () => {
    const files = {} as PartFiles;
    for (const t of TABLE_NAMES) {
      appenders[t].flushSync();
      appenders[t].closeSync();
      files[t] = join(tmpDir, `shard-${shardId}-part-${parts.length}-${t}.parquet`);
      await conn.run(
        `COPY ${quoteIdent(stagingName(t))} TO ${sqlString(files[t])} (FORMAT parquet, COMPRESSION ${PART_COMPRESSION})`
      );
      await conn.run(`DROP TABLE ${quoteIdent(stagingName(t))}`);
    }
    parts.push(files);
  };
  const append = async (ord: number, cells: TableCells) => {
    for (const t of TABLE_NAMES) {
      const cols = TABLES[t];
      const appender = appenders[t];
      for (const row of cells[t]) {
        for (let i = 0; i < cols.length; i++) appendCell(appender, cols[i], row[i]);
        appender.appendInteger(ord);
        appender.endRow();
      }
      rows += cells[t].length;
    }
    if (rows >= partRows) {
      await writePart();
      await begin();
    }
  };
  await begin();
  // one call at a time, in the order made: a part being written is never appended to
  let queue: Promise<void> = Promise.resolve();
  return {
    add(ord, cells) {
      const next = queue.then(() => append(ord, cells));
      queue = next.catch(() => {});
      return next;
    },
    async finish() {
      await queue;
      // a shard that got no rows still writes one (empty) part, so every table has a file with its schema
      if (rows > 0 || parts.length === 0) await writePart();
      else for (const t of TABLE_NAMES) appenders[t].closeSync();
      conn.closeSync();
      instance.closeSync();
      return parts;
    }
  };
}

export interface TableOutput {
  file: string;
  rows: number;
  bytes: number;
}

/** The tables written, and the facts for the manifest. */
export interface WrittenTables extends DataFacts {
  tables: Record<TableName, TableOutput>;
  /** Temp files (in tmpDir) ready to be renamed to `tables[t].file` in the out folder. */
  temps: Record<TableName, string>;
  /** The disclosures as the browser's views read them (model/docs-view.ts), and its temp file. */
  docsView: TableOutput & { temp: string };
}

/** Write the docs view (model/docs-view.ts) of the written disclosures and units to `target`, in the
 * disclosures' order: the browser reads it whole instead of making it at every start. */
async function writeDocsView(
  conn: DuckDBConnection,
  temps: Record<TableName, string>,
  target: string
): Promise<TableOutput> {
  await conn.run(`CREATE OR REPLACE VIEW units AS SELECT * FROM read_parquet(${sqlString(temps.units)})`);
  const select = docsViewSelect(`SELECT * FROM read_parquet(${sqlString(temps.disclosures)})`);
  const order = SORT_KEYS.disclosures.map(quoteIdent).join(', ');
  await conn.run(
    `COPY (SELECT * FROM (${select}) ORDER BY ${order}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`
  );
  const [rows] = await readColumn(conn, `SELECT count(*)::INTEGER FROM read_parquet(${sqlString(target)})`);
  await conn.run('DROP VIEW units');
  return { file: DOCS_VIEW_FILE, rows: rows as number, bytes: statSync(target).size };
}

function selectSql(t: TableName, source: string): string {
  return sortedRowsSql(t, `(SELECT * FROM ${source} WHERE "_ord" NOT IN (SELECT "_ord" FROM excluded))`);
}

async function readColumn(conn: DuckDBConnection, sql: string): Promise<unknown[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows().map((r) => r[0]);
}

/** The memory the merge's DuckDB may use (MB) before it spills to disk. */
export const MERGE_MEMORY_MB = 256;

export interface MergeOptions {
  /** the merge's memory limit in MB (default MERGE_MEMORY_MB) */
  memoryMb?: number;
}

/**
 * Merge the shards' parts into the final tables, written as ZSTD Parquet to temp names in `tmpDir`.
 * `excluded` are the input ordinals whose rows must not land (documents rejected after parsing). The sorts
 * spill to `tmpDir/merge-spill` beyond the memory limit, so what is left on an interruption goes with `tmpDir`.
 */
export async function writeTables(
  tmpDir: string,
  parts: readonly PartFiles[],
  excluded: readonly number[],
  { memoryMb = MERGE_MEMORY_MB }: MergeOptions = {}
): Promise<WrittenTables> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: `${Math.trunc(memoryMb)}MB`,
    temp_directory: join(tmpDir, 'merge-spill')
  });
  const conn = await instance.connect();
  try {
    await conn.run('SET preserve_insertion_order = true');
    await conn.run('CREATE TABLE excluded ("_ord" INTEGER)');
    const ex = await conn.createAppender('excluded');
    for (const ord of excluded) {
      ex.appendInteger(ord);
      ex.endRow();
    }
    ex.flushSync();
    ex.closeSync();

    const tables = {} as Record<TableName, TableOutput>;
    const temps = {} as Record<TableName, string>;
    for (const t of TABLE_NAMES) {
      const files = parts.map((p) => p[t]);
      let source: string;
      if (files.length > 0) {
        source = `(SELECT * EXCLUDE (file_row_number), file_row_number AS "_seq" FROM read_parquet([${files
          .map(sqlString)
          .join(', ')}], file_row_number = true))`;
      } else {
        await conn.run(tableDDL(t, stagingName(t), true));
        source = `(SELECT *, 0 AS "_seq" FROM ${quoteIdent(stagingName(t))})`;
      }
      temps[t] = join(tmpDir, `final-${parquetFile(t)}`);
      const groups = ROW_GROUP_ROWS[t] ? `, ROW_GROUP_SIZE ${Math.trunc(ROW_GROUP_ROWS[t])}` : '';
      await conn.run(
        `COPY (${selectSql(t, source)}) TO ${sqlString(temps[t])} (FORMAT parquet, COMPRESSION zstd${groups})`
      );
      const [rows] = await readColumn(
        conn,
        `SELECT count(*)::INTEGER FROM read_parquet(${sqlString(temps[t])})`
      );
      tables[t] = { file: parquetFile(t), rows: rows as number, bytes: statSync(temps[t]).size };
    }
    const docsViewTemp = join(tmpDir, `final-${DOCS_VIEW_FILE}`);
    const docsView = { ...(await writeDocsView(conn, temps, docsViewTemp)), temp: docsViewTemp };
    const distinct = async (t: TableName, col: string) =>
      readColumn(
        conn,
        `SELECT DISTINCT ${quoteIdent(col)} FROM read_parquet(${sqlString(temps[t])}) WHERE ${quoteIdent(col)} IS NOT NULL ORDER BY 1`
      );
    return {
      tables,
      years: (await distinct('disclosures', 'year')) as number[],
      yearDocuments: (await readColumn(
        conn,
        `SELECT count(*)::INTEGER FROM read_parquet(${sqlString(temps.disclosures)}) WHERE year IS NOT NULL GROUP BY year ORDER BY year`
      )) as number[],
      kinds: (await distinct('disclosures', 'kind')) as string[],
      sourceKinds: (await distinct('disclosures', 'source_kind')) as string[],
      regions: (await distinct('units', 'region')) as string[],
      levels: (await distinct('units', 'level')) as string[],
      categories: (await distinct('units', 'category')) as string[],
      severities: (await distinct('findings', 'severity')) as string[],
      checks: (await distinct('findings', 'check')) as string[],
      unitYearsWithSeveralDocuments: (
        await readColumn(
          conn,
          `SELECT count(*)::INTEGER FROM (SELECT unit_id, year FROM read_parquet(${sqlString(temps.disclosures)})
           WHERE unit_id IS NOT NULL AND year IS NOT NULL GROUP BY unit_id, year HAVING count(*) > 1)`
        )
      )[0] as number,
      temps,
      docsView
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
