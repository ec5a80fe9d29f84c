// The Parquet writer of the ingest (node-only, @duckdb/node-api).
//
// Rows go through two steps:
// 1. A *shard* (one per parsing thread) appends each document's rows into its own in-memory DuckDB, in staging
//    tables that carry one extra column, _ord (the document's place in the sorted input list). A document's
//    rows are contiguous and in order, so its row number in the shard's file gives each row's place. When the
//    batch ends, the shard dumps its staging tables to Parquet in a temp folder.
// 2. `writeTables` reads every shard's files, drops the documents the batch rejected late (duplicates),
//    keeps the first row of each unit, orders rows by SORT_KEYS (ties broken by _ord and the row's place, so the order is
//    total and the bytes do not depend on which thread parsed what) and writes ZSTD Parquet, each to a temp
//    name that is renamed into place only when complete.
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

export interface Shard {
  /** Append one document's checked rows under its input ordinal. */
  add(ord: number, cells: TableCells): void;
  /** Dump the staging tables to Parquet in the temp folder; returns the files by table. */
  finish(): Promise<Record<TableName, string>>;
}

/** Open a shard writing into `tmpDir` (files named after `shardId`). */
export async function openShard(tmpDir: string, shardId: number): Promise<Shard> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  const appenders = {} as Record<TableName, DuckDBAppender>;
  for (const t of TABLE_NAMES) {
    await conn.run(tableDDL(t, stagingName(t), true));
    appenders[t] = await conn.createAppender(stagingName(t));
  }
  return {
    add(ord, cells) {
      for (const t of TABLE_NAMES) {
        const cols = TABLES[t];
        const appender = appenders[t];
        const rows = cells[t];
        for (const row of rows) {
          for (let i = 0; i < cols.length; i++) appendCell(appender, cols[i], row[i]);
          appender.appendInteger(ord);
          appender.endRow();
        }
      }
    },
    async finish() {
      const files = {} as Record<TableName, string>;
      for (const t of TABLE_NAMES) {
        appenders[t].flushSync();
        appenders[t].closeSync();
        files[t] = join(tmpDir, `shard-${shardId}-${t}.parquet`);
        await conn.run(
          `COPY ${quoteIdent(stagingName(t))} TO ${sqlString(files[t])} (FORMAT parquet, COMPRESSION uncompressed)`
        );
      }
      conn.closeSync();
      instance.closeSync();
      return files;
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

/**
 * Merge the shards' files into the final tables, written as ZSTD Parquet to temp names in `tmpDir`.
 * `excluded` are the input ordinals whose rows must not land (documents rejected after parsing).
 */
export async function writeTables(
  tmpDir: string,
  shardFiles: readonly Record<TableName, string>[],
  excluded: readonly number[]
): Promise<WrittenTables> {
  const instance = await DuckDBInstance.create(':memory:');
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
      const files = shardFiles.map((s) => s[t]);
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
