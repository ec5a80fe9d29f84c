// The state of each view: which fields it has (valibot schema per view) and their defaults. Defaults are
// never in the state nor in the URL: an absent field means the default (the year's default, the latest
// year in the data, is resolved at run time by the queries).
import * as v from 'valibot';
import {
  AMOUNT_METRICS,
  DEFAULT_DENOMINATOR,
  DEFAULT_METRIC,
  DEFAULT_SPLIT,
  type MetricId
} from '../db/metrics';
import { STAFFING_DEFAULT_METRIC } from '../db/staffing';
import { DEFAULT_KIND } from '../db/filters';
import { TRENDS_DEFAULT_TOP } from '../db/trends';
import { PERCAPITA_DEFAULT_PEERS } from '../db/percapita';
import { BENCHMARK_DEFAULT_PEERS } from '../db/benchmark';
import { FIELDS, MAX_LIST, type FieldName } from './fields';
import type { RankingParams } from '../db/ranking';
import type { TrendsParams } from '../db/trends';
import type { CompositionParams } from '../db/composition';
import type { StaffingParams } from '../db/staffing';
import type { PercapitaParams } from '../db/percapita';
import type { BenchmarkParams } from '../db/benchmark';
import { EXECUTION_DEFAULT_FIGURE, EXECUTION_FIGURES, type ExecutionParams } from '../db/execution';
import type { FindingsParams } from '../db/findings';

export const VIEWS = [
  'ranking',
  'trends',
  'composition',
  'staffing',
  'percapita',
  'benchmark',
  'execution',
  'unit',
  'quality',
  'sql'
] as const;
export type View = (typeof VIEWS)[number];
export const isView = (x: unknown): x is View =>
  typeof x === 'string' && (VIEWS as readonly string[]).includes(x);

const FILTERS = [
  'kind',
  'regions',
  'levels',
  'categories',
  'units',
  'sources'
] as const satisfies FieldName[];

/** The fields of each view, in the order they are documented. */
export const VIEW_FIELDS = {
  ranking: [...FILTERS, 'year', 'metric', 'order', 'limit'],
  trends: [...FILTERS, 'from', 'to', 'metric', 'top'],
  composition: [...FILTERS, 'year', 'split', 'limit'],
  staffing: [...FILTERS, 'year', 'metric', 'limit'],
  percapita: [...FILTERS, 'year', 'metric', 'per', 'peers', 'limit'],
  benchmark: ['unit', 'year', 'kind', 'sources', 'peers'],
  // final accounts against their budgets: the kind is not a choice
  execution: ['regions', 'levels', 'categories', 'units', 'sources', 'year', 'metric', 'order', 'limit'],
  unit: ['unit', 'year', 'kind', 'scope'],
  quality: [...FILTERS, 'years', 'severities', 'checks', 'sort', 'page'],
  sql: ['q']
} as const satisfies Record<View, readonly FieldName[]>;

/** Values that equal a view's default are dropped from state and URL. */
/** Views that put values of many documents on one axis: they show one kind (预算 or 决算) at a time, budgets
 * by default, and offer no mixed choice. */
export const ONE_KIND_VIEWS = [
  'ranking',
  'trends',
  'composition',
  'staffing',
  'percapita'
] as const satisfies View[];
const one = { kind: DEFAULT_KIND };

export const VIEW_DEFAULTS: { [V in View]: Partial<Record<FieldName, unknown>> } = {
  ranking: { ...one, metric: DEFAULT_METRIC, order: 'desc' },
  trends: { ...one, metric: DEFAULT_METRIC, top: TRENDS_DEFAULT_TOP },
  composition: { ...one, split: DEFAULT_SPLIT },
  staffing: { ...one, metric: STAFFING_DEFAULT_METRIC },
  percapita: { ...one, metric: DEFAULT_METRIC, per: DEFAULT_DENOMINATOR, peers: PERCAPITA_DEFAULT_PEERS },
  benchmark: { peers: BENCHMARK_DEFAULT_PEERS },
  execution: { metric: EXECUTION_DEFAULT_FIGURE, order: 'desc' },
  unit: {},
  quality: { page: 1, sort: 'severity' },
  sql: {}
};

/** Fields whose list order carries no meaning (sorted in the canonical state); units keep their order. */
export const SET_FIELDS: readonly FieldName[] = [
  'regions',
  'levels',
  'categories',
  'sources',
  'years',
  'severities',
  'checks'
];

