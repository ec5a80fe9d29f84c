// Does the data the browser reads match its manifest? The ingest publishes a folder whole (one rename, see
// src/cli/ingest-output.ts), but a folder copied by hand, a half-finished upload or a cache can still pair a
// manifest with files of another run. The engine checks, cheaply, before anything is shown:
// - the bytes of each file it fetched whole (the small tables) against the manifest's `bytes`;
// - the row count of every table as DuckDB-WASM sees it (count(*) over read_parquet is answered from the
//   Parquet footers, which creating the views has already read and cached) against the manifest's `rows`;
//   the unit page's tables (views.ts DEFERRED_TABLES) when their views are made, on first use.
// A disagreement becomes a load error in plain words instead of a silently wrong view.
import { TABLE_NAMES, type TableName } from '../model';
import { manifestDocsView } from './views';

/** Rows per table the manifest states (summed over the table's files), for the tables it states them for. */
export function manifestRows(manifest: unknown, files: Record<TableName, string[]>): Map<TableName, number> {
  const out = new Map<TableName, number>();
  const list = (manifest as { files?: unknown } | null)?.files;
  if (!Array.isArray(list)) return out;
  const rowsOf = new Map<string, number>();
  const view = manifestDocsView(manifest);
  if (view) rowsOf.set(view.file, view.rows);
  for (const f of list) {
    const o = (f ?? {}) as Record<string, unknown>;
    const name = [o.file, o.name, o.path].find((x) => typeof x === 'string') as string | undefined;
    if (name && typeof o.rows === 'number' && Number.isInteger(o.rows)) rowsOf.set(name, o.rows);
  }
  for (const t of TABLE_NAMES) {
    const counts = files[t].map((f) => rowsOf.get(f));
    if (counts.length && counts.every((n) => n !== undefined))
      out.set(
        t,
        counts.reduce((a, b) => a! + b!, 0)!
      );
  }
  return out;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One query: each table's row count as DuckDB sees it — a table held in memory counted where it is held
 * (`docs_mem` for disclosures), the others straight from their files (answered from the Parquet footers);
 * names come from manifestFiles and the closed list of tables, quoted. */
export function rowCountsSql(
  tables: readonly TableName[],
  files: Record<TableName, string[]>,
  inMemory: readonly TableName[] = []
): string {
  return tables
    .map((t) => {
      const from = inMemory.includes(t)
        ? t === 'disclosures'
          ? 'docs_mem'
          : t
        : `read_parquet([${files[t].map(sqlString).join(', ')}])`;
      return `SELECT ${sqlString(t)} AS t, count(*)::DOUBLE AS n FROM ${from}`;
    })
    .join(' UNION ALL ');
}

export interface Disagreement {
  zh: string;
  en: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** What disagrees, one line each (empty when all agrees). */
export function disagreements(
  expectedRows: Map<TableName, number>,
  seenRows: Map<TableName, number>,
  bytes: readonly { file: string; expected: number; seen: number }[]
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const b of bytes) {
    if (b.expected !== b.seen)
      out.push({
        zh: `${b.file} 有 ${fmt(b.seen)} 字节，清单写 ${fmt(b.expected)} 字节`,
        en: `${b.file} has ${fmt(b.seen)} bytes, the manifest says ${fmt(b.expected)}`
      });
  }
  for (const [t, expected] of expectedRows) {
    const seen = seenRows.get(t);
    if (seen !== undefined && seen !== expected)
      out.push({
        zh: `${t} 表有 ${fmt(seen)} 行，清单写 ${fmt(expected)} 行`,
        en: `${t} has ${fmt(seen)} rows, the manifest says ${fmt(expected)}`
      });
  }
  return out;
}

/** The load error's words for a list of disagreements. */
export function mismatchMessage(found: readonly Disagreement[], manifestUrl: string): Disagreement {
  return {
    zh:
      `数据文件与数据清单不符（${manifestUrl}）：${found.map((d) => d.zh).join('；')}。` +
      `这些文件可能来自两次不同的导入（一次导入被中断，或正在导入），所显示的数据会是错的，因此不予显示。` +
      `请重新运行导入（npm run data -- --force 或 npm run ingest），完成后刷新页面。`,
    en:
      `The data files do not match their manifest (${manifestUrl}): ${found.map((d) => d.en).join('; ')}. ` +
      `The files may come from two different ingests (one interrupted, or one still running), so the views ` +
      `would be wrong and are not shown. Run the ingest again (npm run data -- --force or npm run ingest), ` +
      `then reload the page.`
  };
}
