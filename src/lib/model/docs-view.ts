// The disclosures as every view reads them (`docs_mem` in the browser): each document once, with its unit's
// region, level and category, which document a view shows for a unit and year, and each figure's
// like-for-like prior. One SQL definition, run by the ingest (native DuckDB) to write docs_view.parquet for
// the served data, and by the browser (DuckDB-WASM) when the reader's own documents join them or a data
// folder has no such file.
import { PREV_BASIS, PREV_FIGURES, prevName, type FigureName } from './schema';

/** The file the ingest writes it to, and the manifest key that lists it (`docs_view: { file, rows, … }`). */
export const DOCS_VIEW_FILE = 'docs_view.parquet';
export const DOCS_VIEW_KEY = 'docs_view';

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

/** The whole definition over a disclosures source (read more than once: a table or a file, not a join) and
 * the `units` table. */
export const docsViewSelect = (source: string, several = true): string =>
  priorSelect(docsMemSelect(source, several), source);

/** The extra columns docsViewSelect adds to the disclosures (never shown as part of `disclosures`). */
export const DOCS_VIEW_EXTRA: readonly string[] = [...DOCS_MEM_EXTRA, ...PRIOR_COLUMNS];
