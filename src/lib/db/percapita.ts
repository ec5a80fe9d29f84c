// 人均 per capita: an amount divided by a chosen headcount (在职 by default), with the spread of the unit's
// peers. A NULL or zero headcount gives NULL, never a division by zero.
import { defaultYear, type Facets } from './facets';
import { spreadSql } from './ranking';
import { resolveFilters, withOneKind, type Filters } from './filters';
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

/** The columns that make a peer group (none: every unit of the filter). Units whose amount or headcount is
 * missing or zero are not rows; count them with percapitaSpreadQuery. */
export const PEER_COLUMNS: Record<PeerGroup, readonly string[]> = {
  all: [],
  level: ['level'],
  category: ['category'],
  region_level: ['region', 'level']
};

function percapitaBase(p: PercapitaParams, facets: Facets, params: unknown[], materialize = false): string {
  const { filters } = resolveFilters(withOneKind(p, facets), facets);
  const year = p.year ?? defaultYear(facets) ?? 0;
  const metric = p.metric ?? DEFAULT_METRIC;
  if (metricOf(metric).unit !== '万元') throw new Error(`per-capita needs an amount metric, not ${metric}`);
  const per = column(p.per ?? DEFAULT_DENOMINATOR);
  return `WITH ${docsCte(filters, { year }, params)},
v AS ${materialize ? 'MATERIALIZED ' : ''}(
  SELECT ${IDENTITY_SQL}, ${metricSql(metric)} AS amount, CAST(${per} AS DOUBLE) AS headcount,
    CASE WHEN ${per} IS NULL OR ${per} = 0 THEN NULL ELSE ${metricSql(metric)} / ${per} END AS value
  FROM docs d
)`;
}

export function percapitaQuery(p: PercapitaParams, facets: Facets): Query {
  const params: unknown[] = [];
  const base = percapitaBase(p, facets, params, true);
  const cols = PEER_COLUMNS[p.peers ?? PERCAPITA_DEFAULT_PEERS];
  params.push(clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  // each peer group's spread once (a group by), joined to the first rows; a NULL level or category is a
  // group of its own, as a window partition would make it
  const on = cols.length ? cols.map((c) => `g.${c} IS NOT DISTINCT FROM t.${c}`).join(' AND ') : 'true';
  return {
    sql: `${base},
t AS (SELECT * FROM v WHERE value IS NOT NULL ORDER BY value DESC, unit_name, unit_id LIMIT ?),
g AS (
  SELECT ${cols.map((c) => `${c}, `).join('')}CAST(count(value) AS INTEGER) AS n,
    quantile_cont(value, [0.25, 0.5, 0.75]) AS q
  FROM v WHERE value IS NOT NULL${cols.length ? ` GROUP BY ${cols.join(', ')}` : ''}
)
SELECT t.*, g.n AS peer_n, g.q[1] AS peer_q1, g.q[2] AS peer_median, g.q[3] AS peer_q3
FROM t LEFT JOIN g ON ${on}
ORDER BY t.value DESC, t.unit_name, t.unit_id`,
    params
  };
}

/** Spread over all units of the filter; `missing` counts units without an amount or a non-zero headcount. */
export function percapitaSpreadQuery(p: PercapitaParams, facets: Facets): Query {
  const params: unknown[] = [];
  const base = percapitaBase(p, facets, params);
  return { sql: `${base}\n${spreadSql('v')}`, params };
}
