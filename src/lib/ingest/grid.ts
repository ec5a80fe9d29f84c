// Column headings of a table read by position (PDF lines carry cells with x-ranges). An empty cell prints
// nothing, so a number's column is known only from where it stands: under which heading. Headings wrap over
// several lines at different heights and group headings span their columns, so a number is matched to the
// heading nearest to it, across and then up.
import { parseAmount } from './numbers';
import type { Cell, Line } from './text';

export interface Heading extends Cell {
  /** how many header lines above the first data line it stands (1 = the line just above) */
  up: number;
  center: number;
}

/** A cell that is an amount (or a dash for an empty one). */
export const isAmountCell = (c: Cell) => parseAmount(c.text.replace(/\s+/g, '')) !== null;

/** A line of column numbers under the headings ("※ ※ 1 2 3", "栏次 1 2 … 12"): header, not data. */
export function isColumnNumbers(cells: Cell[]): boolean {
  const nums = cells.filter((c) => !/^(?:※|栏次|行次)$/.test(c.text.trim()));
  if (nums.length < (nums.length < cells.length ? 2 : 3)) return false;
  return nums.every((c, i) => /^\d{1,2}$/.test(c.text.trim()) && Number(c.text) === Number(nums[0].text) + i);
}

/** Lines above every table (编制部门, 单位) and notes under it are not part of its grid. */
const OUTSIDE_GRID = /编制(?:部门|单位)|^(?:金额)?单位[:：]|^注[:：]|^说明[:：]/;

/** A positioned table's lines that belong to its grid: its cells, less the unit line, notes and
 *  column-number lines. */
export const gridLines = (lines: Line[]): Line[] =>
  lines.filter((l) => l.cells && !OUTSIDE_GRID.test(l.text) && !isColumnNumbers(l.cells));

/** Header cells of a block: every cell of the lines before its first line holding an amount (column
 *  numbers aside), minus the lines that carry the unit and the 编制部门 (they sit above every table). */
export function headings(lines: Line[]): Heading[] {
  const first = lines.findIndex((l) => l.cells?.some(isAmountCell) && !isColumnNumbers(l.cells));
  const head = lines
    .slice(0, first < 0 ? lines.length : first)
    .filter((l) => !isColumnNumbers(l.cells ?? []));
  const out: Heading[] = [];
  head.forEach((l, i) => {
    for (const c of l.cells ?? []) out.push({ ...c, up: head.length - i, center: (c.x0 + c.x1) / 2 });
  });
  return out;
}

/** Weight of one header line up, in points across: prefer the heading closest above a column. */
const LINE_WEIGHT = 10;

/** The heading among `candidates` nearest to a cell: horizontal distance of centres, plus a little for
 *  each line up (a group heading spans the columns beneath it, which are nearer). */
export function nearestHeading(cell: Cell, candidates: Heading[], across = false): Heading | null {
  const c = (cell.x0 + cell.x1) / 2;
  let best: Heading | null = null;
  let score = Infinity;
  for (const h of candidates) {
    const s = Math.abs(h.center - c) + (across ? 0 : LINE_WEIGHT * h.up);
    if (s < score) {
      score = s;
      best = h;
    }
  }
  return best;
}

/** Whether a heading says the column is the budget (预算数, 年初预算) or the actual (决算数). */
export function columnKind(text: string): 'budget' | 'final' | null {
  if (/决算/.test(text)) return 'final';
  if (/预算/.test(text)) return 'budget';
  return null;
}
