// A throttled writer: the first write of a quiet period goes out at once, later ones within `interval`
// collapse into one trailing write carrying the latest value. Pure (clock and timer are passed in).

export interface Pending {
  href: string;
  replace: boolean;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export function throttledWriter(write: (p: Pending) => void, interval: number, clock: Clock) {
  let last = -Infinity;
  let timer: unknown;
  let pending: Pending | undefined;
  const flush = () => {
    timer = undefined;
    const p = pending;
    pending = undefined;
    if (!p) return;
    last = clock.now();
    write(p);
  };
  return (href: string, replace = false) => {
    // a burst replaces the current history entry only if every write of it asked to
    pending = { href, replace: (pending ? pending.replace : true) && replace };
    if (timer !== undefined) return;
    const wait = Math.max(0, last + interval - clock.now());
    if (wait === 0) flush();
    else timer = clock.setTimeout(flush, wait);
  };
}
