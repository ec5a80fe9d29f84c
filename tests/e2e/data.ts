// Read the Parquet the site serves (build/data) in Node with DuckDB, so the browser's marks can be compared
// with the figures themselves.
import { DuckDBInstance } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Run one SQL query with values bound to its `$1, $2 …` placeholders; table names refer to build/data. */
export async function queryData(sql: string, params: (string | number)[] = []): Promise<Row[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    for (const t of ['disclosures', 'line_items', 'projects', 'findings', 'units'])
      await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('build/data/${t}.parquet')`);
    const reader = await conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

/** The real sample disclosure (the one published unit of the default data). */
export async function seedUnit(): Promise<{ unit_id: string; doc_id: string; year: number }> {
  const rows = await queryData(
    `SELECT unit_id, doc_id, year FROM disclosures WHERE source_kind = 'published' AND unit_name LIKE '%乌尔禾区人民政府办公室%'`
  );
  if (rows.length !== 1) throw new Error(`expected one published seed disclosure, found ${rows.length}`);
  const r = rows[0];
  return { unit_id: String(r.unit_id), doc_id: String(r.doc_id), year: Number(r.year) };
}
