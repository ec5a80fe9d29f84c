// The dashboard's views, in tab order. Each is a route /<id>/ with its state in the query string.
import type { StringKey } from '../i18n';
import type { View } from '../state';

export const VIEW_IDS = [
  'ranking',
  'trends',
  'composition',
  'staffing',
  'percapita',
  'benchmark',
  'unit',
  'quality',
  'sql'
] as const satisfies readonly View[];
export type ViewId = (typeof VIEW_IDS)[number];

export const VIEW_LABEL: Record<ViewId, StringKey> = {
  ranking: 'view_ranking',
  trends: 'view_trends',
  composition: 'view_composition',
  staffing: 'view_staffing',
  percapita: 'view_percapita',
  benchmark: 'view_benchmark',
  unit: 'view_unit',
  quality: 'view_findings',
  sql: 'view_sql'
};

export function viewOfPath(pathname: string): ViewId | null {
  const seg = pathname.split('/').filter(Boolean).pop() ?? '';
  return (VIEW_IDS as readonly string[]).includes(seg) ? (seg as ViewId) : null;
}
