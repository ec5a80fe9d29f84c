// The columns that say whose a row is and what its figure is: the unit's name (a link to its page), its 级次 and
// 类别, and the document's kind (预算/决算), scope (部门/单位) and source (published/synthetic/local), each value
// by its name (区县级 → District/county, final → 决算), in the table and in its CSV alike.
import { columnLabel, valueLabel, type Lang } from '../i18n';
import type { LabelledColumn, SourceKind } from '../model';
import type { TableColumn } from './table';
import { unitHref } from './unitLink';

export type IdentityName = LabelledColumn & ('level' | 'category' | 'kind' | 'scope' | 'source_kind');

/** the document's kind, scope and source: every comparison table carries them */
export const DOC_COLUMNS = ['kind', 'scope', 'source_kind'] as const satisfies IdentityName[];
/** the unit's 级次 and 类别 */
export const UNIT_COLUMNS = ['level', 'category'] as const satisfies IdentityName[];

const TABLE = {
  level: 'units',
  category: 'units',
  kind: 'disclosures',
  scope: 'disclosures',
  source_kind: 'units'
} as const;

/** "预算" / "Final accounts"; an em dash for none */
export const kindText = (lang: Lang, k: string | null | undefined) => valueLabel(lang, 'kind', k);

/** The named columns, in the order given. */
export function identityColumns<T extends Partial<Record<IdentityName, string | null>>>(
  lang: Lang,
  names: readonly IdentityName[]
): TableColumn<T>[] {
  return names.map((name) => ({
    label: columnLabel(lang, name, TABLE[name]),
    value: (r) => r[name] ?? null,
    text: (r) => valueLabel(lang, name, r[name])
  }));
}

interface UnitRow {
  unit_id: string;
  unit_name: string | null;
  source_kind: SourceKind | string | null;
  year?: number | null;
}

/** The unit's name, marked when synthetic, a link to its page: on the row's year unless `year` is false, and on
 * `kind` when given. */
export function unitColumn<T extends UnitRow>(
  lang: Lang,
  link: { year?: boolean; kind?: 'budget' | 'final' } = {}
): TableColumn<T> {
  return {
    label: columnLabel(lang, 'unit_name'),
    value: (r) => r.unit_name,
    synthetic: (r) => r.source_kind === 'synthetic',
    href: (r) => unitHref(r.unit_id, link.year === false ? null : r.year, link.kind)
  };
}
