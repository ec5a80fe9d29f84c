// 人均 per capita: an amount divided by a chosen headcount (在职 by default), with the spread of the unit's
// peers. A NULL or zero headcount gives NULL, never a division by zero.
import { latestYear, type Facets } from './facets';
import { resolveFilters, type Filters } from './filters';
import {
  clampLimit,
  DEFAULT_ROW_LIMIT,
  ROW_LIMIT_MAX,
  docsCte,
  IDENTITY_SQL,
  type IdentityRow
} from './docs';
import {
  column,
  DEFAULT_DENOMINATOR,
  DEFAULT_METRIC,
  metricOf,
  metricSql,
  type Denominator,
  type MetricId,
  type PeerGroup
} from './metrics';
import type { Query } from './types';

export interface PercapitaParams extends Filters {
  year?: number;
  /** an amount metric (万元) */
  metric?: MetricId;
  per?: Denominator;
  /** whose spread each unit is drawn against; default: all units in the filter */
  peers?: PeerGroup;
  /** default DEFAULT_ROW_LIMIT (200), at most ROW_LIMIT_MAX */
  limit?: number;
}

export interface PercapitaRow extends IdentityRow {
  amount: number;
  headcount: number;
  /** amount / headcount, 万元 per person */
  value: number;
  peer_n: number;
  peer_q1: number;
  peer_median: number;
  peer_q3: number;
}

export const PERCAPITA_DEFAULT_PEERS: PeerGroup = 'all';

/** units whose amount or headcount is missing or zero are not rows; count them with percapitaSpreadQuery */
export const PEER_PARTITION: Record<PeerGroup, string> = {
  all: '',
  level: 'PARTITION BY level',
  category: 'PARTITION BY category',
  region_level: 'PARTITION BY region, level'
};

function percapitaBase(p: PercapitaParams, facets: Facets, params: unknown[]): string {
  const { filters } = resolveFilters(p, facets);
  const year = p.year ?? latestYear(facets) ?? 0;
  const metric = p.metric ?? DEFAULT_METRIC;
  if (metricOf(metric).unit !== '万元') throw new Error(`per-capita needs an amount metric, not ${metric}`);
  const per = column(p.per ?? DEFAULT_DENOMINATOR);
  return `WITH ${docsCte(filters, { year }, params)},
v AS (
  SELECT ${IDENTITY_SQL}, ${metricSql(metric)} AS amount, CAST(${per} AS DOUBLE) AS headcount,
    CASE WHEN ${per} IS NULL OR ${per} = 0 THEN NULL ELSE ${metricSql(metric)} / ${per} END AS value
  FROM docs d
)`;
}

export function percapitaQuery(p: PercapitaParams, facets: Facets): Query {
  const params: unknown[] = [];
  const base = percapitaBase(p, facets, params);
  const w = PEER_PARTITION[p.peers ?? PERCAPITA_DEFAULT_PEERS];
  params.push(clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  return {
    sql: `${base}
SELECT *,
  CAST(count(value) OVER (${w}) AS INTEGER) AS peer_n,
  quantile_cont(value, 0.25) OVER (${w}) AS peer_q1,
  quantile_cont(value, 0.5) OVER (${w}) AS peer_median,
  quantile_cont(value, 0.75) OVER (${w}) AS peer_q3
FROM v WHERE value IS NOT NULL
ORDER BY value DESC, unit_name, unit_id
LIMIT ?`,
    params
  };
}

/** Spread over all units of the filter; `missing` counts units without an amount or a non-zero headcount. */
export function percapitaSpreadQuery(p: PercapitaParams, facets: Facets): Query {
  const params: unknown[] = [];
  const base = percapitaBase(p, facets, params);
  return {
    sql: `${base}
SELECT CAST(count(value) AS INTEGER) AS n, CAST(count(*) - count(value) AS INTEGER) AS missing,
  min(value) AS min, quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.5) AS median,
  quantile_cont(value, 0.75) AS q3, max(value) AS max
FROM v`,
    params
  };
}
