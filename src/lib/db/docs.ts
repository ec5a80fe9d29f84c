// The `docs` CTE every one-year and multi-year view starts from: one document per unit and year (a budget
// before a final account when a unit has both and no kind is chosen), joined with the unit's level and
// category, filtered.
import type { SourceKind } from '../model';
import { DOC_COLUMNS, filterConditions, placeholder, type Filters } from './filters';
import { column } from './metrics';
import { DOCS_MEM_EXTRA, pickColumn } from './views';

export interface YearSpan {
  year?: number;
  from?: number;
  to?: number;
}

export interface DocsOptions {
  /** filters not to apply */
  skip?: (keyof Filters)[];
  /** compute once for a query that reads `docs` several times, keeping only these figure columns */
  materialize?: readonly string[];
}

const IDENTITY_COLUMNS = ['doc_id', 'unit_id', 'unit_name', 'year', 'kind', 'scope', 'source_kind'];

/** `docs AS (…)` over docs_mem; pushes its parameters onto `params` in text order. Not materialised, the CTE
 * is inlined and DuckDB reads only the columns the query uses; materialised, it holds only the columns
 * named. One document per unit and year: docs_mem's pick flag for the filters in force (with a kind or a
 * source chosen, the pick is among the documents of that kind or source). */
export function docsCte(f: Filters, span: YearSpan, params: unknown[], opts: DocsOptions = {}): string {
  const skip = opts.skip ?? [];
  const conds: string[] = [];
  if (span.year !== undefined) {
    params.push(span.year);
    conds.push(`d.year = ${placeholder(span.year)}`);
  }
  if (span.from !== undefined) {
    params.push(span.from);
    conds.push(`d.year >= ${placeholder(span.from)}`);
  }
  if (span.to !== undefined) {
    params.push(span.to);
    conds.push(`d.year <= ${placeholder(span.to)}`);
  }
  conds.push(...filterConditions(f, params, DOC_COLUMNS, skip));
  const pick = pickColumn(
    Boolean(f.kind && !skip.includes('kind')),
    Boolean(f.sources?.length && !skip.includes('sources'))
  );
  conds.push(`d.${pick}`);
  const where = `WHERE ${conds.join('\n    AND ')}`;
  const cols = opts.materialize
    ? [...IDENTITY_COLUMNS, ...opts.materialize].map((c) => column(c)).join(', ')
    : `d.* EXCLUDE (region, ${DOCS_MEM_EXTRA.join(', ')})`;
  return `docs AS ${opts.materialize ? 'MATERIALIZED ' : ''}(
  SELECT ${cols}, d._region AS region, d._level AS level, d._category AS category
  FROM docs_mem d
  ${where}
)`;
}

/** The identity columns of a unit-year row, selected from `docs` aliased `d`. */
export const IDENTITY_SQL =
  'd.unit_id, d.unit_name, d.region, d.level, d.category, d.source_kind, d.doc_id, d.year, d.kind, d.scope';

export interface IdentityRow {
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  level: string | null;
  category: string | null;
  source_kind: SourceKind;
  doc_id: string;
  year: number;
  kind: 'budget' | 'final' | null;
  scope: 'department' | 'unit' | null;
}

/** Rows a one-year view returns unless asked for more: every unit of the default data, bounded for a 100k corpus
 * (a chart of 200 bars redraws within 100 ms there; 500 did not).
 * Ranks and spreads are computed over all rows before the limit; pass `limit: ROW_LIMIT_MAX` for exports. */
export const DEFAULT_ROW_LIMIT = 200;
/** The row counts a one-year view offers (its `limit`, `n=` in the URL). */
export const ROW_LIMIT_CHOICES = [50, 100, 200, 500, 1000] as const;
export const ROW_LIMIT_MAX = 100_000;

/** A positive integer limit, clamped; never taken from text into SQL unchecked. */
export function clampLimit(n: number | undefined, dflt: number, max: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(max, Math.trunc(n)));
}
