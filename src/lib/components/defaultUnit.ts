// The unit a unit-centred view opens on when the URL names none: the first published unit (a real
// disclosure), else the first unit. Resolved from the data, so a link without a unit reproduces the view.
import type { Facets } from '../db/facets';

export function defaultUnit(facets: Facets): string | undefined {
  return (facets.units.find((u) => u.source_kind === 'published') ?? facets.units[0])?.unit_id;
}
