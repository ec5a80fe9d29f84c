// What the data holds: the values every filter may take. Loaded once after the engine opens; the query
// builders check every multi-select value against it before binding it.
import type { Kind, Severity, SourceKind, UnitRow } from '../model';
import type { Db, Query } from './types';

/** A unit as units.parquet holds it, with the years of its documents. */
export interface UnitOption extends UnitRow {
  first_year: number | null;
  last_year: number | null;
  docs: number;
}

export interface Facets {
  /** ascending */
  years: number[];
  /** documents in each of `years` (same order); empty when not known */
  yearDocs: number[];
  kinds: Kind[];
  regions: string[];
  levels: string[];
  categories: string[];
  sourceKinds: SourceKind[];
  severities: Severity[];
  checks: string[];
  /** ordered by unit_name */
  units: UnitOption[];
}

const distinct = (column: string, table: string) =>
  `(SELECT list_sort(list(DISTINCT ${column})) FROM ${table} WHERE ${column} IS NOT NULL)`;

/** Every value facet in one query (one round trip), and the units list. */
export const facetQueries = {
  values: {
    sql: `SELECT ${distinct('year', 'disclosures')} AS years,
  (SELECT list(n ORDER BY year) FROM (SELECT year, count(*)::INTEGER AS n FROM disclosures
    WHERE year IS NOT NULL GROUP BY year)) AS "yearDocs",
  ${distinct('kind', 'disclosures')} AS kinds,
  ${distinct('region', 'units')} AS regions,
  ${distinct('level', 'units')} AS levels,
  ${distinct('category', 'units')} AS categories,
  ${distinct('source_kind', 'units')} AS "sourceKinds",
  ${distinct('severity', 'findings')} AS severities,
  ${distinct('"check"', 'findings')} AS checks`,
    params: []
  },
  units: {
    sql: `SELECT u.unit_id, u.unit_name, u.region, u.level, u.category, u.source_kind,
  d.first_year, d.last_year, COALESCE(d.docs, 0) AS docs
FROM units u LEFT JOIN (
  SELECT unit_id, min(year) AS first_year, max(year) AS last_year, CAST(count(*) AS INTEGER) AS docs
  FROM disclosures GROUP BY unit_id
) d ON d.unit_id = u.unit_id
ORDER BY u.unit_name, u.unit_id`,
    params: []
  }
} satisfies Record<string, Query>;

export type ValueFacets = Omit<Facets, 'units'>;

/** Every facet from the data itself (two queries); `values` when the manifest already gave them. */
/** The value facets by query (a NULL list, from a table without rows, is an empty one). */
async function queryValueFacets(db: Db): Promise<ValueFacets> {
  const [row] = await db.query<{ [K in keyof ValueFacets]: ValueFacets[K] | null }>(facetQueries.values);
  const out = emptyFacets() as ValueFacets;
  for (const k of Object.keys(row) as (keyof ValueFacets)[]) (out[k] as unknown[]) = row[k] ?? [];
  return out;
}

/** Every facet: the units list by query, the values from `values` (the manifest's) or else by query. */
export async function loadFacets(db: Db, values?: ValueFacets | null): Promise<Facets> {
  const [v, units] = await Promise.all([
    values ?? queryValueFacets(db),
    db.query<UnitOption>(facetQueries.units)
  ]);
  return { ...v, units };
}

const KINDS: readonly Kind[] = ['budget', 'final'];
const SOURCE_KINDS: readonly SourceKind[] = ['published', 'synthetic', 'local'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The value facets the ingest wrote into manifest.json, or null when it lacks one (an older manifest): then
 * they are queried. Values outside the closed lists, or of the wrong type, are left out. */
export function manifestFacets(manifest: unknown): ValueFacets | null {
  const m = (manifest ?? {}) as Record<string, unknown>;
  const keys = ['years', 'kinds', 'source_kinds', 'regions', 'levels', 'categories', 'severities', 'checks'];
  if (!keys.every((k) => Array.isArray(m[k]))) return null;
  const strings = (k: string) => (m[k] as unknown[]).filter((v): v is string => typeof v === 'string');
  const among = <T extends string>(k: string, allowed: readonly T[]) =>
    strings(k).filter((v): v is T => (allowed as readonly string[]).includes(v));
  const years = (m.years as unknown[]).filter((y): y is number => Number.isInteger(y)).sort((a, b) => a - b);
  const counts = Array.isArray(m.year_documents) ? (m.year_documents as unknown[]) : [];
  return {
    years,
    yearDocs:
      counts.length === years.length && counts.every((n) => Number.isInteger(n)) ? (counts as number[]) : [],
    kinds: among('kinds', KINDS),
    regions: strings('regions'),
    levels: strings('levels'),
    categories: strings('categories'),
    sourceKinds: among('source_kinds', SOURCE_KINDS),
    severities: among('severities', SEVERITIES),
    checks: strings('checks')
  };
}

/** Facets of an empty dataset (before loading, or for tests). */
export const emptyFacets = (): Facets => ({
  years: [],
  yearDocs: [],
  kinds: [],
  regions: [],
  levels: [],
  categories: [],
  sourceKinds: [],
  severities: [],
  checks: [],
  units: []
});

/** The default year of every one-year view: the latest year that has at least half as many documents as the
 *  best-covered year (a year only a few early publishers reached yet would show next to nothing), else the
 *  latest year. */
export function defaultYear(f: Facets): number | undefined {
  const n = f.yearDocs;
  if (n.length !== f.years.length || !n.length) return f.years[f.years.length - 1];
  const most = Math.max(...n);
  for (let i = n.length - 1; i >= 0; i--) if (n[i] * 2 >= most) return f.years[i];
  return f.years[f.years.length - 1];
}

const unitIdSets = new WeakMap<Facets, Set<string>>();
export function knownUnitIds(f: Facets): Set<string> {
  let s = unitIdSets.get(f);
  if (!s) {
    s = new Set(f.units.map((u) => u.unit_id));
    unitIdSets.set(f, s);
  }
  return s;
}

export interface DataDateRow {
  first_year: number | null;
  last_year: number | null;
  /** the latest published_on of any document, yyyy-mm-dd (NULL when none states one) */
  published: string | null;
}

/** The span of years and the latest publication date of the documents the data holds: the date an export
 *  names. */
export const dataDateQuery = () => ({
  sql: `SELECT min(year)::INTEGER AS first_year, max(year)::INTEGER AS last_year,
  strftime(max(published_on), '%Y-%m-%d') AS published FROM disclosures`,
  params: [] as unknown[]
});