// Declared one by one so that each view's state type is precise.
const F = FIELDS;
const o = <T extends v.GenericSchema>(s: T) => v.optional(s);
const list = <T extends v.GenericSchema>(s: T) => v.optional(v.pipe(v.array(s), v.maxLength(MAX_LIST)));
const filterEntries = {
  kind: o(F.kind.schema),
  regions: list(F.regions.schema),
  levels: list(F.levels.schema),
  categories: list(F.categories.schema),
  units: list(F.units.schema),
  sources: list(F.sources.schema)
};

export const STATE_SCHEMAS = {
  ranking: v.strictObject({
    ...filterEntries,
    year: o(F.year.schema),
    metric: o(F.metric.schema),
    order: o(F.order.schema),
    limit: o(F.limit.schema)
  }),
  trends: v.strictObject({
    ...filterEntries,
    from: o(F.from.schema),
    to: o(F.to.schema),
    metric: o(F.metric.schema),
    top: o(F.top.schema)
  }),
  composition: v.strictObject({
    ...filterEntries,
    year: o(F.year.schema),
    split: o(F.split.schema),
    limit: o(F.limit.schema)
  }),
  staffing: v.strictObject({
    ...filterEntries,
    year: o(F.year.schema),
    metric: o(F.metric.schema),
    limit: o(F.limit.schema)
  }),
  percapita: v.strictObject({
    ...filterEntries,
    year: o(F.year.schema),
    // per-capita divides an amount (万元): a headcount or a percentage is not a metric of this view
    metric: o(v.picklist(AMOUNT_METRICS.map((m) => m.id) as MetricId[])),
    per: o(F.per.schema),
    peers: o(F.peers.schema),
    limit: o(F.limit.schema)
  }),
  benchmark: v.strictObject({
    unit: o(F.unit.schema),
    year: o(F.year.schema),
    kind: o(F.kind.schema),
    sources: list(F.sources.schema),
    peers: o(F.peers.schema)
  }),
  execution: v.strictObject({
    regions: filterEntries.regions,
    levels: filterEntries.levels,
    categories: filterEntries.categories,
    units: filterEntries.units,
    sources: filterEntries.sources,
    year: o(F.year.schema),
    // a figure a 决算 states beside its 年初预算
    metric: o(v.picklist([...EXECUTION_FIGURES])),
    order: o(F.order.schema),
    limit: o(F.limit.schema)
  }),
  unit: v.strictObject({
    unit: o(F.unit.schema),
    year: o(F.year.schema),
    kind: o(F.kind.schema),
    scope: o(F.scope.schema)
  }),
  quality: v.strictObject({
    ...filterEntries,
    years: list(F.years.schema),
    severities: list(F.severities.schema),
    checks: list(F.checks.schema),
    sort: o(F.sort.schema),
    page: o(F.page.schema)
  }),
  sql: v.strictObject({ q: o(F.q.schema) })
} satisfies Record<View, v.GenericSchema>;

export type ViewState<V extends View> = v.InferOutput<(typeof STATE_SCHEMAS)[V]>;
export type RankingState = ViewState<'ranking'>;
export type TrendsState = ViewState<'trends'>;
export type CompositionState = ViewState<'composition'>;
export type StaffingState = ViewState<'staffing'>;
export type PercapitaState = ViewState<'percapita'>;
export type BenchmarkState = ViewState<'benchmark'>;
export type ExecutionState = ViewState<'execution'>;
export type UnitState = ViewState<'unit'>;
export type QualityState = ViewState<'quality'>;
export type SqlState = ViewState<'sql'>;
export type AnyState = { [V in View]: ViewState<V> }[View];

// Each view's state is what its queries take (checked by the compiler).
type Fits<A extends B, B> = A;
export type _StateFitsQueries = [
  Fits<RankingState, RankingParams>,
  Fits<TrendsState, TrendsParams>,
  Fits<CompositionState, CompositionParams>,
  Fits<StaffingState, StaffingParams>,
  Fits<PercapitaState, PercapitaParams>,
  Fits<BenchmarkState & { unit: string }, BenchmarkParams>,
  Fits<ExecutionState, ExecutionParams>,
  Fits<QualityState, FindingsParams>
];
