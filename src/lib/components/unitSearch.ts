// The unit search's matching and keyboard movement (pure: tested without a browser).
import type { UnitOption } from '../db/facets';

/** The most matches the list shows at once (type more to narrow it). */
export const MAX_MATCHES = 30;

/** Units not yet chosen whose name or id contains the query (case-insensitive), in the facets' order. */
export function searchUnits(units: readonly UnitOption[], selected: readonly string[], query: string) {
  const q = query.trim().toLowerCase();
  const chosen = new Set(selected);
  const out: UnitOption[] = [];
  for (const u of units) {
    if (chosen.has(u.unit_id)) continue;
    if (q && !(u.unit_name ?? '').toLowerCase().includes(q) && !u.unit_id.toLowerCase().includes(q)) continue;
    out.push(u);
    if (out.length === MAX_MATCHES) break;
  }
  return out;
}

/** The highlight after an arrow press: down from none is the first, and it wraps at both ends. */
export function stepIndex(current: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
