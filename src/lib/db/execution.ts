// 预算执行 budget execution: for each unit with a 决算 in a year, each figure's actual (决算数), its 年初预算 and
// the execution rate (决算 ÷ 年初预算, %). The 年初预算 is the same unit's budget document of that year and
// scope; where that does not state the figure, the 决算's own statement of its 年初预算 (initial_<figure>),
// marked so. A figure neither states is NULL: no rate. Units ranked by the rate of one figure.
import { INITIAL_FIGURES, initialName, type InitialFigure } from '../model';
import { defaultYear, type Facets } from './facets';
import { resolveFilters, type Filters } from './filters';
import {
  clampLimit,
  DEFAULT_ROW_LIMIT,
  ROW_LIMIT_MAX,
  docsCte,
  IDENTITY_SQL,
  type IdentityRow
} from './docs';
import { column } from './metrics';
import { spreadSql } from './ranking';
import type { Query } from './types';

export const EXECUTION_FIGURES = INITIAL_FIGURES;
export type ExecutionFigure = InitialFigure;
export const EXECUTION_DEFAULT_FIGURE: ExecutionFigure = 'three_public_total';

export interface ExecutionParams extends Omit<Filters, 'kind'> {
  /** default: the latest year in the data */
  year?: number;
  /** the figure whose execution rate ranks the units */
  metric?: ExecutionFigure;
  /** 'desc': over-execution first; 'asc': under-execution first */
  order?: 'desc' | 'asc';
  limit?: number;
}

/** Where a figure's 年初预算 comes from: the budget document, or the 决算's own statement of it. */
export type BudgetSource = 'budget_doc' | 'final_doc';

export type ExecutionRow = IdentityRow & {
  /** the ranked figure's rate (%), and its rank (1 = highest with order 'desc') */
  value: number;
  rank: number;
  /** the unit's budget document of that year and scope, if any */
  budget_doc_id: string | null;
} & {
  [K in `${ExecutionFigure}_actual` | `${ExecutionFigure}_budget` | `${ExecutionFigure}_rate`]: number | null;
} & {
  [K in `${ExecutionFigure}_source`]: BudgetSource | null;
};

const isFigure = (x: unknown): x is ExecutionFigure =>
  typeof x === 'string' && (EXECUTION_FIGURES as readonly string[]).includes(x);

/** Columns of every figure: actual, budget, the budget's source and the rate. Names from the closed list. */
function figureColumns(): string {
  return EXECUTION_FIGURES.map((f) => {
    const actual = `CAST(${column(f)} AS DOUBLE)`;
    const fromBudget = `CAST(${column(f, 'b')} AS DOUBLE)`;
    const stated = `CAST(${column(initialName(f))} AS DOUBLE)`;
    const budget = `COALESCE(${fromBudget}, ${stated})`;
    return `${actual} AS ${f}_actual, ${budget} AS ${f}_budget,
    CASE WHEN ${fromBudget} IS NOT NULL THEN 'budget_doc' WHEN ${stated} IS NOT NULL THEN 'final_doc' END AS ${f}_source,
    CASE WHEN ${budget} > 0 AND ${actual} IS NOT NULL THEN ${actual} / ${budget} * 100 END AS ${f}_rate`;
  }).join(',\n    ');
}

/** The execution ranking in one round trip: the first units by the figure's rate, with the spread of every
 * unit's rate as columns on each row (one row of spread alone when none has a rate). Split with
 * splitSpread. */
export function executionQuery(p: ExecutionParams, facets: Facets): Query {
  const params: unknown[] = [];
  const { filters } = resolveFilters({ ...p, kind: 'final' }, facets);
  const year = p.year ?? defaultYear(facets) ?? 0;
  const figure = isFigure(p.metric) ? p.metric : EXECUTION_DEFAULT_FIGURE;
  const dir = p.order === 'asc' ? 'ASC' : 'DESC';
  const cte = docsCte(filters, { year }, params);
  params.push(year);
  const budgets = EXECUTION_FIGURES.map((f) => `min(${column(f, 'x')}) AS "${f}"`).join(', ');
  params.push(clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  return {
    sql: `WITH ${cte},
b AS (
  SELECT x.unit_id, x.scope, min(x.doc_id) AS doc_id, ${budgets}
  FROM docs_mem x WHERE x.kind = 'budget' AND x.year = CAST(? AS INTEGER) GROUP BY x.unit_id, x.scope
),
e AS MATERIALIZED (
  SELECT ${IDENTITY_SQL}, b.doc_id AS budget_doc_id,
    ${figureColumns()}
  FROM docs d LEFT JOIN b ON b.unit_id = d.unit_id AND b.scope IS NOT DISTINCT FROM d.scope
),
v AS (SELECT *, ${figure}_rate AS value FROM e),
s AS (${spreadSql('v')}),
r AS (
  SELECT *, CAST(rank() OVER (ORDER BY value ${dir}) AS INTEGER) AS rank FROM (
    SELECT * FROM v WHERE value IS NOT NULL ORDER BY value ${dir}, unit_name, unit_id LIMIT ?
  )
)
SELECT s.*, r.* FROM s LEFT JOIN r ON true
ORDER BY r.value ${dir}, r.unit_name, r.unit_id`,
    params
  };
}
