// 趋势 trends: one metric over years for chosen units. Where a year's own figure is missing (no document,
// or the document does not state it) the next year's document's prior-year figure stands in, marked
// from_prev.
import type { SourceKind } from '../model';
import type { Facets } from './facets';
import { resolveFilters, withOneKind, type Filters } from './filters';
import { clampLimit, docsCte } from './docs';
import { DEFAULT_METRIC, metricOf, metricSql, statedPriorSql, type MetricId } from './metrics';
import type { Query } from './types';

export interface TrendsParams extends Filters {
  from?: number;
  to?: number;
  metric?: MetricId;
  /** when no units are chosen: this many units with the largest value in their latest year (default 8) */
  top?: number;
}

export interface TrendRow {
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  level: string | null;
  category: string | null;
  source_kind: SourceKind | null;
  /** order of the unit in the small multiples (0 first) */
  unit_order: number;
  year: number;
  /** the year's own document, if any */
  doc_id: string | null;
  /** the kind of the document the point's value comes from (the view shows one kind: all points share it) */
  kind: 'budget' | 'final' | null;
  scope: 'department' | 'unit' | null;
  own_value: number | null;
  /** the next year's document's statement of this year's figure */
  next_prev_value: number | null;
  next_doc_id: string | null;
  /** own_value, else next_prev_value, else null */
  value: number | null;
  from_prev: boolean;
  /** where the point comes from: the year's own 'document', or the next year's document's 'next_statement' */
  point_source: 'document' | 'next_statement' | null;
}

export const TRENDS_DEFAULT_TOP = 8;

export function yearSpan(p: { from?: number; to?: number }, facets: Facets): { from: number; to: number } {
  const lo = facets.years[0] ?? 0;
  const hi = facets.years[facets.years.length - 1] ?? 0;
  let from = p.from ?? lo;
  let to = p.to ?? hi;
  if (from > to) [from, to] = [to, from];
  return { from, to };
}

export function trendsQuery(p: TrendsParams, facets: Facets): Query {
  const params: unknown[] = [];
  const { filters } = resolveFilters(withOneKind(p, facets), facets);
  const { from, to } = yearSpan(p, facets);
  const metric = p.metric ?? DEFAULT_METRIC;
  // the next year is read too, for its prior-year figures
  const cte = docsCte(filters, { from, to: to + 1 }, params);
  let chosen: string;
  if (filters.units?.length) {
    const ids = filters.units;
    params.push(...ids);
    chosen = `chosen AS (
  SELECT unit_id, CAST(ord AS INTEGER) AS unit_order
  FROM (SELECT unnest([${ids.map(() => '?').join(', ')}]) AS unit_id, unnest(range(${ids.length})) AS ord)
)`;
  } else {
    params.push(to, clampLimit(p.top, TRENDS_DEFAULT_TOP, 1000));
    // each unit's latest stated value (one document per unit and year: arg_max by year), the top ones
    chosen = `chosen AS (
  SELECT unit_id, CAST(row_number() OVER (ORDER BY value DESC, unit_name, unit_id) - 1 AS INTEGER) AS unit_order
  FROM (
    SELECT d.unit_id, arg_max(d.unit_name, d.year) AS unit_name, arg_max(${metricSql(metric)}, d.year) AS value
    FROM docs d
    WHERE d.year <= CAST(? AS INTEGER) AND ${metricSql(metric)} IS NOT NULL
    GROUP BY d.unit_id
    ORDER BY value DESC, unit_name, unit_id
    LIMIT ?
  )
)`;
  }
  params.push(from, to);
  // the next year's statement of this year's figure, when it is of the same kind (the view shows one kind)
  const nextPrev =
    metricOf(metric).measure === 'value' ? statedPriorSql(metric, 'nxt') : 'CAST(NULL AS DOUBLE)';
  return {
    sql: `WITH ${cte},
${chosen},
span AS (SELECT CAST(range AS INTEGER) AS year FROM range(CAST(? AS BIGINT), CAST(? AS BIGINT) + 1))
SELECT c.unit_id, un.unit_name, un.region, un.level, un.category, un.source_kind, c.unit_order, s.year,
  own.doc_id, ${metricSql(metric, 'own')} AS own_value,
  ${nextPrev} AS next_prev_value, nxt.doc_id AS next_doc_id,
  COALESCE(own_value, next_prev_value) AS value,
  (own_value IS NULL AND next_prev_value IS NOT NULL) AS from_prev,
  CASE WHEN own_value IS NOT NULL THEN 'document' WHEN next_prev_value IS NOT NULL THEN 'next_statement' END
    AS point_source,
  CASE WHEN own_value IS NULL AND next_prev_value IS NOT NULL THEN nxt.kind ELSE own.kind END AS kind,
  CASE WHEN own_value IS NULL AND next_prev_value IS NOT NULL THEN nxt.scope ELSE own.scope END AS scope
FROM chosen c CROSS JOIN span s
LEFT JOIN units un ON un.unit_id = c.unit_id
LEFT JOIN docs own ON own.unit_id = c.unit_id AND own.year = s.year
LEFT JOIN docs nxt ON nxt.unit_id = c.unit_id AND nxt.year = s.year + 1
ORDER BY c.unit_order, s.year`,
    params
  };
}
