// 质量 data quality: every finding across the data, filterable by severity, check, unit and year, paged.
import {
  CHECK_IDS,
  MONEY_CHECKS,
  type FindingRow,
  type Kind,
  type Severity,
  type SourceKind
} from '../model';
import type { Facets } from './facets';
import { filterConditions, inList, resolveFilters, whereSql, type Filters } from './filters';
import { clampLimit } from './docs';
import type { Query } from './types';

export interface FindingsParams extends Filters {
  years?: number[];
  severities?: Severity[];
  checks?: string[];
  /** severity first (the default), or the largest difference in 万元 first */
  sort?: FindingSort;
  /** 1-based */
  page?: number;
  pageSize?: number;
}

/** How the quality view orders findings: by severity, or by amount (|expected − actual| in 万元, money checks
 *  only; the others after them). */
export const FINDING_SORTS = ['severity', 'amount'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

const MONEY = MONEY_CHECKS(CHECK_IDS);

export interface FindingListRow extends FindingRow {
  /** |expected − actual| in 万元 for a money check (the one amount a one-sided finding names); NULL otherwise */
  gap: number | null;
  unit_id: string;
  unit_name: string | null;
  year: number | null;
  kind: Kind | null;
  source_kind: SourceKind;
}

export const FINDINGS_PAGE_SIZE = 50;

function findingsWhere(p: FindingsParams, facets: Facets, params: unknown[]): string {
  const { filters } = resolveFilters(p, facets);
  const conds = filterConditions(filters, params);
  const years = (p.years ?? []).filter((y) => facets.years.includes(y));
  const sev = (p.severities ?? []).filter((s) => facets.severities.includes(s));
  const checks = (p.checks ?? []).filter((c) => facets.checks.includes(c));
  if (years.length) conds.push(inList('d.year', years, params));
  if (sev.length) conds.push(inList('f.severity', sev, params));
  if (checks.length) conds.push(inList('f."check"', checks, params));
  return `FROM findings f JOIN docs_mem d ON d.doc_id = f.doc_id
${whereSql(conds)}`;
}

export function findingsQuery(p: FindingsParams, facets: Facets): Query {
  const params: unknown[] = [];
  const from = findingsWhere(p, facets, params);
  const size = clampLimit(p.pageSize, FINDINGS_PAGE_SIZE, 1000);
  const page = clampLimit(p.page, 1, 1_000_000);
  // the gap's money checks are bound values (a closed list), placed before the WHERE's values
  const gapParams: unknown[] = [];
  // (a one-sided finding, a project without targets say, is at stake for the amount it names)
  const gap = `CASE WHEN ${inList('f."check"', MONEY, gapParams)} AND (f.expected IS NOT NULL OR f.actual IS NOT NULL)
  THEN abs(coalesce(f.expected, 0) - coalesce(f.actual, 0)) END`;
  params.push(size, (page - 1) * size);
  const severity = `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;
  const order = p.sort === 'amount' ? `gap DESC NULLS LAST, ${severity}` : severity;
  return {
    sql: `SELECT f.*, ${gap} AS gap, d.unit_id, d.unit_name, d.year, d.kind, d.source_kind
${from}
ORDER BY ${order}, d.year DESC, d.unit_name, f.doc_id, f."check", f.source_lines, f.message_en
LIMIT ? OFFSET ?`,
    params: [...gapParams, ...params]
  };
}

export interface FindingsCountRow {
  total: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function findingsCountQuery(p: FindingsParams, facets: Facets): Query {
  const params: unknown[] = [];
  const from = findingsWhere(p, facets, params);
  return {
    sql: `SELECT CAST(count(*) AS INTEGER) AS total,
  CAST(count(*) FILTER (WHERE f.severity = 'error') AS INTEGER) AS errors,
  CAST(count(*) FILTER (WHERE f.severity = 'warning') AS INTEGER) AS warnings,
  CAST(count(*) FILTER (WHERE f.severity = 'info') AS INTEGER) AS infos
${from}`,
    params
  };
}

export interface CheckCountRow {
  check: string;
  severity: Severity;
  n: number;
}

/** How often each check fires under the filters (for the quality view's summary). */
export function findingsByCheckQuery(p: FindingsParams, facets: Facets): Query {
  const params: unknown[] = [];
  const from = findingsWhere(p, facets, params);
  return {
    sql: `SELECT f."check", f.severity, CAST(count(*) AS INTEGER) AS n
${from}
GROUP BY ALL ORDER BY n DESC, f."check", f.severity`,
    params
  };
}
