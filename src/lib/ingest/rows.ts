// Logical rows of a coded table (功能分类 / 经济分类): a classification code, a name and amounts, joined
// back together across the line breaks that PDF extraction puts into codes, names and amount lists.
import { parseAmount } from './numbers';
import type { Line } from './text';

export interface CodedRow {
  /** digits only: '201', '20103', '2010301'; null for 总计/合计 or an uncoded row (a unit, a project) */
  code: string | null;
  /** name tokens in reading order (a row of 表7 has the function name, then the project name) */
  names: string[];
  amounts: number[];
  /** line number where the row starts, and every line it spans */
  line: number;
  lines: number[];
  total: boolean;
  /** a cell that looks like a damaged number ("4O.0O", "3#8.11"): the row's amounts cannot be trusted */
  garbled: string | null;
  /** read by position: each amount under the measure its column's heading names (empty cells absent) */
  cols?: Record<string, number>;
  /** a 合计 row of one panel of a two-panel table: whose total it is */
  totalOf?: 'personnel' | 'public';
}

const CLASS_OK = (c: string) => {
  const n = Number(c.slice(0, 3));
  return (n >= 201 && n <= 299) || (n >= 301 && n <= 399) || (n >= 501 && n <= 599);
};

const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Split a line into cells: whitespace and '|' separate; returns the non-empty tokens. */
export function tokens(text: string): string[] {
  return text.split(/[\s|]+/).filter(Boolean);
}

/** Leading code tokens of a line: ['201','03','01'] or ['2010301']; [] when the line does not start with one. */
export function leadingCode(toks: string[]): { code: string; used: number } | null {
  const t0 = toks[0];
  if (!t0) return null;
  if (/^\d{3}$/.test(t0) && CLASS_OK(t0)) {
    let code = t0;
    let used = 1;
    while (used < 3 && /^\d{2}$/.test(toks[used] ?? '')) {
      code += toks[used];
      used++;
    }
    return { code, used };
  }
  if (/^(\d{5}|\d{7})$/.test(t0) && CLASS_OK(t0)) return { code: t0, used: 1 };
  return null;
}

const TOTAL_ROW = /^(总计|合计|总\s*计|合\s*计)$/;
const SKIP_ROW = /^(※|类|款|项|栏次|行次)$/;

/** Group a table body into rows. `lines` is the body after the header (the "※ 1 2 3" line). */
export function groupRows(lines: Line[]): CodedRow[] {
  const rows: CodedRow[] = [];
  let cur: CodedRow | null = null;
  for (const l of lines) {
    let toks = tokens(l.text);
    if (!toks.length) continue;
    const code = leadingCode(toks);
    const restAfterCode = code ? toks.slice(code.used) : toks;
    const codeOnlyAmounts =
      code && restAfterCode.length > 0 && restAfterCode.every((t) => parseAmount(t) !== null);
    if (code && !codeOnlyAmounts) {
      cur = {
        code: code.code,
        names: [],
        amounts: [],
        line: l.no,
        lines: [l.no],
        total: false,
        garbled: null
      };
      rows.push(cur);
      toks = restAfterCode;
    } else if (TOTAL_ROW.test(toks[0])) {
      cur = {
        code: null,
        names: ['总计'],
        amounts: [],
        line: l.no,
        lines: [l.no],
        total: true,
        garbled: null
      };
      rows.push(cur);
      toks = toks.slice(1);
    } else if (!cur || cur.amounts.length > 0) {
      if (toks.every((t) => SKIP_ROW.test(t))) continue;
      if (toks.every((t) => parseAmount(t) !== null) && cur) {
        // amounts continuing a row whose amounts wrapped onto the next line
        cur.amounts.push(...toks.map((t) => parseAmount(t)!));
        cur.lines.push(l.no);
        continue;
      }
      cur = { code: null, names: [], amounts: [], line: l.no, lines: [l.no], total: false, garbled: null };
      rows.push(cur);
    } else {
      cur.lines.push(l.no);
    }
    // The first name token of a continuation line continues the name broken by the line break.
    let join = cur.lines.length > 1 && cur.names.length > 0;
    for (const t of toks) {
      const a = parseAmount(t);
      if (a !== null && !isCjk(t)) {
        cur.amounts.push(a);
      } else if (!isCjk(t) && /\d/.test(t) && !/^[(（]?\d{1,2}[)）、.]?$/.test(t)) {
        cur.garbled ??= t;
      } else {
        appendName(cur, t, join);
      }
      join = false;
    }
  }
  // An uncoded row without amounts that follows a coded row is the rest of that row's name.
  const out: CodedRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (!r.code && !r.total && r.amounts.length === 0 && prev) {
      for (const n of r.names) appendName(prev, n, true);
      prev.lines.push(...r.lines);
      continue;
    }
    out.push(r);
  }
  return out;
}

function appendName(r: CodedRow, t: string, continuation = false) {
  // A name broken by a line break continues the last name token; a space within a line separates cells.
  if (continuation && r.names.length) r.names[r.names.length - 1] += t;
  else r.names.push(t);
}

/** Merge name tokens broken by line breaks: tokens that came from different lines are joined. */
export function joinedName(r: CodedRow): string {
  return r.names.join('');
}
