// Which Parquet files the app serves (manifest.json) and the views created over them.
import {
  PREV_BASIS,
  PREV_FIGURES,
  TABLE_NAMES,
  parquetFile,
  prevName,
  type FigureName,
  type TableName
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

/** The extra columns of `docs_mem` (the disclosures plus what every view needs from units, and which document
 * a view shows for a unit and year), never shown as part of `disclosures`. */
export const DOCS_MEM_EXTRA = [
  '_region',
  '_level',
  '_category',
  '_pick',
  '_pick_kind',
  '_pick_source',
  '_pick_kind_source'
] as const;

/** Which `_pick…` column picks one document per unit and year (a budget before a final account, then the
 * smaller doc_id), among all documents or among those of the same kind and/or source. */
export function pickColumn(sameKind: boolean, sameSource: boolean): (typeof DOCS_MEM_EXTRA)[number] {
  if (sameKind) return sameSource ? '_pick_kind_source' : '_pick_kind';
  return sameSource ? '_pick_source' : '_pick';
}

/** The like-for-like prior-year value of a figure on docs_mem, and where it comes from ('stated' in the
 * document, or the 'prior_doc' of the same unit, kind and scope a year before). Columns of docs_mem, not of
 * `disclosures`. */
export const priorColumn = (f: FigureName) => `_prior_${f}` as const;
export const priorSourceColumn = (f: FigureName) => `_prior_src_${f}` as const;
export const PRIOR_COLUMNS: readonly string[] = PREV_FIGURES.flatMap((f) => [
  priorColumn(f),
  priorSourceColumn(f)
]);
export type PriorSource = 'stated' | 'prior_doc';

/** Over `base` (documents with kind, scope and figures; `source` the same rows unadorned): each figure's like-for-like prior. The document's own
 * statement counts when it is of the document's kind (prev_basis equal to kind, or not said: documents compare
 * a budget with last year's budget and a final account with last year's); else the figure of the same unit's
 * document of the same kind and scope a year before (the smallest, should there be two). */
export function priorSelect(base: string, source: string): string {
  const stated = (f: FigureName) =>
    `CASE WHEN b.${PREV_BASIS} IS NULL OR b.${PREV_BASIS} = b.kind THEN b."${prevName(f)}" END`;
  const cols = PREV_FIGURES.map(
    (f) => `COALESCE(${stated(f)}, pd."${f}") AS ${priorColumn(f)},
  CASE WHEN ${stated(f)} IS NOT NULL THEN 'stated' WHEN pd."${f}" IS NOT NULL THEN 'prior_doc' END AS ${priorSourceColumn(f)}`
  ).join(',\n  ');
  const mins = PREV_FIGURES.map((f) => `min("${f}") AS "${f}"`).join(', ');
  return `SELECT b.*,
  ${cols}
FROM (${base}) b
LEFT JOIN (
  SELECT unit_id, year, kind, scope, ${mins} FROM (${source}) GROUP BY unit_id, year, kind, scope
) pd ON pd.unit_id = b.unit_id AND pd.year = b.year - 1 AND pd.kind = b.kind
  AND pd.scope IS NOT DISTINCT FROM b.scope`;
}

const KIND_RANK = `(CASE s.kind WHEN 'budget' THEN 0 ELSE 1 END)`;

/** `docs_mem` over a disclosures source and the `units` table: each document once, with its unit's region
 * (else its own), level and category, and its pick flags. Only a unit-year with more than one document is
 * ranked (windows over every row would cost more than all the rest); with `several` false (the manifest
 * says no unit-year has two documents) every flag is true and nothing is ranked. Within a kind, a document
 * of no kind stands alone (no kind filter ever selects it). */
export function docsMemSelect(source: string, several = true): string {
  const unitCols = `COALESCE(u.region, s.region) AS _region, u.level AS _level, u.category AS _category`;
  if (!several) {
    return `SELECT s.*, ${unitCols}, true AS _pick, true AS _pick_kind, true AS _pick_source,
  true AS _pick_kind_source
FROM (${source}) s LEFT JOIN units u ON u.unit_id = s.unit_id`;
  }
  const rn = (partition: string, order: string) =>
    `row_number() OVER (PARTITION BY s.unit_id, s.year${partition} ORDER BY ${order}) = 1`;
  return `WITH src AS (${source}),
multi AS (
  SELECT unit_id, year FROM src WHERE unit_id IS NOT NULL AND year IS NOT NULL
  GROUP BY unit_id, year HAVING count(*) > 1
),
ranked AS (
  SELECT s.doc_id,
    ${rn('', `${KIND_RANK}, s.doc_id`)} AS p,
    (${rn(', s.kind', 's.doc_id')} OR s.kind IS NULL) AS pk,
    ${rn(', s.source_kind', `${KIND_RANK}, s.doc_id`)} AS ps,
    (${rn(', s.kind, s.source_kind', 's.doc_id')} OR s.kind IS NULL) AS pks
  FROM src s JOIN multi m ON m.unit_id = s.unit_id AND m.year = s.year
)
SELECT s.*, ${unitCols},
  COALESCE(r.p, true) AS _pick, COALESCE(r.pk, true) AS _pick_kind,
  COALESCE(r.ps, true) AS _pick_source, COALESCE(r.pks, true) AS _pick_kind_source
FROM src s LEFT JOIN units u ON u.unit_id = s.unit_id LEFT JOIN ranked r ON r.doc_id = s.doc_id`;
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
}

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
 * `disclosures` is a view over `docs_mem`, which holds its rows (units first: docs_mem joins them). */
export function createViewsSql(
  files: Record<TableName, string[]>,
  inMemory: readonly TableName[] = [],
  several = true,
  withLocal = false
): ViewStatement[] {
  const served = (t: TableName) => {
    const list = files[t];
    if (!list.length) throw new Error(`no Parquet file for table ${t}`);
    return `SELECT * FROM read_parquet([${list.map(sqlString).join(', ')}])`;
  };
  const source = (t: TableName) => (withLocal ? withLocalRows(t, served(t)) : served(t));
  const kind = (t: TableName) => (inMemory.includes(t) ? 'TABLE' : 'VIEW');
  const order: TableName[] = ['units', ...TABLE_NAMES.filter((t) => t !== 'units' && t !== 'disclosures')];
  const out: ViewStatement[] = order.map((t) => ({
    table: t,
    sql: `CREATE OR REPLACE ${kind(t)} ${t} AS ${source(t)}`
  }));
  out.push(
    {
      table: 'disclosures',
      sql: `CREATE OR REPLACE ${kind('disclosures')} docs_mem AS ${priorSelect(docsMemSelect(source('disclosures'), several), source('disclosures'))}`
    },
    {
      table: 'disclosures',
      sql: `CREATE OR REPLACE VIEW disclosures AS SELECT * EXCLUDE (${[...DOCS_MEM_EXTRA, ...PRIOR_COLUMNS].join(', ')}) FROM docs_mem`
    }
  );
  return out;
}
