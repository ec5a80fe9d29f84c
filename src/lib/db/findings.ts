// 质量 data quality: every finding across the data, filterable by severity, check, unit and year, paged.
import type { FindingRow, Kind, Severity, SourceKind } from '../model';
import type { Facets } from './facets';
import { filterConditions, inList, resolveFilters, whereSql, type Filters } from './filters';
import { clampLimit } from './docs';
import type { Query } from './types';

export interface FindingsParams extends Filters {
  years?: number[];
  severities?: Severity[];
  checks?: string[];
  /** 1-based */
  page?: number;
  pageSize?: number;
}

export interface FindingListRow extends FindingRow {
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
  params.push(size, (page - 1) * size);
  return {
    sql: `SELECT f.*, d.unit_id, d.unit_name, d.year, d.kind, d.source_kind
${from}
ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, d.year DESC, d.unit_name,
  f.doc_id, f."check", f.source_lines, f.message_en
LIMIT ? OFFSET ?`,
    params
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
