// 对标 benchmark: one unit's document against its peers' documents of the same year and kind (same region
// and level, or same category): the unit's percentile in every figure (and its 公开完整度), and outliers by the
// IQR rule.
import { FIGURE_NAMES, SCORES, type FigureName, type Kind, type ScoreName, type SourceKind } from '../model';
import { knownUnitIds, type Facets } from './facets';
import { resolveFilters } from './filters';
import { docsCte } from './docs';
import { column } from './metrics';
import type { PeerGroup } from './metrics';
import type { Query } from './types';

export interface BenchmarkParams {
  unit: string;
  /** default: the unit's latest year */
  year?: number;
  kind?: Kind;
  sources?: SourceKind[];
  /** default region_level */
  peers?: PeerGroup;
}

export interface BenchmarkRow {
  metric: FigureName | ScoreName;
  metric_order: number;
  doc_id: string;
  year: number;
  /** the unit's own value; null when its document does not state it */
  value: number | null;
  /** peers with a value, the unit included */
  n: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** 0–100: share of the other peers below the unit's value (percent_rank × 100); null with fewer than 2 values */
  percentile: number | null;
  /** 'high' / 'low' beyond 1.5 × IQR from the quartiles (only with at least BENCHMARK_MIN_PEERS values) */
  outlier: 'high' | 'low' | null;
}

export const BENCHMARK_MIN_PEERS = 4;
export const BENCHMARK_DEFAULT_PEERS: PeerGroup = 'region_level';

/** Every value metric: the figures, then the disclosure's scores. */
const BENCHMARK_COLUMNS: readonly (FigureName | ScoreName)[] = [
  ...FIGURE_NAMES,
  ...SCORES.map((s) => s.name as ScoreName)
];

const PEER_MATCH: Record<PeerGroup, string> = {
  region_level: 'p.region IS NOT DISTINCT FROM t.region AND p.level IS NOT DISTINCT FROM t.level',
  category: 'p.category IS NOT DISTINCT FROM t.category',
  level: 'p.level IS NOT DISTINCT FROM t.level',
  all: 'TRUE'
};

/** The unit's latest year in the data, if any. */
export function unitLatestYear(unit: string, facets: Facets): number | undefined {
  return facets.units.find((u) => u.unit_id === unit)?.last_year ?? undefined;
}

/** Returns null when the unit id is not in the data. */
export function benchmarkQuery(p: BenchmarkParams, facets: Facets): Query | null {
  if (!knownUnitIds(facets).has(p.unit)) return null;
  const params: unknown[] = [];
  const { filters } = resolveFilters({ kind: p.kind, sources: p.sources }, facets);
  const year = p.year ?? unitLatestYear(p.unit, facets) ?? 0;
  const cte = docsCte(filters, { year }, params, { materialize: BENCHMARK_COLUMNS });
  params.push(p.unit);
  const values = BENCHMARK_COLUMNS.map((f) => `CAST(${column(f, 'p')} AS DOUBLE)`).join(', ');
  const names = BENCHMARK_COLUMNS.map((f, i) => `(${i}, '${f}')`).join(', ');
  const match = PEER_MATCH[p.peers ?? BENCHMARK_DEFAULT_PEERS];
  params.push(BENCHMARK_MIN_PEERS);
  return {
    sql: `WITH ${cte},
target AS (SELECT * FROM docs WHERE unit_id = ?),
peers AS (SELECT p.* FROM docs p, target t WHERE p.kind IS NOT DISTINCT FROM t.kind AND ${match}),
long AS (
  SELECT unit_id, unnest(range(${BENCHMARK_COLUMNS.length})) AS metric_order, unnest([${values}]) AS value FROM peers p
),
ranked AS (
  SELECT unit_id, metric_order, value, percent_rank() OVER (PARTITION BY metric_order ORDER BY value) AS pr
  FROM long WHERE value IS NOT NULL
),
stats AS (
  SELECT metric_order, CAST(count(*) AS INTEGER) AS n, min(value) AS min, quantile_cont(value, 0.25) AS q1,
    quantile_cont(value, 0.5) AS median, quantile_cont(value, 0.75) AS q3, max(value) AS max
  FROM ranked GROUP BY metric_order
),
names(metric_order, metric) AS (VALUES ${names})
SELECT m.metric, m.metric_order, t.doc_id, t.year, r.value,
  COALESCE(s.n, 0) AS n, s.min, s.q1, s.median, s.q3, s.max,
  CASE WHEN s.n >= 2 THEN r.pr * 100 END AS percentile,
  CASE WHEN r.value IS NULL OR s.n < ? THEN NULL
       WHEN r.value > s.q3 + 1.5 * (s.q3 - s.q1) THEN 'high'
       WHEN r.value < s.q1 - 1.5 * (s.q3 - s.q1) THEN 'low' END AS outlier
FROM names m CROSS JOIN target t
LEFT JOIN stats s ON s.metric_order = m.metric_order
LEFT JOIN ranked r ON r.metric_order = m.metric_order AND r.unit_id = t.unit_id
ORDER BY m.metric_order`,
    params
  };
}

export interface BenchmarkPeerRow {
  unit_id: string;
  unit_name: string | null;
  source_kind: SourceKind;
  doc_id: string;
}

/** The peer units benchmarkQuery compares against (the unit itself included). */
export function benchmarkPeersQuery(p: BenchmarkParams, facets: Facets): Query | null {
  if (!knownUnitIds(facets).has(p.unit)) return null;
  const params: unknown[] = [];
  const { filters } = resolveFilters({ kind: p.kind, sources: p.sources }, facets);
  const year = p.year ?? unitLatestYear(p.unit, facets) ?? 0;
  const cte = docsCte(filters, { year }, params, { materialize: [] });
  params.push(p.unit);
  return {
    sql: `WITH ${cte},
target AS (SELECT * FROM docs WHERE unit_id = ?)
SELECT p.unit_id, p.unit_name, p.source_kind, p.doc_id
FROM docs p, target t WHERE p.kind IS NOT DISTINCT FROM t.kind AND ${PEER_MATCH[p.peers ?? BENCHMARK_DEFAULT_PEERS]}
ORDER BY p.unit_name, p.unit_id`,
    params
  };
}
