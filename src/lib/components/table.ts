// Columns of a table alternative: the same definition renders the HTML table and the CSV export.
import type { Snippet } from 'svelte';
import { roundTo, type CsvColumn } from '../charts/export';

export interface TableColumn<T> extends CsvColumn<T> {
  /** shown text; defaults to String(value) */
  text?: (row: T) => string;
  numeric?: boolean;
  /** decimals a numeric column's CSV keeps (default 4: amounts are stored in 万元 to 4 decimals) */
  digits?: number;
  /** the CSV cell, when neither the value nor the shown text is what a file should hold */
  csv?: (row: T) => string | number | boolean | null | undefined;
  /** marks the row's unit as synthetic (a badge after the text) */
  synthetic?: (row: T) => boolean;
  /** a link target for the cell text */
  href?: (row: T) => string | null;
  /** rendered in the cell instead of the text (the CSV keeps `value`) */
  cell?: Snippet<[T]>;
}

export function cellText<T>(col: TableColumn<T>, row: T): string {
  if (col.text) return col.text(row);
  const v = col.value(row);
  return v === null || v === undefined ? '—' : String(v);
}

/** What a column writes into a CSV: numbers rounded to the column's precision, a coded value (kind, severity,
 *  check…) as the words the table shows, never an internal name; an em dash (no value) as an empty cell. */
export function csvValue<T>(col: TableColumn<T>, row: T): string | number | boolean | null | undefined {
  if (col.csv) return col.csv(row);
  const v = col.value(row);
  if (typeof v === 'number') return col.numeric ? roundTo(v, col.digits ?? 4) : v;
  if (!col.text || v === null || v === undefined) return v;
  const shown = col.text(row);
  return shown === '—' ? null : shown;
}

/** The table's columns as CSV columns (see csvValue). */
export const csvColumns = <T>(columns: readonly TableColumn<T>[]): CsvColumn<T>[] =>
  columns.map((c) => ({ label: c.label, value: (r: T) => csvValue(c, r) }));
