// The URL state of a one-year view (ranking, per capita, staffing, composition): parsed on the client, its
// year checked against the years the data holds, and every notice for what was dropped.
import { page } from '$app/state';
import { app } from './app.svelte';
import { checkYear, filterNotices } from './notices';
import type { FilterValue } from './filters';
import { readPageState, writePageState, type ViewState } from './viewState';

export type OneYearView = 'ranking' | 'percapita' | 'staffing' | 'composition' | 'execution';

export function oneYearPage<V extends OneYearView>(view: V) {
  const parsed = $derived(app.facets ? readPageState(view, page.url.searchParams, app.lang) : null);
  const yearCheck = $derived(
    parsed && app.facets ? checkYear(app.lang, parsed.state.year, app.facets) : null
  );
  const state = $derived(parsed ? { ...parsed.state, year: yearCheck?.year } : null);
  const notices = $derived(
    parsed && app.facets
      ? [
          ...parsed.notices,
          ...(yearCheck?.notices ?? []),
          ...filterNotices(app.lang, parsed.state, app.facets)
        ]
      : []
  );
  /** write the state with `patch` applied into the URL (the page then follows the URL) */
  function update(patch: Partial<FilterValue>) {
    if (!parsed) return;
    writePageState(view, { ...parsed.state, ...patch } as ViewState<V>);
  }
  return {
    update,
    get parsed() {
      return parsed;
    },
    get state() {
      return state;
    },
    get notices() {
      return notices;
    }
  };
}
