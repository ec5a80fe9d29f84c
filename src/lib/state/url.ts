// The one place the URL is written. Browser only. Writes are throttled: a burst of changes (typing,
// dragging) lands as one history entry carrying the latest state.
import { goto } from '$app/navigation';
import { serializeState } from './parse';
import { throttledWriter } from './throttle';
import type { View, ViewState } from './views';

export const WRITE_INTERVAL_MS = 150;

export interface WriteOptions {
  /** replace the current history entry instead of adding one (e.g. for a normalised URL) */
  replace?: boolean;
  /** a path other than the current one (e.g. to open another view) */
  pathname?: string;
}

const write = throttledWriter(
  ({ href, replace }) => {
    if (href === location.pathname + location.search) return;
    // href is this site's own path (base included) with a new query string
    // eslint-disable-next-line svelte/no-navigation-without-resolve
    void goto(href, { replaceState: replace, noScroll: true, keepFocus: true });
  },
  WRITE_INTERVAL_MS,
  { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) }
);

export function urlOf<V extends View>(view: V, state: ViewState<V>, pathname = location.pathname): string {
  return `${pathname}?${serializeState(view, state)}`;
}

/** Write a view's state into the URL (throttled). */
export function writeUrl<V extends View>(view: V, state: ViewState<V>, opts: WriteOptions = {}): void {
  write(urlOf(view, state, opts.pathname), !!opts.replace);
}
