// The texts a unit's bar carries beside its value: where the figure comes from (tooltip) and the legend of
// the bar colours.
import { t, valueLabel, type Lang } from '../i18n';
import type { IdentityRow } from '../db/docs';

/** "公开数据 · 2024 预算" / "Synthetic · 2024 Budget" */
export function barSource(lang: Lang, r: Pick<IdentityRow, 'source_kind' | 'year' | 'kind'>): string {
  const doc = [r.year, r.kind ? valueLabel(lang, 'kind', r.kind) : ''].filter(Boolean).join(' ');
  return [valueLabel(lang, 'source_kind', r.source_kind), doc].filter(Boolean).join(' · ');
}

/** The bar colours: published units darker, synthetic ones lighter. */
export const sourceLegend = (lang: Lang) => ({
  published: lang === 'zh' ? '公开数据（深色）' : 'Published (dark)',
  synthetic: lang === 'zh' ? '合成数据（浅色）' : 'Synthetic (light)'
});

interface MarkRow {
  unit_id: string;
  unit_name: string | null;
  source_kind: string | null;
}

/** A unit's mark: its id, its name (the id when it has none), and whether it is synthetic. */
export const unitMark = (r: MarkRow) => ({
  unitId: r.unit_id,
  label: r.unit_name ?? r.unit_id,
  synthetic: r.source_kind === 'synthetic'
});

/** A unit's bar: its mark, whether it is the reader's own, and where its figure comes from. */
export const unitBar = (
  lang: Lang,
  r: Pick<IdentityRow, 'unit_id' | 'unit_name' | 'source_kind' | 'year' | 'kind'>
) => ({
  ...unitMark(r),
  local: r.source_kind === 'local',
  source: barSource(lang, r)
});

/** The words of a bar chart: the tags of synthetic and local bars and the names of the spread's lines. */
export const barWords = (lang: Lang) => ({
  syntheticTag: `[${t(lang, 'synthetic_badge')}]`,
  localTag: `[${t(lang, 'local_badge')}]`,
  medianLabel: t(lang, 'median'),
  quartilesLabel: t(lang, 'quartiles')
});
