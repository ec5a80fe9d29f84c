// The `docs` CTE every one-year and multi-year view starts from: one document per unit and year (a budget
// before a final account when a unit has both and no kind is chosen), joined with the unit's level and
// category, filtered.
import { DOC_COLUMNS, filterConditions, type Filters } from './filters';

export interface YearSpan {
  year?: number;
  from?: number;
  to?: number;
}

/** `docs AS (…)`; pushes its parameters onto `params` in text order. */
export function docsCte(f: Filters, span: YearSpan, params: unknown[], skip: (keyof Filters)[] = []): string {
  const conds: string[] = [];
  if (span.year !== undefined) {
    params.push(span.year);
    conds.push('d.year = ?');
  }
  if (span.from !== undefined) {
    params.push(span.from);
    conds.push('d.year >= ?');
  }
  if (span.to !== undefined) {
    params.push(span.to);
    conds.push('d.year <= ?');
  }
  conds.push(...filterConditions(f, params, DOC_COLUMNS, skip));
  const where = conds.length ? `WHERE ${conds.join('\n    AND ')}` : '';
  return `docs AS MATERIALIZED (
  SELECT d.* EXCLUDE (region), COALESCE(u.region, d.region) AS region, u.level, u.category
  FROM disclosures d LEFT JOIN units u ON u.unit_id = d.unit_id
  ${where}
  QUALIFY row_number() OVER (
    PARTITION BY d.unit_id, d.year ORDER BY CASE d.kind WHEN 'budget' THEN 0 ELSE 1 END, d.doc_id
  ) = 1
)`;
}

/** The identity columns of a unit-year row, selected from `docs` aliased `d`. */
export const IDENTITY_SQL =
  'd.unit_id, d.unit_name, d.region, d.level, d.category, d.source_kind, d.doc_id, d.year, d.kind';

export interface IdentityRow {
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  level: string | null;
  category: string | null;
  source_kind: 'published' | 'synthetic';
  doc_id: string;
  year: number;
  kind: 'budget' | 'final' | null;
}

/** A positive integer limit, clamped; never taken from text into SQL unchecked. */
export function clampLimit(n: number | undefined, dflt: number, max: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(max, Math.trunc(n)));
}
