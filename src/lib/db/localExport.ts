// The reader's own documents out of the browser as the CLI would write them: the five Parquet files (the
// CLI's order and compression, written by DuckDB-WASM's COPY), ingest-report.json and manifest.json (with
// each file's rows, bytes and sha256), for the same inputs the same rows and ids as `npm run ingest`.
import { ROW_GROUP_ROWS, TABLE_NAMES, parquetFile, type DocumentResult, type TableName } from '../model';
import { quoteIdent, sortedRowsSql, tableDDL } from '../ingest/table-cells';
import { sha256Hex } from '../ingest/sha256';
import {
  buildManifest,
  buildReport,
  documentEntry,
  toJson,
  type DataFacts,
  type ManifestFile
} from '../ingest/report';
import { insertQueries, localCells, runAll } from './local';
import type { Db, Query } from './types';

/** The staging table of one schema table for the export (its columns, then `_ord`). */
export const exportTable = (t: TableName) => `export_${t}`;

/** The statements that fill the export tables from the documents, in input order (as the CLI sorts its
 * inputs): each document's rows as the ingest read them (its own source kind, not 'local'). */
export function exportTablesQueries(results: readonly DocumentResult[]): Query[] {
  const out: Query[] = TABLE_NAMES.flatMap((t) => [
    { sql: `DROP TABLE IF EXISTS ${quoteIdent(exportTable(t))}`, params: [] },
    { sql: tableDDL(t, exportTable(t), true), params: [] }
  ]);
  results.forEach((r, ord) => {
    const cells = localCells(r, true);
    for (const t of TABLE_NAMES)
      out.push(
        ...insertQueries(
          exportTable(t),
          t,
          cells[t].map((row) => [...row, ord])
        )
      );
  });
  return out;
}

/** COPY of one export table to a Parquet file as the CLI writes it (its order, ZSTD). `file` is a name the
 * caller chose from the model's table names, quoted. */
export function exportCopySql(t: TableName, file: string): string {
  // the CLI's row groups where it sets them (src/lib/ingest/parquet.ts)
  const groups = ROW_GROUP_ROWS[t] ? `, ROW_GROUP_SIZE ${Math.trunc(ROW_GROUP_ROWS[t]!)}` : '';
  return `COPY (${sortedRowsSql(t, exportSource(t))}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd${groups})`;
}

const exportSource = (t: TableName) => `(SELECT *, rowid AS "_seq" FROM ${quoteIdent(exportTable(t))})`;

export const dropExportTables = (): Query[] =>
  TABLE_NAMES.map((t) => ({ sql: `DROP TABLE IF EXISTS ${quoteIdent(exportTable(t))}`, params: [] }));

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const distinct = <T>(values: (T | null | undefined)[], cmp: (a: T, b: T) => number): T[] =>
  [...new Set(values.filter((v): v is T => v !== null && v !== undefined))].sort(cmp);

/** What the manifest says of the data (as the CLI reads it back from its files), from the documents. */
export function exportFacts(results: readonly DocumentResult[]): DataFacts {
  const docs = results.map((r) => r.disclosure!);
  const units = new Map<string, NonNullable<DocumentResult['unit']>>();
  for (const r of results) if (r.unit && !units.has(r.unit.unit_id)) units.set(r.unit.unit_id, r.unit);
  const findings = results.flatMap((r) => r.findings);
  const years = distinct(
    docs.map((d) => d.year),
    (a, b) => a - b
  );
  const perUnitYear = new Map<string, number>();
  for (const d of docs)
    if (d.year !== null)
      perUnitYear.set(`${d.unit_id}|${d.year}`, (perUnitYear.get(`${d.unit_id}|${d.year}`) ?? 0) + 1);
  return {
    years,
    yearDocuments: years.map((y) => docs.filter((d) => d.year === y).length),
    kinds: distinct(
      docs.map((d) => d.kind),
      byCodePoint
    ),
    sourceKinds: distinct(
      docs.map((d) => d.source_kind),
      byCodePoint
    ),
    regions: distinct(
      [...units.values()].map((u) => u.region),
      byCodePoint
    ),
    levels: distinct(
      [...units.values()].map((u) => u.level),
      byCodePoint
    ),
    categories: distinct(
      [...units.values()].map((u) => u.category),
      byCodePoint
    ),
    severities: distinct(
      findings.map((f) => f.severity),
      byCodePoint
    ),
    checks: distinct(
      findings.map((f) => f.check),
      byCodePoint
    ),
    unitYearsWithSeveralDocuments: [...perUnitYear.values()].filter((n) => n > 1).length
  };
}

/** Writes a file DuckDB fills with `write` and hands back its bytes (the engine's writeFile). */
export type WriteFile = (name: string, write: () => Promise<void>) => Promise<Uint8Array>;

/** The export's files by name: the five tables, ingest-report.json and manifest.json. `results` are the
 * documents in the order the CLI would read them (sorted by file name). */
export async function exportFiles(
  db: Db,
  writeFile: WriteFile,
  results: readonly DocumentResult[]
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const manifestFiles: ManifestFile[] = [];
  await runAll(db, exportTablesQueries(results));
  try {
    for (const t of TABLE_NAMES) {
      const name = parquetFile(t);
      // a name of its own in DuckDB's file system: `name` is the served file's, registered there already
      const temp = `gongkai-export-${name}`;
      const bytes = await writeFile(temp, async () => {
        await db.query({ sql: exportCopySql(t, temp), params: [] });
      });
      const [{ n }] = await db.query<{ n: number }>({
        sql: `SELECT count(*)::INTEGER AS n FROM (${sortedRowsSql(t, exportSource(t))})`,
        params: []
      });
      out.set(name, bytes);
      manifestFiles.push({
        table: t,
        file: name,
        rows: Number(n),
        bytes: bytes.length,
        sha256: sha256Hex(bytes)
      });
    }
  } finally {
    await runAll(db, dropExportTables());
  }
  const report = buildReport(results.map((r, ord) => documentEntry(ord, r)));
  const reportBytes = new TextEncoder().encode(toJson(report));
  out.set('ingest-report.json', reportBytes);
  const manifest = buildManifest(manifestFiles, exportFacts(results), report.totals, {
    file: 'ingest-report.json',
    bytes: reportBytes.length,
    sha256: sha256Hex(reportBytes)
  });
  out.set('manifest.json', new TextEncoder().encode(toJson(manifest)));
  return out;
}
