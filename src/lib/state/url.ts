// The one place the URL is written. Browser only. Writes are throttled: a burst of changes (typing,
// dragging) lands as one history entry carrying the latest state.
import { goto } from '$app/navigation';
import { serializeState } from './parse';
import type { View, ViewState } from './views';

export const WRITE_INTERVAL_MS = 150;

export interface WriteOptions {
  /** replace the current history entry instead of adding one (e.g. for a normalised URL) */
  replace?: boolean;
  /** a path other than the current one (e.g. to open another view) */
  pathname?: string;
}

let last = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let pending: { href: string; replace: boolean } | undefined;

function flush() {
  timer = undefined;
  const p = pending;
  pending = undefined;
  if (!p) return;
  last = Date.now();
  const here = location.pathname + location.search + location.hash;
  if (p.href === here) return;
  // href is the current page's own path (base included) with a new query string
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  void goto(p.href, { replaceState: p.replace, noScroll: true, keepFocus: true });
}

export function urlOf<V extends View>(view: V, state: ViewState<V>, pathname = location.pathname): string {
  return `${pathname}?${serializeState(view, state)}`;
}

/** Write a view's state into the URL (throttled). */
export function writeUrl<V extends View>(view: V, state: ViewState<V>, opts: WriteOptions = {}): void {
  const href = urlOf(view, state, opts.pathname);
  // a replace within a burst stays a replace only if every write of the burst asked for it
  pending = { href, replace: (pending ? pending.replace : true) && !!opts.replace };
  if (timer) return;
  const wait = Math.max(0, last + WRITE_INTERVAL_MS - Date.now());
  if (wait === 0) flush();
  else timer = setTimeout(flush, wait);
}
