// The texts a unit's bar carries beside its value: where the figure comes from (tooltip) and the legend of
// the bar colours.
import { valueLabel, type Lang } from '../i18n';
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
