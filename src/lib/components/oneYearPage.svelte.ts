// A one-year view (ranking, per capita, staffing, composition, execution): its URL state with the year checked
// against the years the data holds, its query, and what every such page shows alike: the year shown (the
// latest when none is asked for), the synthetic mark, the empty state and the props its charts share.
import { defaultYear, type Facets } from '$lib/db/facets';
import { splitSpread, type SpreadRow } from '$lib/db/ranking';
import type { Query } from '$lib/db/types';
import { paren } from '../i18n';
import { app } from './app.svelte';
import { checkYear } from './notices';
import { ViewPage, type StateCheck, type ViewPageOptions } from './viewPage.svelte';
import type { ViewState } from './viewState';

export type OneYearView = 'ranking' | 'percapita' | 'staffing' | 'composition' | 'execution';

const yearOf = (s: unknown) => (s as { year?: number } | null)?.year;

/** the year the URL names if the data has it, else none (the latest) with a notice */
function checkOneYear<V extends OneYearView>(): StateCheck<V> {
  return (s, facets, lang) => {
    const c = checkYear(lang, yearOf(s), facets);
    return { state: { year: c.year } as Partial<ViewState<V>>, notices: c.notices };
  };
}

interface UnitRow {
  source_kind: string | null;
}

export class OneYearPage<V extends OneYearView, T, R extends UnitRow> extends ViewPage<V, T> {
  #rowsOf: (value: T) => R[];
  /** the rows the chart and the table show */
  readonly rows = $derived.by(() => this.#rowsOf(this.value));
  /** the year shown: the one asked for, else the latest the data holds */
  readonly year = $derived.by(() => yearOf(this.state) ?? (app.facets ? defaultYear(app.facets) : undefined));
  readonly synthetic = $derived.by(() => this.rows.some((r) => r.source_kind === 'synthetic'));
  /** the query ran without error and found nothing: the page says why (EmptyState) */
  readonly empty = $derived.by(() => this.rows.length === 0 && !this.error && this.revision > 0);
  /** the props every chart of the view shares */
  readonly chart = $derived.by(() => this.chartProps(this.rows, this.synthetic));

  constructor(view: V, opts: Omit<ViewPageOptions<V, T>, 'check'>, rowsOf: (value: T) => R[]) {
    super(view, { ...opts, check: checkOneYear<V>() });
    this.#rowsOf = rowsOf;
  }

  /** a chart's title: the year, what is shown, and its unit in brackets */
  title(what: string, unit: string): string {
    return paren(app.lang, `${this.year ?? ''} ${what}`, unit);
  }
}

/** A one-year page whose query returns its rows as they are. */
export const oneYearPage = <V extends OneYearView, R extends UnitRow>(
  view: V,
  fetch: ViewPageOptions<V, R[]>['fetch']
) => new OneYearPage<V, R[], R>(view, { fetch, empty: [] }, (rows) => rows);

/** A one-year page whose query returns its rows with the spread of every unit in the filter as columns
 * (rankingQuery, executionQuery): the rows, and the spread apart. */
export class SpreadPage<V extends OneYearView, R extends UnitRow & { unit_id: string }> extends OneYearPage<
  V,
  { rows: R[]; spread: SpreadRow | null },
  R
> {
  readonly spread = $derived.by(() => this.value.spread);
  constructor(view: V, query: (state: ViewState<V>, facets: Facets) => Query) {
    super(
      view,
      {
        fetch: async (s, db, facets) => splitSpread<R>(await db.query<R & SpreadRow>(query(s, facets))),
        empty: { rows: [], spread: null }
      },
      (x) => x.rows
    );
  }
}
