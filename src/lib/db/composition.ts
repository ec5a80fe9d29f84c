// 构成 composition: the parts of a total per unit in one year (三公 parts; 基本/项目; 人员/公用).
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
import { column, DEFAULT_SPLIT, SPLITS, type SplitId } from './metrics';
import type { Query } from './types';

export interface CompositionParams extends Filters {
  year?: number;
  split?: SplitId;
  /** default DEFAULT_ROW_LIMIT (500), at most ROW_LIMIT_MAX */
  limit?: number;
}

/** One unit: the split's total and each part under its own column name (e.g. reception), 万元. */
export interface CompositionRow extends IdentityRow {
  split: SplitId;
  total: number | null;
  /** sum of the stated parts */
  parts_sum: number | null;
  [part: string]: unknown;
}

export function compositionQuery(p: CompositionParams, facets: Facets): Query {
  const params: unknown[] = [];
  const { filters } = resolveFilters(withOneKind(p, facets), facets);
  const year = p.year ?? defaultYear(facets) ?? 0;
  const split = SPLITS[p.split ?? DEFAULT_SPLIT];
  const splitId = p.split ?? DEFAULT_SPLIT;
  const parts = split.parts.map((c) => `CAST(${column(c)} AS DOUBLE) AS "${c}"`).join(', ');
  const sum = split.parts.map((c) => `COALESCE(${column(c)}, 0)`).join(' + ');
  const anyPart = split.parts.map((c) => `${column(c)} IS NOT NULL`).join(' OR ');
  const cte = docsCte(filters, { year }, params);
  params.push(splitId, clampLimit(p.limit, DEFAULT_ROW_LIMIT, ROW_LIMIT_MAX));
  return {
    sql: `WITH ${cte}
SELECT ${IDENTITY_SQL}, CAST(? AS VARCHAR) AS split, CAST(${column(split.total)} AS DOUBLE) AS total, ${parts},
  CASE WHEN ${anyPart} THEN CAST(${sum} AS DOUBLE) END AS parts_sum
FROM docs d
WHERE ${column(split.total)} IS NOT NULL OR ${anyPart}
ORDER BY COALESCE(total, parts_sum) DESC NULLS LAST, d.unit_name, d.unit_id
LIMIT ?`,
    params
  };
}
