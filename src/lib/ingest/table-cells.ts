// A parsed document's rows as checked cells, one array per table in the schema's column order, and the SQL
// that creates a schema table. Browser-safe (no Node API): the CLI's Parquet writer and the browser's local
// tables both take their rows from here, so whatever tables and columns the model names flow into both.
import { SORT_KEYS, TABLES } from '../model';
import type { Column, DocumentResult, TableName } from '../model';

export type Cell = string | number | boolean | null;
/** A document's rows, each already checked against its table's columns (cells in column order). */
export type TableCells = Record<TableName, Cell[][]>;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** CREATE TABLE for one of the schema's tables; staging tables get _ord at the end. */
export function tableDDL(table: TableName, name: string = table, staging = false): string {
  const cols = TABLES[table].map((c) => `${quoteIdent(c.name)} ${c.type}`);
  if (staging) cols.push('"_ord" INTEGER');
  return `CREATE TABLE ${quoteIdent(name)} (${cols.join(', ')})`;
}

/**
 * A table's rows in their file order: SORT_KEYS, ties broken by `_ord` (the document's place in the input
 * list) and `_seq` (the row's place among its document's rows), so the order is total. Units keep one row
 * each, from the first document (in input order) that names it. `source` has the table's columns plus
 * `_ord` and `_seq`; only the schema's columns are selected.
 */
export function sortedRowsSql(t: TableName, source: string): string {
  const cols = TABLES[t].map((c) => quoteIdent(c.name)).join(', ');
  const order = [...SORT_KEYS[t], '_ord', '_seq'].map(quoteIdent).join(', ');
  if (t === 'units')
    return `SELECT ${cols} FROM (SELECT * FROM ${source} QUALIFY row_number() OVER (PARTITION BY "unit_id" ORDER BY "_ord", "_seq") = 1) ORDER BY ${order}`;
  return `SELECT ${cols} FROM ${source} ORDER BY ${order}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, or null when it is not a real calendar date. */
export function isoDateToDays(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

function invalid(table: TableName, col: Column, value: unknown): Error {
  const what = {
    VARCHAR: 'a string',
    DOUBLE: 'a finite number',
    INTEGER: 'a 32-bit integer',
    BOOLEAN: 'a boolean',
    DATE: 'an ISO date yyyy-mm-dd'
  }[col.type];
  return new Error(
    `invalid ${table}.${col.name}: expected ${what}, got ${JSON.stringify(value)?.slice(0, 60)}`
  );
}

function cell(table: TableName, col: Column, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (col.type) {
    case 'VARCHAR':
      if (typeof value === 'string') return value;
      break;
    case 'DOUBLE':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'INTEGER':
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647)
        return value;
      break;
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      break;
    case 'DATE': {
      const days = typeof value === 'string' ? isoDateToDays(value) : null;
      if (days !== null) return days;
      break;
    }
  }
  throw invalid(table, col, value);
}

/** One row's cells in the table's column order; throws an Error naming the column when a value is ill-typed. */
export function rowCells(table: TableName, row: object): Cell[] {
  const record = row as Record<string, unknown>;
  const cols = TABLES[table];
  const out: Cell[] = new Array(cols.length);
  for (let i = 0; i < cols.length; i++) out[i] = cell(table, cols[i], record[cols[i].name]);
  return out;
}

/**
 * A parsed document's rows as checked cells for every table. Throws an Error naming the table and column when
 * a row does not fit the schema, or when its rows do not all belong to its disclosure's doc_id.
 */
export function documentCells(result: DocumentResult): TableCells {
  const disclosure = result.disclosure;
  if (!disclosure) throw new Error(`parser returned status '${result.status}' without a disclosure record`);
  const docId = disclosure.doc_id;
  if (typeof docId !== 'string' || docId === '') throw new Error('disclosure has no doc_id');
  if (typeof disclosure.unit_id !== 'string' || disclosure.unit_id === '')
    throw new Error('disclosure has no unit_id');
  const owned = <T extends { doc_id: string }>(table: TableName, rows: readonly T[]) =>
    rows.map((row) => {
      if (row.doc_id !== docId) throw new Error(`${table} row of doc_id ${row.doc_id} in document ${docId}`);
      return rowCells(table, row);
    });
  if (result.unit && result.unit.unit_id !== disclosure.unit_id)
    throw new Error(
      `unit ${result.unit.unit_id} differs from the disclosure's unit_id ${disclosure.unit_id}`
    );
  return {
    disclosures: [rowCells('disclosures', disclosure)],
    line_items: owned('line_items', result.lineItems),
    projects: owned('projects', result.projects),
    findings: owned('findings', result.findings),
    units: result.unit ? [rowCells('units', result.unit)] : [],
    figure_sources: owned('figure_sources', result.figureSources),
    source_text: owned('source_text', result.sourceText)
  };
}
