// 人员 staffing: 编制 / 实有 / 在职 (and 退休, 离休) per unit in one year, with a spending metric beside them.
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
import { metricSql, type MetricId } from './metrics';
import type { Query } from './types';

export interface StaffingParams extends Filters {
  year?: number;
  /** the spending set against staff; default total_expenditure */
  metric?: MetricId;
  /** default DEFAULT_ROW_LIMIT (500), at most ROW_LIMIT_MAX */
  limit?: number;
}

export interface StaffingRow extends IdentityRow {
  staff_authorized: number | null;
  staff_actual: number | null;
  staff_in_service: number | null;
  staff_retired: number | null;
  staff_separated: number | null;
  /** the chosen spending metric */
  spending: number | null;
}

export const STAFFING_DEFAULT_METRIC: MetricId = 'total_expenditure';

export function staffingQuery(p: StaffingParams, facets: Facets): Query {
  const params: unknown[] = [];
  const { filters } = resolveFilters(withOneKind(p, facets), facets);
  const year = p.year ?? defaultYear(facets) ?? 0;
  const cte = docsCte(filters, { year }, params);
  params.push(clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  return {
    sql: `WITH ${cte}
SELECT ${IDENTITY_SQL}, d.staff_authorized, d.staff_actual, d.staff_in_service, d.staff_retired, d.staff_separated,
  ${metricSql(p.metric ?? STAFFING_DEFAULT_METRIC)} AS spending
FROM docs d
WHERE d.staff_authorized IS NOT NULL OR d.staff_actual IS NOT NULL OR d.staff_in_service IS NOT NULL
ORDER BY d.staff_actual DESC NULLS LAST, d.staff_in_service DESC NULLS LAST, d.unit_name, d.unit_id
LIMIT ?`,
    params
  };
}
