// Which Parquet files the app serves (manifest.json) and the views created over them.
import {
  DOCS_VIEW_EXTRA,
  DOCS_VIEW_FILE,
  DOCS_VIEW_KEY,
  TABLE_NAMES,
  docsViewSelect,
  parquetFile,
  type TableName
} from '../model';

export {
  DOCS_MEM_EXTRA,
  PRIOR_COLUMNS,
  docsMemSelect,
  pickColumn,
  priorColumn,
  priorSelect,
  priorSourceColumn,
  type PriorSource
} from '../model';

/** The in-memory table of the reader's own documents' rows of a schema table. */
export const localTable = (t: TableName) => `local_${t}`;

/** The file names per table found in a manifest. Accepts the shapes a manifest may take:
 * `{ files: ["disclosures.parquet", …] }`, `{ files: [{ name|file|path: …, rows }] }`,
 * `{ files: { "disclosures.parquet": {…} } }` or `{ tables: { disclosures: { file|files } } }`.
 * A table's files are those named `<table>.parquet`, `<table>/….parquet` or `<table>_….parquet`. */
export function manifestFiles(manifest: unknown): Record<TableName, string[]> {
  const names = new Set<string>();
  const m = (manifest ?? {}) as Record<string, unknown>;
  const add = (x: unknown) => {
    if (typeof x === 'string') names.add(x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of ['name', 'file', 'path']) if (typeof o[k] === 'string') names.add(o[k] as string);
      if (Array.isArray(o.files)) o.files.forEach(add);
    }
  };
  if (Array.isArray(m.files)) m.files.forEach(add);
  else if (m.files && typeof m.files === 'object') Object.keys(m.files).forEach(add);
  if (m.tables && typeof m.tables === 'object') Object.values(m.tables as object).forEach(add);
  const out = {} as Record<TableName, string[]>;
  for (const t of TABLE_NAMES) {
    const own = [...names]
      .filter((n) => /\.parquet$/.test(n) && !/^\/|\.\.|^[a-z]+:/i.test(n))
      .filter((n) => n === parquetFile(t) || n.startsWith(`${t}/`) || n.startsWith(`${t}_`))
      .sort();
    out[t] = own;
  }
  return out;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Tables every view scans (not just one document's rows): held in memory when their files are small, so
 * a filter change runs on memory instead of re-reading column chunks over HTTP. */
export const MEMORY_CANDIDATES: readonly TableName[] = ['disclosures', 'units', 'findings'];
/** Above this many bytes of Parquet a table stays a view over its files (read by range requests). */
export const MEMORY_TABLE_MAX_BYTES = 16 * 1024 * 1024;

/** The byte size of each file the manifest states (`{ files: [{ file, bytes }] }`, and its docs view). */
export function manifestBytes(manifest: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const view = manifestDocsView(manifest);
  if (view) out.set(view.file, view.bytes);
  const files = (manifest as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return out;
  for (const f of files) {
    const o = f as Record<string, unknown>;
    const name = [o.file, o.name, o.path].find((x) => typeof x === 'string') as string | undefined;
    if (name && typeof o.bytes === 'number' && Number.isFinite(o.bytes)) out.set(name, o.bytes);
  }
  return out;
}

/** The candidate tables whose files are all of known size and together small enough. */
export function memoryTables(files: Record<TableName, string[]>, bytes: Map<string, number>): TableName[] {
  return MEMORY_CANDIDATES.filter((t) => {
    const sizes = files[t].map((f) => bytes.get(f));
    if (!sizes.length || sizes.some((b) => b === undefined)) return false;
    return sizes.reduce((a, b) => a! + b!, 0)! <= MEMORY_TABLE_MAX_BYTES;
  });
}

/** The docs view file the manifest lists (`docs_view: { file, rows, bytes }`), when it is the ingest's
 * name for it; null for a folder written before it existed (docs_mem is then made in the browser). */
export function manifestDocsView(manifest: unknown): { file: string; rows: number; bytes: number } | null {
  const v = (manifest as Record<string, unknown> | null)?.[DOCS_VIEW_KEY] as
    Record<string, unknown> | undefined;
  if (!v || v.file !== DOCS_VIEW_FILE) return null;
  if (typeof v.rows !== 'number' || typeof v.bytes !== 'number') return null;
  return { file: v.file, rows: v.rows, bytes: v.bytes };
}

/** The files the engine reads each table from: the docs view, when there is one, stands for disclosures. */
export function engineFiles(
  files: Record<TableName, string[]>,
  manifest: unknown
): { files: Record<TableName, string[]>; docsView: boolean } {
  const view = manifestDocsView(manifest);
  return view
    ? { files: { ...files, disclosures: [view.file] }, docsView: true }
    : { files, docsView: false };
}

/** From the manifest: false when it states that no unit has two documents of one year, else true. */
export function manifestSeveral(manifest: unknown): boolean {
  const n = (manifest as { unit_years_with_several_documents?: unknown } | null)
    ?.unit_years_with_several_documents;
  return !(typeof n === 'number' && n === 0);
}

export interface ViewStatement {
  /** the table whose files the statement reads (an error in it names these files) */
  table: TableName;
  sql: string;
  /** made on the first query that names the table, not at start (see DEFERRED_TABLES) */
  deferred?: boolean;
}

/** Tables only the unit page reads, one document at a time: their views are made when first queried, so a
 * start does not fetch and parse their footers (at 100k documents source_text's is 2.08 MB, line_items'
 * 165 KB). */
export const DEFERRED_TABLES: readonly TableName[] = [
  'line_items',
  'projects',
  'figure_sources',
  'source_text'
];

/** The reader's own documents (src/lib/db/local.ts) beside the served rows: `local_<table>` UNIONed BY NAME
 * (a served file written before a column existed gives NULL there). A local unit already served keeps the
 * served row, so a unit is one row whichever side names it. */
export function withLocalRows(t: TableName, served: string): string {
  const local =
    t === 'units'
      ? `SELECT * FROM ${localTable(t)} WHERE unit_id NOT IN (SELECT unit_id FROM (${served}))`
      : `SELECT * FROM ${localTable(t)}`;
  return `${served} UNION ALL BY NAME ${local}`;
}

/** The statements that make every table queryable over the registered files (names come from the manifest;
 * they are checked by manifestFiles and quoted): a view, or an in-memory table for those in `inMemory`.
 * `disclosures` is a view over `docs_mem`, which holds its rows (units first: docs_mem joins them). With
 * `docsView`, files.disclosures are the ingest's docs view (see manifestDocsView), read as docs_mem. */
export function createViewsSql(
  files: Record<TableName, string[]>,
  inMemory: readonly TableName[] = [],
  several = true,
  withLocal = false,
  docsView = false
): ViewStatement[] {
  const read = (t: TableName) => {
    const list = files[t];
    if (!list.length) throw new Error(`no Parquet file for table ${t}`);
    return `SELECT * FROM read_parquet([${list.map(sqlString).join(', ')}])`;
  };
  // with the ingest's docs view, the disclosures' files are that file: its own columns are the disclosures
  const served = (t: TableName) =>
    docsView && t === 'disclosures'
      ? `SELECT * EXCLUDE (${DOCS_VIEW_EXTRA.join(', ')}) FROM (${read(t)})`
      : read(t);
  const source = (t: TableName) => (withLocal ? withLocalRows(t, served(t)) : served(t));
  const kind = (t: TableName) => (inMemory.includes(t) ? 'TABLE' : 'VIEW');
  const order: TableName[] = ['units', ...TABLE_NAMES.filter((t) => t !== 'units' && t !== 'disclosures')];
  const out: ViewStatement[] = order.map((t) => ({
    table: t,
    sql: `CREATE OR REPLACE ${kind(t)} ${t} AS ${source(t)}`,
    ...(DEFERRED_TABLES.includes(t) && !inMemory.includes(t) ? { deferred: true } : {})
  }));
  out.push(
    {
      table: 'disclosures',
      // the ingest's docs view as it is, unless the reader's own documents change which document a view
      // shows and each figure's prior: then made again here, over the served rows and theirs
      sql: `CREATE OR REPLACE ${kind('disclosures')} docs_mem AS ${
        docsView && !withLocal ? read('disclosures') : docsViewSelect(source('disclosures'), several)
      }`
    },
    {
      table: 'disclosures',
      sql: `CREATE OR REPLACE VIEW disclosures AS SELECT * EXCLUDE (${DOCS_VIEW_EXTRA.join(', ')}) FROM docs_mem`
    }
  );
  return out;
}
