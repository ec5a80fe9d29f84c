// 公开完整度 as the views read it: a disclosure row's stored score and missing ids → the catalogue's items,
// present or missing, in catalogue order (the score and the list come from the ingest; nothing is re-judged here).
import { COMPLETENESS_ITEM_IDS, splitMissing, type CompletenessItemId, type DisclosureRow } from '../model';

export interface CompletenessView {
  /** 0–100 */
  score: number;
  present: CompletenessItemId[];
  missing: CompletenessItemId[];
}

/** The items of a disclosure row; null when the row has no score (data written before the score existed). */
export function completenessOf(
  row: Pick<DisclosureRow, 'completeness' | 'completeness_missing'> | null | undefined
): CompletenessView | null {
  if (!row || typeof row.completeness !== 'number') return null;
  const missing = splitMissing(row.completeness_missing);
  return {
    score: row.completeness,
    present: COMPLETENESS_ITEM_IDS.filter((id) => !missing.includes(id)),
    missing
  };
}
