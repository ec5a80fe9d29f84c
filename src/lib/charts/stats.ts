// Summary statistics the charts draw: peer median and quartiles, percentile of a value among peers.
import { quantileSorted, ascending } from 'd3-array';

export interface Spread {
  q1: number;
  median: number;
  q3: number;
  n: number;
}

/** Quartiles of the stated (non-NULL, finite) values; null when none is stated. */
export function spreadOf(values: readonly (number | null | undefined)[]): Spread | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort(ascending);
  if (xs.length === 0) return null;
  return {
    q1: quantileSorted(xs, 0.25)!,
    median: quantileSorted(xs, 0.5)!,
    q3: quantileSorted(xs, 0.75)!,
    n: xs.length
  };
}

/** A spread a query computed (its quartiles NULL when no value is stated) as the charts take it. */
export function spreadFromRow(
  row: { n: number | null; q1: number | null; median: number | null; q3: number | null } | null
): Spread | null {
  if (!row || !row.n || row.q1 === null || row.median === null || row.q3 === null) return null;
  return { q1: row.q1, median: row.median, q3: row.q3, n: row.n };
}

/** Tukey's fences: a value beyond 1.5 interquartile ranges from the quartiles is an outlier. */
export function isOutlier(value: number | null | undefined, spread: Spread | null): boolean {
  if (value === null || value === undefined || !spread || spread.n < 4) return false;
  const iqr = spread.q3 - spread.q1;
  return value < spread.q1 - 1.5 * iqr || value > spread.q3 + 1.5 * iqr;
}
