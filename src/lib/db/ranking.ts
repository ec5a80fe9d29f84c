// 排名 ranking: units by one metric in one year, and the spread (quartiles) of the units shown.
import { defaultYear, type Facets } from './facets';
import { resolveFilters, withOneKind, type Filters } from './filters';
import {
  clampLimit,
  DEFAULT_ROW_LIMIT,
  ROW_LIMIT_MAX,
  docsCte,
  IDENTITY_SQL,
  type IdentityRow
} from './docs';
import { DEFAULT_METRIC, metricSql, prevMetricSql, priorSourceSql, type MetricId } from './metrics';
import type { PriorSource } from './views';
import type { Query } from './types';

export interface RankingParams extends Filters {
  /** default: the latest year in the data */
  year?: number;
  metric?: MetricId;
  order?: 'desc' | 'asc';
  /** default DEFAULT_ROW_LIMIT (200), at most ROW_LIMIT_MAX */
  limit?: number;
}

export interface RankingRow extends IdentityRow {
  value: number;
  /** the base of a change: the figure's like-for-like prior-year value, if known */
  prev_value: number | null;
  /** where prev_value comes from: stated in the document, or the prior-year document of the same kind */
  prev_source: PriorSource | null;
  /** 1 = largest (or smallest with order 'asc'); ties share a rank */
  rank: number;
}

export interface SpreadRow {
  /** units with a value */
  n: number;
  /** units in the filter without a value (the document does not state it) */
  missing: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** `docs` and `v` (the units' values; read twice, by the spread and by the ranked rows: materialised once) */
function rankingBase(p: RankingParams, facets: Facets, params: unknown[]): string {
  const { filters } = resolveFilters(withOneKind(p, facets), facets);
  const year = p.year ?? defaultYear(facets) ?? 0;
  const metric = p.metric ?? DEFAULT_METRIC;
  return `WITH ${docsCte(filters, { year }, params)},
v AS MATERIALIZED (
  SELECT ${IDENTITY_SQL}, ${metricSql(metric)} AS value, ${prevMetricSql(metric)} AS prev_value,
    ${priorSourceSql(metric)} AS prev_source FROM docs d
)`;
}

/** The first `limit` units of v with a value, ranked. rank() over that prefix is the rank among all units
 * (every unit with a greater value is in it), and sorts the prefix only, not every unit. */
function rankedSql(dir: 'ASC' | 'DESC'): string {
  return `SELECT *, CAST(rank() OVER (ORDER BY value ${dir}) AS INTEGER) AS rank FROM (
  SELECT * FROM v WHERE value IS NOT NULL ORDER BY value ${dir}, unit_name, unit_id LIMIT ?
)`;
}

/** The ranking in one round trip: the first units by the metric, ranked, with the spread of every unit in the
 * filter as columns on each row (one row of spread alone when no unit has a value). Split with splitRanking. */
export function rankingQuery(p: RankingParams, facets: Facets): Query {
  const params: unknown[] = [];
  const base = rankingBase(p, facets, params);
  const dir = p.order === 'asc' ? 'ASC' : 'DESC';
  params.push(clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  return {
    sql: `${base},
s AS (${spreadSql('v')}),
r AS (${rankedSql(dir)})
SELECT s.*, r.* FROM s LEFT JOIN r ON true
ORDER BY r.value ${dir}, r.unit_name, r.unit_id`,
    params
  };
}

const SPREAD_KEYS = ['n', 'missing', 'min', 'q1', 'median', 'q3', 'max'] as const;

/** rankingQuery's rows → the ranked rows and the spread. */
export const splitRanking = (rows: (RankingRow & SpreadRow)[]) => splitSpread<RankingRow>(rows);

/** Rows that carry the spread as columns (rankingQuery, executionQuery) → the rows and the spread. */
export function splitSpread<R extends { unit_id: string }>(
  rows: (R & SpreadRow)[]
): { rows: R[]; spread: SpreadRow } {
  const first = rows[0];
  const spread = Object.fromEntries(
    SPREAD_KEYS.map((k) => [k, first ? first[k] : null])
  ) as unknown as SpreadRow;
  if (!first) Object.assign(spread, { n: 0, missing: 0 });
  const ranked = rows
    .filter((r) => r.unit_id !== null)
    .map((r) => {
      const out = { ...r } as Partial<R & SpreadRow>;
      for (const k of SPREAD_KEYS) delete out[k];
      return out as unknown as R;
    });
  return { rows: ranked, spread };
}

/** Aggregates the column `value` of `from` into a SpreadRow (the three quartiles in one pass). */
export const spreadSql = (
  from: string
) => `SELECT n, missing, min, q[1] AS q1, q[2] AS median, q[3] AS q3, max FROM (
  SELECT CAST(count(value) AS INTEGER) AS n, CAST(count(*) - count(value) AS INTEGER) AS missing,
    min(value) AS min, quantile_cont(value, [0.25, 0.5, 0.75]) AS q, max(value) AS max
  FROM ${from}
)`;
