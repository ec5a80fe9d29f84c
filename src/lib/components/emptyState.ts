// Why a view shows nothing, said honestly: the data holds no document at all, or the filters leave none,
// or nothing in the data states this figure for that year. Never blame the filters for an empty dataset.
import type { Facets } from '../db/facets';
import type { FilterValue } from './filters';
import type { Lang } from '../i18n';

export type EmptyReason = 'dataset' | 'filters' | 'figure';

/** The filters of a state that narrow the units (kind and source included). */
export function narrowingFilters(s: FilterValue): string[] {
  const out: string[] = [];
  if (s.kind) out.push('kind');
  for (const k of ['regions', 'levels', 'categories', 'units', 'sources'] as const)
    if (s[k]?.length) out.push(k);
  return out;
}

export function emptyReason(facets: Facets, s: FilterValue): EmptyReason {
  if (facets.units.length === 0 || facets.years.length === 0) return 'dataset';
  return narrowingFilters(s).length ? 'filters' : 'figure';
}

export function emptyText(lang: Lang, reason: EmptyReason, facets: Facets, year?: number): string {
  const units = facets.units.length;
  if (reason === 'dataset')
    return lang === 'zh'
      ? '这份数据是空的：其中没有任何文档（不是筛选造成的）。请先导入公开文档（见 README 的 npm run ingest）。'
      : 'The data is empty: it holds no document at all (not because of the filters). Ingest some disclosures first (npm run ingest, see the README).';
  if (reason === 'filters')
    return lang === 'zh'
      ? `所选筛选条件下没有数据：数据中共有 ${units} 个单位，按当前筛选没有一个单位${year ? `在 ${year} 年` : ''}列示该数字。可放宽或清除筛选。`
      : `No data for these filters: the data holds ${units} units, and none that the filters keep states this figure${year ? ` for ${year}` : ''}. Widen or clear the filters.`;
  return lang === 'zh'
    ? `数据中的 ${units} 个单位${year ? `在 ${year} 年` : ''}都没有列示该数字（未筛选）。`
    : `None of the ${units} units in the data states this figure${year ? ` for ${year}` : ''} (nothing is filtered out).`;
}
