// The link to a unit's page: its id, and the year (and kind) it opens on when given.
import { base } from '$app/paths';

export const unitHref = (unit: string, year?: number | null, kind?: 'budget' | 'final') =>
  `${base}/unit/?v=1&unit=${encodeURIComponent(unit)}${year ? `&y=${year}` : ''}${kind ? `&kind=${kind}` : ''}`;
