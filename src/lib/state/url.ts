// The one place the URL is written. Browser only. Writes are throttled: a burst of changes (typing,
// dragging) lands as one history entry carrying the latest state; browsing a control with the keyboard
// replaces the entry its run made (./intent.ts).
import { goto } from '$app/navigation';
import { readLang, serializeState, withLang, type UrlLang } from './parse';
import { throttledWriter } from './throttle';
import { entryPolicy } from './intent';
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

const policy = entryPolicy();
/** the decision for the change event being dispatched (cleared once its dispatch is over) */
let changeReplaces: boolean | undefined;

if (typeof window !== 'undefined') {
  const capture = { capture: true };
  window.addEventListener('keydown', (e) => policy.keydown(e.target, e.key), capture);
  window.addEventListener('keyup', () => policy.keyup(), capture);
  window.addEventListener('pointerdown', () => policy.end(), capture);
  window.addEventListener('focusout', (e) => policy.end(e.target), capture);
  window.addEventListener(
    'change',
    (e) => {
      changeReplaces = policy.change(e.target);
      // the page's own handlers run in this same dispatch; a task later it is over
      setTimeout(() => (changeReplaces = undefined), 0);
    },
    capture
  );
}

/** The view's URL; it keeps the language the current URL names. */
export function urlOf<V extends View>(view: V, state: ViewState<V>, pathname = location.pathname): string {
  return `${pathname}?${serializeState(view, state, readLang(new URLSearchParams(location.search)))}`;
}

/** Put the page's language into the current URL (replacing the entry: a language is not a step back). */
export function writeLang(lang: UrlLang): void {
  const params = new URLSearchParams(location.search);
  if (readLang(params) === lang) return;
  write(`${location.pathname}?${withLang(params, lang)}`, true);
}

/** Write a view's state into the URL (throttled). */
export function writeUrl<V extends View>(view: V, state: ViewState<V>, opts: WriteOptions = {}): void {
  write(urlOf(view, state, opts.pathname), opts.replace ?? changeReplaces ?? false);
}
