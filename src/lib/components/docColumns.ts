// The columns that say what a row's figure is: the document's kind (预算/决算), its scope (部门/单位) and its
// source (published/synthetic). Every comparison table and its CSV carry them.
import { columnLabel, t, valueLabel, type Lang } from '../i18n';
import type { TableColumn } from './table';

export interface DocKindRow {
  kind: 'budget' | 'final' | null;
  scope: 'department' | 'unit' | null;
  source_kind: string | null;
}

export const kindText = (lang: Lang, k: string | null | undefined) =>
  k === 'budget' ? t(lang, 'kind_budget') : k === 'final' ? t(lang, 'kind_final') : '—';

export function docColumns<T extends DocKindRow>(lang: Lang): TableColumn<T>[] {
  return [
    { label: columnLabel(lang, 'kind'), value: (r) => r.kind, text: (r) => kindText(lang, r.kind) },
    {
      label: columnLabel(lang, 'scope'),
      value: (r) => r.scope,
      text: (r) => (r.scope ? t(lang, r.scope === 'department' ? 'scope_department' : 'scope_unit') : '—')
    },
    {
      label: columnLabel(lang, 'source_kind'),
      value: (r) => r.source_kind,
      text: (r) => valueLabel(lang, 'source_kind', r.source_kind)
    }
  ];
}
