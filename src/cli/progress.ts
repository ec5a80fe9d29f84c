// Progress of a batch on stderr: count/total, documents per second, ETA. Throttled; on a terminal the line is
// rewritten in place, elsewhere (a log, a pipe) a plain line is printed now and then.

export interface ProgressOptions {
  total: number;
  write: (s: string) => void;
  isTTY: boolean;
  /** Milliseconds between updates (terminal); pipes get one line per 10 updates. */
  everyMs?: number;
  now?: () => number;
}

export const formatRate = (docsPerSecond: number) =>
  docsPerSecond >= 100 ? docsPerSecond.toFixed(0) : docsPerSecond.toFixed(1);

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

/** The progress line for `done` of `total` after `seconds`. */
export function progressLine(done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
  return `ingest: ${done}/${total} documents (${pct}%), ${formatRate(rate)} docs/s, ETA ${formatDuration(eta)}`;
}

export function startProgress(opts: ProgressOptions) {
  const now = opts.now ?? (() => performance.now());
  const every = opts.everyMs ?? 500;
  const started = now();
  let last = started;
  let ticks = 0;
  let shown = false;
  return {
    update(done: number) {
      if (opts.total <= 1) return;
      const t = now();
      if (t - last < every) return;
      last = t;
      const line = progressLine(done, opts.total, (t - started) / 1000);
      if (opts.isTTY) {
        opts.write(`\r\x1b[2K${line}`);
        shown = true;
      } else if (ticks++ % 10 === 9) opts.write(`${line}\n`);
    },
    /** Clear the in-place line; returns the seconds since start. */
    end(): number {
      if (shown) opts.write('\r\x1b[2K');
      return (now() - started) / 1000;
    }
  };
}
