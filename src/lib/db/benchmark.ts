// 对标 benchmark: one unit's document against its peers' documents of the same year and kind (same region
// and level, or same category): the unit's percentile in every figure, per head of staff (实有人数, 编制数)
// and its 公开完整度, tied values as a range of percentiles, outliers by the IQR rule. A peer group with too
// few units is widened (region and level → region → level → all), and who is left out is counted.
import { FIGURE_NAMES, SCORES, type FigureName, type Kind, type ScoreName, type SourceKind } from '../model';
import { knownUnitIds, type Facets } from './facets';
import { resolveFilters, inList } from './filters';
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
  /** default region_level; a benchmark also widens to 'region' (see PEER_WIDENING) */
  peers?: BenchmarkGroup;
}

/** The URL's peer groups and 'region' (same region, every level), a step of the widening. */
export type BenchmarkGroup = PeerGroup | 'region';
export const BENCHMARK_GROUPS: readonly BenchmarkGroup[] = [
  'region_level',
  'region',
  'level',
  'category',
  'all'
];

/** An amount per head: `public_expense/staff_actual`. */
export type PerHeadMetric = `${FigureName}/${'staff_actual' | 'staff_authorized'}`;

export interface BenchmarkRow {
  metric: FigureName | ScoreName | PerHeadMetric;
  metric_order: number;
  doc_id: string;
  year: number;
  /** the kind of the unit's document (the peers' documents are of the same kind) */
  kind: Kind | null;
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
  /** the top of the range a tied value spans: percentile + (ties − 1) / (n − 1) × 100 (= percentile untied) */
  percentile_hi: number | null;
  /** peers with exactly the unit's value, the unit included */
  ties: number | null;
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

/** The amounts the benchmark also gives per head of 实有人数 and of 编制数. */
const PER_HEAD_AMOUNTS: readonly FigureName[] = [
  'total_expenditure',
  'personnel_expense',
  'public_expense',
  'operating_expense',
  'three_public_total'
];
export const PER_HEAD_METRICS: readonly PerHeadMetric[] = (
  ['staff_actual', 'staff_authorized'] as const
).flatMap((per) => PER_HEAD_AMOUNTS.map((a) => `${a}/${per}` as PerHeadMetric));

/** Each metric's SQL over a peer's row `p` (a NULL or zero headcount gives NULL, never a division by 0). */
const METRIC_SQL: [string, string][] = [
  ...BENCHMARK_COLUMNS.map((f): [string, string] => [f, `CAST(${column(f, 'p')} AS DOUBLE)`]),
  ...PER_HEAD_METRICS.map((m): [string, string] => {
    const [amount, per] = m.split('/');
    const head = column(per, 'p');
    return [
      m,
      `CASE WHEN ${head} IS NULL OR ${head} = 0 THEN NULL ELSE CAST(${column(amount, 'p')} AS DOUBLE) / ${head} END`
    ];
  })
];

/** The smallest peer group (the unit included) the view keeps; a smaller one is widened. */
export const BENCHMARK_MIN_GROUP = 5;

/** Where a too-small peer group widens to, in order. */
export const PEER_WIDENING: Record<PeerGroup, readonly BenchmarkGroup[]> = {
  region_level: ['region_level', 'region', 'level', 'all'],
  level: ['level', 'all'],
  category: ['category', 'all'],
  all: ['all']
};

const PEER_MATCH: Record<BenchmarkGroup, string> = {
  region_level: 'p.region IS NOT DISTINCT FROM t.region AND p.level IS NOT DISTINCT FROM t.level',
  region: 'p.region IS NOT DISTINCT FROM t.region',
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
  const values = METRIC_SQL.map(([, sql]) => sql).join(', ');
  const names = METRIC_SQL.map(([id], i) => `(${i}, '${id}')`).join(', ');
  const match = PEER_MATCH[p.peers ?? BENCHMARK_DEFAULT_PEERS];
  params.push(BENCHMARK_MIN_PEERS);
  return {
    sql: `WITH ${cte},
target AS (SELECT * FROM docs WHERE unit_id = ?),
peers AS (SELECT p.* FROM docs p, target t WHERE p.kind IS NOT DISTINCT FROM t.kind AND ${match}),
long AS (
  SELECT unit_id, unnest(range(${METRIC_SQL.length})) AS metric_order, unnest([${values}]) AS value FROM peers p
),
ranked AS (
  SELECT unit_id, metric_order, value, percent_rank() OVER (PARTITION BY metric_order ORDER BY value) AS pr,
    CAST(count(*) OVER (PARTITION BY metric_order, value) AS INTEGER) AS ties
  FROM long WHERE value IS NOT NULL
),
stats AS (
  SELECT metric_order, CAST(count(*) AS INTEGER) AS n, min(value) AS min, quantile_cont(value, 0.25) AS q1,
    quantile_cont(value, 0.5) AS median, quantile_cont(value, 0.75) AS q3, max(value) AS max
  FROM ranked GROUP BY metric_order
),
names(metric_order, metric) AS (VALUES ${names})
SELECT m.metric, m.metric_order, t.doc_id, t.year, t.kind, r.value,
  COALESCE(s.n, 0) AS n, s.min, s.q1, s.median, s.q3, s.max,
  CASE WHEN s.n >= 2 THEN r.pr * 100 END AS percentile,
  CASE WHEN s.n >= 2 THEN (r.pr + (r.ties - 1) / (s.n - 1)) * 100 END AS percentile_hi,
  r.ties,
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

export interface PeerCensusRow {
  group: BenchmarkGroup;
  /** units of the group (the source filter applied) */
  units: number;
  /** with a document of the year and of the unit's kind: the peers */
  same: number;
  /** with a document of the year of the other kind only (or the other kind picked) */
  other_kind: number;
  /** without a document of the year */
  no_doc: number;
}

/** For every peer group of the unit: how many units it holds, how many are peers (a document of the same
 *  year and kind) and why the others are not. Null when the unit id is not in the data. */
export function peerCensusQuery(p: BenchmarkParams, facets: Facets): Query | null {
  if (!knownUnitIds(facets).has(p.unit)) return null;
  const params: unknown[] = [];
  const { filters } = resolveFilters({ kind: p.kind, sources: p.sources }, facets);
  const year = p.year ?? unitLatestYear(p.unit, facets) ?? 0;
  const cte = docsCte(filters, { year }, params, { materialize: [] });
  // every unit's document of the year whatever its kind: who has one of the other kind only
  const any = docsCte(filters, { year }, params, { materialize: [], skip: ['kind'] }).replace(
    /^docs AS/,
    'anydocs AS'
  );
  params.push(p.unit);
  const source = filters.sources?.length ? `WHERE ${inList('p.source_kind', filters.sources, params)}` : '';
  const same = 'd.unit_id IS NOT NULL AND d.kind IS NOT DISTINCT FROM t.kind';
  const rows = BENCHMARK_GROUPS.map((g) => {
    const m = PEER_MATCH[g];
    return `SELECT '${g}' AS "group", CAST(count(*) FILTER (WHERE ${m}) AS INTEGER) AS units,
  CAST(count(*) FILTER (WHERE ${m} AND ${same}) AS INTEGER) AS same,
  CAST(count(*) FILTER (WHERE ${m} AND NOT (${same}) AND a.unit_id IS NOT NULL) AS INTEGER) AS other_kind,
  CAST(count(*) FILTER (WHERE ${m} AND a.unit_id IS NULL) AS INTEGER) AS no_doc
FROM grp p CROSS JOIN target t LEFT JOIN docs d ON d.unit_id = p.unit_id LEFT JOIN anydocs a ON a.unit_id = p.unit_id`;
  });
  return {
    sql: `WITH ${cte},
${any},
target AS (SELECT * FROM docs WHERE unit_id = ?),
grp AS (SELECT p.unit_id, p.region, p.level, p.category FROM units p ${source})
${rows.join('\nUNION ALL\n')}`,
    params
  };
}

export interface PeerChoice {
  /** the group the view compares with */
  group: BenchmarkGroup;
  /** the group asked for, when it had fewer than `min` peers and was widened */
  widenedFrom: BenchmarkGroup | null;
  census: PeerCensusRow | null;
  /** the census of the group asked for */
  asked: PeerCensusRow | null;
}

/** The first group of the requested one's widening with at least `min` peers (the unit included), else the
 *  widest. Pure. */
export function choosePeerGroup(
  requested: PeerGroup,
  census: readonly PeerCensusRow[],
  min = BENCHMARK_MIN_GROUP
): PeerChoice {
  const of = (g: BenchmarkGroup) => census.find((c) => c.group === g) ?? null;
  const chain = PEER_WIDENING[requested];
  const group = chain.find((g) => (of(g)?.same ?? 0) >= min) ?? chain[chain.length - 1];
  return {
    group,
    widenedFrom: group === requested ? null : requested,
    census: of(group),
    asked: of(requested)
  };
}
