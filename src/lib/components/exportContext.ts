// What an export says about itself beside its figures: the view's filters in words, the data's date and the
// synthetic-data note. The same lines go under a CSV's rows and onto an exported PNG/SVG.
import { parseState, VIEW_DEFAULTS, type View } from '../state';
import type { Facets } from '../db/facets';
import type { Db } from '../db/types';
import { dataDateQuery, type DataDateRow } from '../db/facets';
import { t, valueLabel, columnLabel, type Lang } from '../i18n';
import { metricLabel } from './metricFormat';
import { isMetricId } from '../db/metrics';

const LIST_SHOWN = 3;

function listText(lang: Lang, items: string[]): string {
  const sep = lang === 'zh' ? '、' : ', ';
  if (items.length <= LIST_SHOWN) return items.join(sep);
  const more = items.length - LIST_SHOWN;
  return (
    items.slice(0, LIST_SHOWN).join(sep) + (lang === 'zh' ? ` 等 ${items.length} 个` : ` and ${more} more`)
  );
}

/** The filters of a view's URL state in words ("类型：预算 · 地区：示例市东湖区 · 来源：合成数据"); the
 *  unfiltered fields are not named: "全部" when nothing narrows the view. */
export function filtersText(lang: Lang, view: View, params: URLSearchParams, facets: Facets | null): string {
  const s = parseState(view, params).state as Record<string, unknown>;
  const parts: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  const add = (label: string, value: string) => parts.push(`${label}${colon}${value}`);
  const strings = (k: string) => (Array.isArray(s[k]) ? (s[k] as unknown[]).map(String) : []);
  // a view that shows one kind names it, its default included (the URL omits a default)
  const kind = s.kind ?? (VIEW_DEFAULTS[view] as { kind?: unknown }).kind;
  if (typeof kind === 'string') add(t(lang, 'kind'), valueLabel(lang, 'kind', kind));
  if (typeof s.scope === 'string') add(columnLabel(lang, 'scope'), valueLabel(lang, 'scope', s.scope));
  /** a list filter by the names of its values */
  const list = (key: string, label: string, name: (v: string) => string = (v) => v) => {
    const values = strings(key);
    if (values.length) add(label, listText(lang, values.map(name)));
  };
  list('regions', t(lang, 'region'));
  list('levels', t(lang, 'level'), (l) => valueLabel(lang, 'level', l));
  list('categories', t(lang, 'category'), (c) => valueLabel(lang, 'category', c));
  const unitName = (id: string) => facets?.units.find((u) => u.unit_id === id)?.unit_name ?? id;
  list('units', t(lang, 'units_selected'), unitName);
  list('sources', t(lang, 'source'), (x) => valueLabel(lang, 'source_kind', x));
  if (typeof s.per === 'string') add(t(lang, 'denominator'), columnLabel(lang, s.per));
  if (typeof s.peers === 'string') add(t(lang, 'peer_group'), peersText(lang, s.peers));
  if (view === 'percapita' && isMetricId(s.metric)) add(t(lang, 'metric'), metricLabel(lang, s.metric));
  return parts.length ? parts.join(' · ') : `${t(lang, 'filters')}${colon}${t(lang, 'all')}`;
}

export function peersText(lang: Lang, peers: string): string {
  if (peers === 'region_level') return t(lang, 'peer_region_level');
  if (peers === 'category') return t(lang, 'peer_category');
  if (peers === 'level') return t(lang, 'level');
  return t(lang, 'all_units');
}

/** "数据：截至 2025-03-01 发布的文档（2019–2025 年度）" from the documents the data holds. */
export function dataDateText(lang: Lang, row: DataDateRow | undefined): string {
  if (!row || row.last_year === null) return '';
  const span = row.first_year === row.last_year ? `${row.last_year}` : `${row.first_year}–${row.last_year}`;
  if (lang === 'zh')
    return row.published
      ? `数据：${span} 年度的文档，最晚发布于 ${row.published}`
      : `数据：${span} 年度的文档`;
  return row.published
    ? `Data: documents of ${span}, the latest published on ${row.published}`
    : `Data: documents of ${span}`;
}

let dateRow: Promise<DataDateRow | undefined> | null = null;

/** The data's date (asked once per page load, and again once the reader's own documents change it). */
export function dataDate(db: Db | null): Promise<DataDateRow | undefined> {
  if (!db) return Promise.resolve(undefined);
  dateRow ??= db.query<DataDateRow>(dataDateQuery()).then(
    (r) => r[0],
    () => undefined
  );
  return dateRow;
}

/** The reader's documents changed the data: the next export or print asks for its date again. */
export function forgetDataDate() {
  dateRow = null;
}

/** The lines an export carries under its title: filters, data date, and the synthetic note when it holds
 *  synthetic data. */
export async function exportNotes(opts: {
  lang: Lang;
  view: View;
  params: URLSearchParams;
  facets: Facets | null;
  db: Db | null;
  synthetic: boolean;
}): Promise<{ filters: string; date: string; synthetic: string }> {
  const date = dataDateText(opts.lang, await dataDate(opts.db));
  return {
    filters: filtersText(opts.lang, opts.view, opts.params, opts.facets),
    date,
    synthetic: opts.synthetic ? t(opts.lang, 'synthetic_chart_note') : ''
  };
}
