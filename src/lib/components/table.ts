// Columns of a table alternative: the same definition renders the HTML table and the CSV export.
import type { Snippet } from 'svelte';
import type { CsvColumn } from '../charts/export';

export interface TableColumn<T> extends CsvColumn<T> {
  /** shown text; defaults to String(value) */
  text?: (row: T) => string;
  numeric?: boolean;
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
