// The reader's own documents in the browser's DuckDB: their rows, as the ingest built them, in one in-memory
// table per schema table (`local_<table>`, see views.ts), UNIONed into the views every query reads. Driven
// by the schema alone: every table and column of src/lib/model, whatever the ingest's row builders fill,
// goes in without code of its own. Every value is a bound parameter; table and column names come from the
// model's closed list.
import { TABLES, TABLE_NAMES, type DocumentResult, type SourceKind, type TableName } from '../model';
import { documentCells, quoteIdent, tableDDL, type Cell, type TableCells } from '../ingest/table-cells';
import type { Column } from '../model';
import { sha256Hex } from '../ingest/sha256';
import type { Db, Query } from './types';
import { createViewsSql, localTable } from './views';

/** What the stored results were built for: the schema's tables, columns and types. A result stored under
 * another schema is read again from its bytes. */
export const schemaKey = (): string =>
  sha256Hex(JSON.stringify(TABLE_NAMES.map((t) => [t, TABLES[t].map((c) => `${c.name} ${c.type}`)]))).slice(
    0,
    16
  );

/** The source_kind of every row of a reader's own document, in the browser only (the CLI never writes it). */
export const LOCAL_SOURCE: SourceKind = 'local';

const hasColumn = (t: TableName, name: string) => TABLES[t].some((c) => c.name === name);

/** A document's rows as checked cells for every table, marked as the reader's own (source_kind 'local' in
 * every table that has that column) unless `asRead` keeps the source kind the ingest gave (for the export). */
export function localCells(result: DocumentResult, asRead = false): TableCells {
  const cells = documentCells(result);
  if (asRead) return cells;
  for (const t of TABLE_NAMES) {
    const at = TABLES[t].findIndex((c) => c.name === 'source_kind');
    if (at >= 0) for (const row of cells[t]) row[at] = LOCAL_SOURCE;
  }
  return cells;
}

/** The placeholder of one cell, cast to its column's type (a DATE cell is days since 1970-01-01). */
function placeholder(col: Column): string {
  if (col.type === 'DATE') return `(DATE '1970-01-01' + CAST(? AS INTEGER))`;
  return `CAST(? AS ${col.type})`;
}

const BATCH_ROWS = 100;

/** `(?, ?, …)` for one row of t: a placeholder per column, then `_ord` when the row has it. */
function tupleSql(t: TableName, row: readonly Cell[]): string {
  const marks = TABLES[t].map(placeholder);
  if (row.length === TABLES[t].length + 1) marks.push('CAST(? AS INTEGER)');
  return `(${marks.join(', ')})`;
}

/** INSERTs of `rows` (cells in the table's column order, then `_ord` when the target has it) into `target`,
 * a table with t's columns: one statement per BATCH_ROWS rows, every value bound. */
export function insertQueries(target: string, t: TableName, rows: readonly Cell[][]): Query[] {
  const out: Query[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const chunk = rows.slice(i, i + BATCH_ROWS);
    out.push({
      sql: `INSERT INTO ${quoteIdent(target)} VALUES ${chunk.map((r) => tupleSql(t, r)).join(', ')}`,
      params: chunk.flat()
    });
  }
  return out;
}

/** The local tables, empty (dropped first: a page load starts from the browser's stored documents). */
export const createLocalTables = (): Query[] =>
  TABLE_NAMES.flatMap((t) => [
    { sql: `DROP TABLE IF EXISTS ${quoteIdent(localTable(t))}`, params: [] },
    { sql: tableDDL(t, localTable(t)), params: [] }
  ]);

/** The INSERTs that add one document's rows to the local tables (its unit only when not there yet). */
export function addDocumentQueries(result: DocumentResult): Query[] {
  const cells = localCells(result);
  return TABLE_NAMES.flatMap((t) => {
    if (t !== 'units') return insertQueries(localTable(t), t, cells[t]);
    const unit = cells.units[0];
    if (!unit) return [];
    const idAt = TABLES.units.findIndex((c) => c.name === 'unit_id');
    const table = quoteIdent(localTable(t));
    // one row per unit: the first document's
    return [
      {
        sql: `INSERT INTO ${table} SELECT * FROM (VALUES ${tupleSql(t, unit)}) WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE unit_id = ?)`,
        params: [...unit, unit[idAt]]
      }
    ];
  });
}

/** The DELETEs that remove one document's rows; its unit goes when no other local document names it. */
export function removeDocumentQueries(docId: string): Query[] {
  return TABLE_NAMES.flatMap((t): Query[] => {
    const table = quoteIdent(localTable(t));
    if (hasColumn(t, 'doc_id')) return [{ sql: `DELETE FROM ${table} WHERE doc_id = ?`, params: [docId] }];
    return [];
  }).concat(orphanUnitQueries());
}

function orphanUnitQueries(): Query[] {
  return TABLE_NAMES.filter((t) => !hasColumn(t, 'doc_id') && hasColumn(t, 'unit_id')).map((t) => ({
    sql: `DELETE FROM ${quoteIdent(localTable(t))} WHERE unit_id NOT IN (SELECT unit_id FROM ${quoteIdent(localTable('disclosures'))})`,
    params: []
  }));
}

/** Whether a doc_id is in the data (the served files, or the reader's documents), and from which source. */
export const docSourceQuery = (docId: string): Query => ({
  sql: 'SELECT source_kind FROM disclosures WHERE doc_id = ? LIMIT 1',
  params: [docId]
});

// ------------------------------------------------------------------------------------------------ running

/** Run statements one after another. */
export async function runAll(db: Db, queries: readonly Query[]): Promise<void> {
  for (const q of queries) await db.query(q);
}

/** Make every view again: over the served files alone, or with the local tables UNIONed in. */
export async function refreshViews(db: Db, plan: ViewPlanLike, withLocal: boolean): Promise<void> {
  const several = plan.several || withLocal;
  const statements = createViewsSql(plan.files, plan.inMemory, several, withLocal, plan.docsView);
  for (const s of statements) {
    // a deferred view (views.ts) stays deferred: made, with the local rows, when first queried
    if (s.deferred && db.defer) db.defer([{ table: s.table, sql: s.sql }]);
    else await db.query({ sql: s.sql, params: [] });
  }
}

export interface ViewPlanLike {
  files: Record<TableName, string[]>;
  inMemory: readonly TableName[];
  several: boolean;
  /** files.disclosures is the ingest's docs view (views.ts engineFiles) */
  docsView?: boolean;
}
