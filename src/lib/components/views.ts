// The dashboard's views, in tab order. Each is a route /<id>/ with its state in the query string.
import type { StringKey } from '../i18n';
import { isView, VIEWS, type View } from '../state';

/** The tabs: the state module's list of views (one list, in tab order). */
export const VIEW_IDS = VIEWS;
export type ViewId = View;

export const VIEW_LABEL: Record<ViewId, StringKey> = {
  ranking: 'view_ranking',
  trends: 'view_trends',
  composition: 'view_composition',
  staffing: 'view_staffing',
  percapita: 'view_percapita',
  benchmark: 'view_benchmark',
  execution: 'view_execution',
  unit: 'view_unit',
  quality: 'view_findings',
  sql: 'view_sql'
};

export function viewOfPath(pathname: string): ViewId | null {
  const seg = pathname.split('/').filter(Boolean).pop() ?? '';
  return isView(seg) ? seg : null;
}
