// What the data holds: the values every filter may take. Loaded once after the engine opens; the query
// builders check every multi-select value against it before binding it.
import type { Kind, Severity, SourceKind } from '../model';
import type { Db, Query } from './types';

export interface UnitOption {
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  level: string | null;
  category: string | null;
  source_kind: SourceKind;
  first_year: number | null;
  last_year: number | null;
  docs: number;
}

export interface Facets {
  /** ascending */
  years: number[];
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

const distinct = (column: string, table: string): Query => ({
  sql: `SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL ORDER BY v`,
  params: []
});

/** One query per facet. */
export const facetQueries = {
  years: distinct('year', 'disclosures'),
  kinds: distinct('kind', 'disclosures'),
  regions: distinct('region', 'units'),
  levels: distinct('level', 'units'),
  categories: distinct('category', 'units'),
  sourceKinds: distinct('source_kind', 'units'),
  severities: distinct('severity', 'findings'),
  checks: distinct('"check"', 'findings'),
  units: {
    sql: `SELECT u.unit_id, u.unit_name, u.region, u.level, u.category, u.source_kind,
  min(d.year) AS first_year, max(d.year) AS last_year, count(d.doc_id) AS docs
FROM units u LEFT JOIN disclosures d ON d.unit_id = u.unit_id
GROUP BY ALL
ORDER BY u.unit_name, u.unit_id`,
    params: []
  }
} satisfies Record<keyof Facets, Query>;

type ValueFacet = Exclude<keyof Facets, 'units'>;

export async function loadFacets(db: Db): Promise<Facets> {
  const keys = Object.keys(facetQueries).filter((k) => k !== 'units') as ValueFacet[];
  const values = await Promise.all(keys.map((k) => db.query<{ v: never }>(facetQueries[k])));
  const units = await db.query<UnitOption>(facetQueries.units);
  const out = { units } as Facets;
  keys.forEach((k, i) => {
    (out[k] as unknown[]) = values[i].map((r) => r.v);
  });
  return out;
}

/** Facets of an empty dataset (before loading, or for tests). */
export const emptyFacets = (): Facets => ({
  years: [],
  kinds: [],
  regions: [],
  levels: [],
  categories: [],
  sourceKinds: [],
  severities: [],
  checks: [],
  units: []
});

/** The latest year in the data: the default year of every one-year view. */
export const latestYear = (f: Facets): number | undefined => f.years[f.years.length - 1];

const unitIdSets = new WeakMap<Facets, Set<string>>();
export function knownUnitIds(f: Facets): Set<string> {
  let s = unitIdSets.get(f);
  if (!s) {
    s = new Set(f.units.map((u) => u.unit_id));
    unitIdSets.set(f, s);
  }
  return s;
}
