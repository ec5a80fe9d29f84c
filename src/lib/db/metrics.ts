// The closed lists of identifiers a query may put into SQL text: metric columns, per-capita denominators,
// composition splits. Everything is derived from FIGURES (and SCORES) in the schema; a name not in these lists
// never reaches SQL.
import {
  FIGURES,
  PREV_BASIS,
  PREV_FIGURES,
  prevName,
  SCORES,
  type Figure,
  type FigureName,
  type Score,
  type ScoreName
} from '../model';
import { priorColumn, priorSourceColumn } from './views';

export type Measure = 'value' | 'chg' | 'pct';

/** A metric id: a figure's own value (`reception`), its change from the prior year (`reception.chg`, 万元)
 * or its relative change in percent (`reception.pct`); or a score of the disclosure (`completeness`, 0–100 分). */
export type MetricId = FigureName | `${FigureName}.chg` | `${FigureName}.pct` | ScoreName;

export interface Metric {
  id: MetricId;
  /** the disclosures column the metric reads */
  figure: FigureName | ScoreName;
  measure: Measure;
  unit: Figure['unit'] | Score['unit'] | '%';
  zh: string;
  en: string;
  /** 'disclosure': a score of the document itself, not a figure it states */
  group: Figure['group'] | 'disclosure';
}

const prevSet = new Set<string>(PREV_FIGURES);

function metricsOf(f: Figure): Metric[] {
  const name = f.name as FigureName;
  const own: Metric = {
    id: name,
    figure: name,
    measure: 'value',
    unit: f.unit,
    zh: f.zh,
    en: f.en,
    group: f.group
  };
  if (!prevSet.has(name)) return [own];
  return [
    own,
    {
      id: `${name}.chg`,
      figure: name,
      measure: 'chg',
      unit: f.unit,
      zh: `${f.zh}（较上年增减）`,
      en: `${f.en} (change from prior year)`,
      group: f.group
    },
    {
      id: `${name}.pct`,
      figure: name,
      measure: 'pct',
      unit: '%',
      zh: `${f.zh}（较上年增减%）`,
      en: `${f.en} (change from prior year, %)`,
      group: f.group
    }
  ];
}

const scoreMetric = (s: Score): Metric => ({
  id: s.name as ScoreName,
  figure: s.name as ScoreName,
  measure: 'value',
  unit: s.unit,
  zh: s.zh,
  en: s.en,
  group: 'disclosure'
});

/** Every metric the UI may offer, figures in schema order, each followed by its change metrics; then the
 * disclosure's scores (公开完整度). */
export const METRICS: readonly Metric[] = [...FIGURES.flatMap(metricsOf), ...SCORES.map(scoreMetric)];
export const METRIC_IDS = METRICS.map((m) => m.id);
const metricById = new Map<string, Metric>(METRICS.map((m) => [m.id, m]));

export const DEFAULT_METRIC: MetricId = 'three_public_total';

export function isMetricId(x: unknown): x is MetricId {
  return typeof x === 'string' && metricById.has(x);
}

export function metricOf(id: MetricId): Metric {
  const m = metricById.get(id);
  if (!m) throw new Error(`unknown metric: ${String(id)}`);
  return m;
}

/** Amount metrics (万元, own values) — what a per-capita view may divide. */
export const AMOUNT_METRICS: readonly Metric[] = METRICS.filter(
  (m) => m.measure === 'value' && m.unit === '万元'
);

/** Quote an identifier that is already known to be one of the schema's column names. */
export function column(name: string, alias = 'd'): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return `${alias}."${name}"`;
}

/** The SQL expression of a metric over a docs_mem row aliased `alias`. A change compares with the figure's
 * like-for-like prior (docs_mem's prior columns: the same kind's figure of the year before). */
export function metricSql(id: MetricId, alias = 'd'): string {
  const m = metricOf(id);
  const own = column(m.figure, alias);
  if (m.measure === 'value') return `CAST(${own} AS DOUBLE)`;
  const prev = column(priorColumn(m.figure as FigureName), alias);
  if (m.measure === 'chg') return `CAST(${own} - ${prev} AS DOUBLE)`;
  return `CASE WHEN ${prev} IS NULL OR ${prev} = 0 THEN NULL ELSE CAST((${own} - ${prev}) AS DOUBLE) / ${prev} * 100 END`;
}

/** Whether the document can state the prior-year value of the metric's figure (a figure the narrative
 *  compares): a change metric's base. */
export const hasPrevValue = (id: MetricId): boolean => prevSet.has(metricOf(id).figure);

/** The base a metric is shown against: its figure's like-for-like prior-year value (NULL for a figure without one). */
export function prevMetricSql(id: MetricId, alias = 'd'): string {
  const m = metricOf(id);
  if (!prevSet.has(m.figure)) return 'CAST(NULL AS DOUBLE)';
  return `CAST(${column(priorColumn(m.figure as FigureName), alias)} AS DOUBLE)`;
}

/** Where prevMetricSql's value comes from: 'stated' (the document) or 'prior_doc' (last year's document). */
export function priorSourceSql(id: MetricId, alias = 'd'): string {
  const m = metricOf(id);
  if (!prevSet.has(m.figure)) return 'CAST(NULL AS VARCHAR)';
  return column(priorSourceColumn(m.figure as FigureName), alias);
}

/** The prior-year figure a document states, when it is of the document's own kind (else NULL). */
export function statedPriorSql(id: MetricId, alias = 'd'): string {
  const m = metricOf(id);
  if (!prevSet.has(m.figure)) return 'CAST(NULL AS DOUBLE)';
  return `CASE WHEN ${column(PREV_BASIS, alias)} IS NULL OR ${column(PREV_BASIS, alias)} = ${column('kind', alias)} THEN CAST(${column(prevName(m.figure as FigureName), alias)} AS DOUBLE) END`;
}

/** Headcounts a per-capita view may divide by; 在职 first (the default). */
export const DENOMINATORS = [
  'staff_in_service',
  'staff_actual',
  'staff_authorized'
] as const satisfies readonly FigureName[];
export type Denominator = (typeof DENOMINATORS)[number];
export const DEFAULT_DENOMINATOR: Denominator = 'staff_in_service';

export function isDenominator(x: unknown): x is Denominator {
  return typeof x === 'string' && (DENOMINATORS as readonly string[]).includes(x);
}

/** The composition view's splits: the parts that add up to a total. */
export const SPLITS = {
  three_public: {
    total: 'three_public_total',
    parts: ['overseas_travel', 'vehicle_purchase', 'vehicle_operation', 'reception']
  },
  basic_project: { total: 'total_expenditure', parts: ['basic_expenditure', 'project_expenditure'] },
  personnel_public: { total: 'basic_expenditure', parts: ['personnel_expense', 'public_expense'] }
} as const satisfies Record<string, { total: FigureName; parts: readonly FigureName[] }>;
export type SplitId = keyof typeof SPLITS;
export const SPLIT_IDS = Object.keys(SPLITS) as SplitId[];
export const DEFAULT_SPLIT: SplitId = 'three_public';

export function isSplitId(x: unknown): x is SplitId {
  return typeof x === 'string' && x in SPLITS;
}

/** Peer groups for per-capita spread and benchmarks. */
export const PEER_GROUPS = ['region_level', 'category', 'level', 'all'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export function isPeerGroup(x: unknown): x is PeerGroup {
  return typeof x === 'string' && (PEER_GROUPS as readonly string[]).includes(x);
}
