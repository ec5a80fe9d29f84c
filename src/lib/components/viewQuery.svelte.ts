// A view's query, run again whenever its input (the parsed URL state) or the engine changes. The page stays
// busy (no data-ready) until the newest result has been applied and drawn; a stale result is dropped.
import { onDestroy } from 'svelte';
import type { Facets } from '$lib/db/facets';
import type { Db } from '$lib/db/types';
import { app } from './app.svelte';
import { createLoader } from './loader';

export interface ViewQuery<T> {
  /** the latest result (rows are replaced, never mutated in place) */
  readonly value: T;
  /** the plain-words error of the latest run, '' when it succeeded */
  readonly error: string;
  /** counts applied results: a chart redraws when it changes */
  readonly revision: number;
}

export function viewQuery<S, T>(
  key: string,
  input: () => S | null | undefined,
  fetch: (state: S, db: Db, facets: Facets) => Promise<T>,
  empty: T
): ViewQuery<T> {
  const loader = createLoader(key);
  onDestroy(() => loader.dispose());
  let value = $state.raw(empty);
  let error = $state('');
  let revision = $state(0);
  $effect(() => {
    const s = input();
    const facets = app.facets;
    const db = app.db;
    if (!s || !facets || !db) return;
    void loader.run(
      () => fetch(s, db, facets),
      (v) => {
        value = v;
        revision++;
        error = '';
      },
      (m) => (error = m)
    );
  });
  return {
    get value() {
      return value;
    },
    get error() {
      return error;
    },
    get revision() {
      return revision;
    }
  };
}
