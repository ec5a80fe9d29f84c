// The bridge between a page and the URL state module (src/lib/state): which controls each view shows, the
// notices in the reader's language, and the links of the tabs (carrying the filters both views share).
import { base } from '$app/paths';
import {
  parseState,
  queryString,
  readLang,
  VIEW_FIELDS as STATE_FIELDS,
  type View,
  type ViewState
} from '../state';
import { writeUrl } from '../state/url';
import type { Lang } from '../i18n';
import type { FilterField } from './filters';

export type { View, ViewState };

/** The filter-bar controls of each view (view-specific controls live on the page). */
export const VIEW_CONTROLS: Record<View, FilterField[]> = {
  ranking: ['year', 'one_kind', 'metric', 'order', 'limit', 'region', 'level', 'category', 'source', 'units'],
  trends: ['span', 'one_kind', 'metric', 'top', 'region', 'level', 'category', 'source', 'units'],
  composition: ['year', 'one_kind', 'split', 'limit', 'region', 'level', 'category', 'source', 'units'],
  staffing: ['year', 'one_kind', 'metric', 'limit', 'region', 'level', 'category', 'source', 'units'],
  percapita: [
    'year',
    'one_kind',
    'amount',
    'per',
    'peers',
    'limit',
    'region',
    'level',
    'category',
    'source',
    'units'
  ],
  benchmark: ['unit', 'year', 'kind', 'peers', 'source'],
  execution: ['year', 'execution_metric', 'order', 'limit', 'region', 'level', 'category', 'source', 'units'],
  unit: ['unit', 'year', 'kind'],
  quality: ['kind', 'region', 'level', 'category', 'source', 'units'],
  sql: []
};

export interface PageState<V extends View> {
  state: ViewState<V>;
  notices: string[];
}

/** Parse the view's query string; notices in the given language. */
export function readPageState<V extends View>(view: V, params: URLSearchParams, lang: Lang): PageState<V> {
  const p = parseState(view, params);
  return { state: p.state, notices: p.details.map((d) => (lang === 'zh' ? d.zh : d.en)) };
}

/** A notice for a value the URL may carry but the data does not hold (a year, a unit id). */
export function absentNotice(lang: Lang, what: string): string {
  return lang === 'zh' ? `忽略了数据中没有的值 ${what}` : `Ignored a value the data does not hold: ${what}`;
}

export function writePageState<V extends View>(view: V, state: ViewState<V>) {
  writeUrl(view, state);
}

/** The link of a tab: the fields the target view shares with the current one, and the language, are carried
 * over. */
export function tabHref(target: View, current: View | null, params: URLSearchParams): string {
  const path = `${base}/${target}/`;
  const lang = readLang(params);
  if (!current) return lang ? `${path}?lang=${lang}` : path;
  if (target === current) return `${path}?${params.toString()}`;
  const { state } = parseState(current, params);
  const from = state as Record<string, unknown>;
  const carried: Record<string, unknown> = {};
  const fields = STATE_FIELDS[target] as readonly string[];
  for (const f of fields) if (from[f] !== undefined) carried[f] = from[f];
  // one chosen unit opens the unit-centred views on it
  if (fields.includes('unit') && !carried.unit && Array.isArray(from.units) && from.units.length === 1)
    carried.unit = from.units[0];
  // a year carried into trends becomes its last year
  if (fields.includes('to') && !fields.includes('year') && typeof from.year === 'number')
    carried.to = from.year;
  return path + queryString(target, carried as ViewState<typeof target>, lang);
}
