// A view page's state and data: its URL state parsed on the client, checked against the data (a value the data
// does not hold is dropped, with a notice), the view's query run on what is left, and a change written back
// into the URL (the page then follows the URL).
import { page } from '$app/state';
import type { Facets } from '$lib/db/facets';
import type { Filters } from '$lib/db/filters';
import type { Db } from '$lib/db/types';
import type { Lang } from '../i18n';
import { app } from './app.svelte';
import type { FilterValue } from './filters';
import { filterNotices } from './notices';
import { viewQuery, type ViewQuery } from './viewQuery.svelte';
import { readPageState, writePageState, type View, type ViewState } from './viewState';

/** What a view keeps of its parsed state once checked against the data, and a notice for each value dropped. */
export type StateCheck<V extends View> = (
  state: ViewState<V>,
  facets: Facets,
  lang: Lang
) => { state: Partial<ViewState<V>>; notices: string[] };

export interface ViewPageOptions<V extends View, T> {
  check: StateCheck<V>;
  /** the view's query on the checked state */
  fetch: (state: ViewState<V>, db: Db, facets: Facets) => Promise<T>;
  /** the value before the first result */
  empty: T;
  /** checked fields written back with every change (a unit the view opened on by default) */
  pin?: readonly (keyof ViewState<V>)[];
}

export class ViewPage<V extends View, T> {
  readonly view: V;
  #opts: ViewPageOptions<V, T>;
  #query: ViewQuery<T>;

  readonly parsed = $derived.by(() =>
    app.facets ? readPageState(this.view, page.url.searchParams, app.lang) : null
  );
  #checked = $derived.by(() =>
    this.parsed && app.facets ? this.#opts.check(this.parsed.state, app.facets, app.lang) : null
  );
  /** the state the query runs on: the parsed state with the checked values */
  readonly state = $derived.by((): ViewState<V> | null =>
    this.parsed && this.#checked ? { ...this.parsed.state, ...this.#checked.state } : null
  );
  /** what the URL carried that was dropped, in the reader's language */
  readonly notices = $derived.by((): string[] =>
    this.parsed && this.#checked && app.facets
      ? [
          ...this.parsed.notices,
          ...this.#checked.notices,
          ...filterNotices(app.lang, this.parsed.state as Filters, app.facets)
        ]
      : []
  );

  constructor(view: V, opts: ViewPageOptions<V, T>) {
    this.view = view;
    this.#opts = opts;
    this.#query = viewQuery(view, () => this.state, opts.fetch, opts.empty);
  }

  /** the latest result of the view's query */
  get value(): T {
    return this.#query.value;
  }
  /** the plain-words error of the latest run, '' when it succeeded */
  get error(): string {
    return this.#query.error;
  }
  /** counts applied results: a chart redraws when it changes */
  get revision(): number {
    return this.#query.revision;
  }

  /** the props a chart of the view shares with the page: it redraws on each result, marked synthetic when any of
   * its rows is */
  chartProps<R>(rows: R[], synthetic: boolean) {
    return { revision: this.revision, view: this.view as string, synthetic, rows };
  }

  /** write the state with `patch` applied into the URL */
  update = (patch: Partial<FilterValue>) => {
    if (!this.parsed) return;
    const pinned: Partial<ViewState<V>> = {};
    for (const k of this.#opts.pin ?? []) pinned[k] = this.state?.[k];
    writePageState(this.view, { ...this.parsed.state, ...pinned, ...patch } as ViewState<V>);
  };
}
