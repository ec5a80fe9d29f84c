// Which Parquet files the app serves (manifest.json) and the views created over them.
import { TABLE_NAMES, parquetFile, type TableName } from '../model';

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

/** The byte size of each file the manifest states (`{ files: [{ file, bytes }] }`). */
export function manifestBytes(manifest: unknown): Map<string, number> {
  const out = new Map<string, number>();
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

/** One statement per table over the registered files (names come from the manifest; they are checked by
 * manifestFiles and quoted): a view, or an in-memory table for those in `inMemory`. */
export function createViewsSql(
  files: Record<TableName, string[]>,
  inMemory: readonly TableName[] = []
): string[] {
  return TABLE_NAMES.map((t) => {
    const list = files[t];
    if (!list.length) throw new Error(`no Parquet file for table ${t}`);
    const source = `SELECT * FROM read_parquet([${list.map(sqlString).join(', ')}])`;
    return inMemory.includes(t)
      ? `CREATE OR REPLACE TABLE ${t} AS ${source}`
      : `CREATE OR REPLACE VIEW ${t} AS ${source}`;
  });
}
