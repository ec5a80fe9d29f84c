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

/** CREATE VIEW statements for the five tables over the registered files (names come from the manifest;
 * they are checked by manifestFiles and quoted). */
export function createViewsSql(files: Record<TableName, string[]>): string[] {
  return TABLE_NAMES.map((t) => {
    const list = files[t];
    if (!list.length) throw new Error(`no Parquet file for table ${t}`);
    return `CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet([${list.map(sqlString).join(', ')}])`;
  });
}
