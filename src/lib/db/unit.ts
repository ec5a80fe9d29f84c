// 单位 unit page: a unit's documents, and one document rebuilt — its disclosure row, line items by table,
// projects and findings, each with the source line it came from.
import type {
  DisclosureRow,
  FindingRow,
  Kind,
  LineItemRow,
  ProjectRow,
  Scope,
  SourceKind,
  UnitRow
} from '../model';
import type { Query } from './types';

export interface UnitDocRow {
  doc_id: string;
  year: number | null;
  kind: Kind | null;
  scope: Scope | null;
  source_kind: SourceKind;
  source_file: string;
  published_on: string | null;
  findings: number;
  errors: number;
}

export function unitQuery(unitId: string): Query {
  return { sql: 'SELECT * FROM units WHERE unit_id = ?', params: [unitId] };
}
export type { UnitRow };

/** The unit's documents, latest year first, budget before final. */
export function unitDocsQuery(unitId: string): Query {
  return {
    sql: `SELECT d.doc_id, d.year, d.kind, d.scope, d.source_kind, d.source_file, d.published_on,
  CAST(count(f.doc_id) AS INTEGER) AS findings,
  CAST(count(f.doc_id) FILTER (WHERE f.severity = 'error') AS INTEGER) AS errors
FROM disclosures d LEFT JOIN findings f ON f.doc_id = d.doc_id
WHERE d.unit_id = ?
GROUP BY d.doc_id, d.year, d.kind, d.scope, d.source_kind, d.source_file, d.published_on
ORDER BY d.year DESC NULLS LAST, CASE d.kind WHEN 'budget' THEN 0 ELSE 1 END,
  CASE d.scope WHEN 'department' THEN 0 WHEN 'unit' THEN 2 ELSE 1 END, d.doc_id`,
    params: [unitId]
  };
}

/** Pick the document a unit page shows: the given year/kind if present, else the latest. */
export function pickDoc(
  docs: UnitDocRow[],
  year?: number,
  kind?: Kind,
  scope?: Scope
): UnitDocRow | undefined {
  const fits = (d: UnitDocRow) =>
    (year === undefined || d.year === year) && (kind === undefined || d.kind === kind);
  return (
    docs.find((d) => fits(d) && (scope === undefined || d.scope === scope)) ??
    docs.find(fits) ??
    docs.find((d) => year === undefined || d.year === year) ??
    docs[0]
  );
}

export function disclosureQuery(docId: string): Query {
  return { sql: 'SELECT * FROM disclosures WHERE doc_id = ?', params: [docId] };
}
export type { DisclosureRow };

export function lineItemsQuery(docId: string): Query {
  return {
    sql: `SELECT * FROM line_items WHERE doc_id = ?
ORDER BY table_no NULLS LAST, source_line, measure`,
    params: [docId]
  };
}
export type { LineItemRow };

export function projectsQuery(docId: string): Query {
  return { sql: 'SELECT * FROM projects WHERE doc_id = ? ORDER BY source_line, name', params: [docId] };
}
export type { ProjectRow };

export function docFindingsQuery(docId: string): Query {
  return {
    sql: `SELECT * FROM findings WHERE doc_id = ?
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "check", source_lines, message_en`,
    params: [docId]
  };
}
export type { FindingRow };

/** Line items grouped by table number (null table last), keeping their order. */
export function groupByTable(items: LineItemRow[]): { table_no: number | null; items: LineItemRow[] }[] {
  const out: { table_no: number | null; items: LineItemRow[] }[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && last.table_no === it.table_no) last.items.push(it);
    else out.push({ table_no: it.table_no, items: [it] });
  }
  return out;
}
