// Notices for state values the URL may carry but the data does not hold (a year without documents, an
// unknown unit id, a region that is not in the data). The queries ignore such values; the page says so.
import { resolveFilters, type Filters } from '../db/filters';
import type { Facets } from '../db/facets';
import type { Lang } from '../i18n';
import { absentNotice } from './viewState';

const KEY: Record<string, string> = {
  kind: 'kind',
  regions: 'reg',
  levels: 'lvl',
  categories: 'cat',
  units: 'u',
  sources: 'src'
};

export function filterNotices(lang: Lang, f: Filters, facets: Facets): string[] {
  return resolveFilters(f, facets).dropped.map((d) =>
    absentNotice(lang, `${KEY[d.filter] ?? d.filter}=${d.value}`)
  );
}

/** A year the data has, or undefined (the view's default) with a notice. */
export function checkYear(lang: Lang, year: number | undefined, facets: Facets, key = 'y') {
  if (year === undefined || facets.years.includes(year)) return { year, notices: [] as string[] };
  return { year: undefined, notices: [absentNotice(lang, `${key}=${year}`)] };
}

export function checkUnit(lang: Lang, unit: string | undefined, facets: Facets) {
  if (unit === undefined || facets.units.some((u) => u.unit_id === unit))
    return { unit, notices: [] as string[] };
  return { unit: undefined, notices: [absentNotice(lang, `unit=${unit}`)] };
}
