// Interpret the template's tables: coded tables (表2,3,5,6,7,8,9) and the label tables (表1,4,10).
import type { LineItemRow, Section } from '../model';
import { parseAmount, toWan, type MoneyUnit } from './numbers';
import { gridRows } from './coded-grid';
import { voidGarbled } from './garbled';
import { isAmountCell } from './grid';
import { groupRows, joinedName, tokens, type CodedRow } from './rows';
import { parseThreePublicGrid, threePublicRow } from './three-public-grid';
import type { TableBlock } from './sections';
import type { Line } from './text';

export type Item = Omit<LineItemRow, 'doc_id' | 'source_page'>;

export interface Problem {
  check: string;
  zh: string;
  en: string;
  lines: number[];
  severity?: 'error' | 'warning' | 'info';
}

export interface TableProject {
  name: string;
  code: string | null;
  amount: number | null;
  line: number;
}

export interface ParsedTables {
  items: Item[];
  projects: TableProject[];
  problems: Problem[];
  /** tables seen (by number), and those stated to be empty */
  present: Set<number>;
  empty: Set<number>;
  /** `${table}|${code}` of rows whose amounts were unreadable (their parents cannot be checked) */
  unreadable: Set<string>;
  /** the money unit each table is printed in */
  units: Map<number, MoneyUnit>;
  /** a 决算's 年初预算 (预算数) as its 三公 table states it beside the 决算数, by figure (万元) */
  initial: { figure: string; amount: number; line: number }[];
}

type Layout = 'basic_project' | 'personnel_public' | 'project' | 'income' | 'total_only';

const SECTION: Record<number, Section> = {
  1: 'summary',
  2: 'income',
  3: 'functional',
  4: 'summary',
  5: 'functional',
  6: 'economic',
  7: 'project',
  8: 'functional',
  9: 'functional',
  10: 'three_public'
};

function layoutOf(no: number, header: string): Layout {
  const h = header.replace(/\s+/g, '');
  if (no === 7 || /项目名称/.test(h)) return 'project';
  if (/人员经费/.test(h) && /公用经费/.test(h)) return 'personnel_public';
  if (/基本支出/.test(h) && /项目支出/.test(h)) return 'basic_project';
  if (no === 2) return 'income';
  return 'total_only';
}

const PAGE_REPEAT = /^编制(部门|单位)[:：]/;

/** Split a coded table's block into header text and body lines (page-break header repeats dropped).
 *  The header ends at the column-number line ("※ ※ 1 2 3"), or where there is none, at the first row. */
function codedBody(lines: Line[], b: TableBlock): { header: string; body: Line[] } {
  let hasMarks = false;
  for (let i = b.start + 1; i < b.end; i++) if (/^※/.test(lines[i].text)) hasMarks = true;
  const startsRow = (t: string) => {
    const t0 = tokens(t)[0] ?? '';
    return /^(总计|合计)$/.test(t0) || /^\d{3}$/.test(t0) || /^\d{5}$|^\d{7}$/.test(t0);
  };
  const header: string[] = [];
  const body: Line[] = [];
  let inHeader = true;
  for (let i = b.start + 1; i < b.end; i++) {
    const l = lines[i];
    if (PAGE_REPEAT.test(l.text)) {
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (hasMarks ? /^※/.test(l.text) : startsRow(l.text)) {
        inHeader = false;
        if (hasMarks) continue;
      } else {
        if (body.length === 0) header.push(l.text);
        continue;
      }
    }
    body.push(l);
  }
  return { header: header.join(' '), body };
}

export function parseTables(lines: Line[], blocks: TableBlock[], docUnit: MoneyUnit | null): ParsedTables {
  const out: ParsedTables = {
    items: [],
    initial: [],
    projects: [],
    problems: [],
    present: new Set(),
    empty: new Set(),
    unreadable: new Set(),
    units: new Map()
  };
  const coded = new Map<number, { rows: CodedRow[]; layout: Layout; unit: MoneyUnit }>();
  for (const b of blocks) {
    out.present.add(b.no);
    const unit = b.unit ?? docUnit;
    if (b.emptyLine !== null) out.empty.add(b.no);
    if (unit) out.units.set(b.no, unit);
    if (!unit) {
      out.problems.push({
        check: 'table_unit_unknown',
        zh: `表${b.no}未注明金额单位，其数字未采用`,
        en: `Table ${b.no} states no money unit; its figures were not used`,
        lines: [lines[b.start].no],
        severity: 'warning'
      });
      continue;
    }
    if (b.no === 1 || b.no === 4 || b.no === 10) {
      const read = voidGarbled(lines, b, out.problems);
      if (b.no !== 10) parseSummaryTable(read, b, unit, out);
      else if (lines[b.start].cells) parseThreePublicGrid(read, b, unit, out);
      else parseThreePublicTable(read, b, unit, out);
    } else if (b.emptyLine === null) {
      const { header, body } = codedBody(lines, b);
      const rows = lines[b.start].cells ? gridRows(lines.slice(b.start + 1, b.end)) : groupRows(body);
      // a table continued under a repeated title adds its rows to the first part
      const before = coded.get(b.no);
      if (before) before.rows.push(...rows);
      else coded.set(b.no, { rows, layout: layoutOf(b.no, header), unit });
    }
  }
  // 表7 first: its projects tell which functional rows are project spending.
  const projectByCode = new Map<string, number>();
  const t7 = coded.get(7);
  if (t7) {
    for (const r of t7.rows) {
      const amt = r.amounts.length ? toWan(r.amounts[0], t7.unit) : null;
      if (r.code && r.code.length === 7 && amt !== null) {
        projectByCode.set(r.code, (projectByCode.get(r.code) ?? 0) + amt);
      }
    }
  }
  for (const [no, t] of coded) {
    for (const r of t.rows) emitCodedRow(no, r, t.layout, t.unit, projectByCode, t7 !== undefined, out);
  }
  return out;
}

function emitCodedRow(
  no: number,
  r: CodedRow,
  layout: Layout,
  unit: MoneyUnit,
  projectByCode: Map<string, number>,
  haveT7: boolean,
  out: ParsedTables
) {
  const section = SECTION[no] ?? 'functional';
  const a = r.amounts.map((v) => toWan(v, unit));
  let name = r.total ? '总计' : joinedName(r);
  if (layout === 'project') {
    // 表7 rows: [function name] [project name] amounts; a row with a 项 code and two names is a project
    if (r.code && r.code.length === 7 && r.names.length >= 2) {
      const projectName = r.names.slice(1).join('');
      name = projectName;
      out.projects.push({ name: projectName, code: r.code, amount: a[0] ?? null, line: r.line });
    }
  }
  const item = (measure: string, amount: number): Item => ({
    table_no: no,
    section,
    code: r.code,
    name,
    measure,
    amount,
    source_line: r.line
  });
  if (r.garbled !== null) {
    out.problems.push({
      check: 'garbled_number',
      zh: `表${no}有无法识别的数字“${r.garbled}”，该行金额未采用`,
      en: `Table ${no}: unreadable number “${r.garbled}”; the row's amounts were not used`,
      lines: r.lines,
      severity: 'warning'
    });
    out.unreadable.add(`${no}|${r.code ?? '总计'}`);
    return;
  }
  if (a.length === 0) return; // an empty row: nothing stated
  if (r.cols) {
    // read by position: each amount under its column's measure, an empty cell stays unstated
    if (r.totalOf && r.cols.total !== undefined) {
      out.items.push(item(r.totalOf, toWan(r.cols.total, unit)));
      return;
    }
    for (const m of ['total', 'basic', 'project', 'personnel', 'public'])
      if (r.cols[m] !== undefined) out.items.push(item(m, toWan(r.cols[m], unit)));
    return;
  }
  out.items.push(item('total', a[0]));
  if (layout === 'basic_project' || layout === 'personnel_public') {
    const [m1, m2] = layout === 'basic_project' ? ['basic', 'project'] : ['personnel', 'public'];
    if (a.length >= 3) {
      out.items.push(item(m1, a[1]), item(m2, a[2]));
    } else if (a.length === 2) {
      const which = placeSingle(r, layout, a[1], projectByCode, haveT7);
      if (which === 'first') out.items.push(item(m1, a[1]));
      else if (which === 'second') out.items.push(item(m2, a[1]));
      else
        out.problems.push({
          check: 'amount_unplaced',
          zh: `表${no}的金额 ${a[1]} 无法确定所属栏目`,
          en: `Table ${no}: cannot tell which column the amount ${a[1]} belongs to`,
          lines: r.lines,
          severity: 'info'
        });
      if (a[1] !== a[0] && which !== null)
        out.problems.push({
          check: 'row_columns',
          zh: `表${no}一行只列出一个分项 ${a[1]}，与合计 ${a[0]} 不等`,
          en: `Table ${no}: a row gives one part ${a[1]} and it differs from the total ${a[0]}`,
          lines: r.lines,
          severity: 'warning'
        });
    }
  }
}

/** With two amounts (total + one part), decide which part column the second belongs to. */
function placeSingle(
  r: CodedRow,
  layout: Layout,
  amount: number,
  projectByCode: Map<string, number>,
  haveT7: boolean
): 'first' | 'second' | null {
  if (r.total || !r.code) return null;
  if (layout === 'personnel_public') {
    const cls = r.code.slice(0, 3);
    if (cls === '301' || cls === '303') return 'first';
    if (cls === '302' || cls === '310' || cls === '309') return 'second';
    return null;
  }
  if (!haveT7) return null;
  let project = 0;
  for (const [code, v] of projectByCode) if (code.startsWith(r.code)) project += v;
  if (Math.abs(project - amount) < 0.006) return 'second';
  if (project === 0) return 'first';
  return null;
}

// --- 表1 / 表4: income items on the left, functional classes on the right -----------------------------

const LEFT_ITEMS: [RegExp, string][] = [
  [/^(?:一、)?本年收入(?:合计)?$/, 'income_current'],
  [/^(?:一、)?财政拨款(?:\(补助\))?(?:收入)?$/, 'fiscal_total'],
  [/^(?:\d[、.]|[一二三]、)?一般公共预算(?:拨款|财政拨款)?(?:收入|资金)?$/, 'general_budget'],
  [
    /^(?:\d[、.]|[一二三]、)?(?:政府性基金(?:预算)?|基金预算)(?:拨款|财政拨款)?(?:收入|资金)?$/,
    'fund_budget'
  ],
  [/^(?:\d[、.]|[一二三]、)?国有资本经营预算(?:拨款|财政拨款)?(?:收入|资金)?$/, 'state_capital_budget'],
  [/^(?:二、)?上年结转(?:结余)?$/, 'carryover'],
  [/^(?:收入)?总计$/, 'total_income']
];

/** Where the expenditure half of a positioned summary table begins: the left edge of the labels that
 *  follow an amount on some row ("一、财政拨款收入 164,978,640 | 一、一般公共服务支出 2,976,800"). */
function rightHalfAt(lines: Line[], b: TableBlock): number | null {
  let at: number | null = null;
  for (let i = b.start + 1; i < b.end; i++) {
    const cells = lines[i].cells ?? [];
    const k = cells.findIndex(isAmountCell);
    if (k < 0) continue;
    const label = cells.slice(k + 1).find((c) => !isAmountCell(c) && /[\u3400-\u9fff]/.test(c.text));
    if (label && (at === null || label.x0 < at)) at = label.x0;
  }
  return at;
}

/** A summary-table line as its income half and expenditure half (tokens). Text lines split where a
 *  functional class code (2xx) and its name begin; positioned lines at the expenditure labels' edge. */
function summaryHalves(l: Line, text: string, splitAt: number | null): { left: string[]; right: string[] } {
  if (l.cells && splitAt !== null) {
    const left: string[] = [];
    const right: string[] = [];
    for (const c of l.cells) (c.x0 < splitAt - 1 ? left : right).push(...tokens(c.text));
    return { left, right };
  }
  const toks = tokens(text);
  let split = toks.length;
  for (let k = 0; k < toks.length - 1; k++) {
    if (/^2\d{2}$/.test(toks[k]) && /[\u3400-\u9fff]/.test(toks[k + 1])) {
      split = k;
      break;
    }
  }
  return { left: toks.slice(0, split), right: toks.slice(split) };
}

/** Totals of the expenditure half that are labelled, not coded. */
const RIGHT_TOTALS: [RegExp, string][] = [
  [/^(?:支出)?总计$/, 'total_expenditure'],
  [/^本年支出(?:合计)?$/, 'expenditure_current']
];

function parseSummaryTable(lines: Line[], b: TableBlock, unit: MoneyUnit, out: ParsedTables) {
  const seen = new Set<string>();
  let inCarryover = false;
  const splitAt = lines[b.start].cells ? rightHalfAt(lines, b) : null;
  const push = (name: string, measure: string, code: string | null, value: number, line: number) =>
    out.items.push({
      table_no: b.no,
      section: 'summary',
      code,
      name,
      measure,
      amount: toWan(value, unit),
      source_line: line
    });
  for (let i = b.start + 1; i < b.end; i++) {
    const l = lines[i];
    const text = l.text.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
    // totals line: 收入总计 X 支出总计 Y [Y2 …]
    const tot = /收入总计\s*([\d,.]+)?\s*支出总计\s*([\d,.]+)?/.exec(text);
    if (tot) {
      const inc = tot[1] ? parseAmount(tot[1]) : null;
      const exp = tot[2] ? parseAmount(tot[2]) : null;
      for (const [measure, v, name] of [
        ['total_income', inc, '收入总计'],
        ['total_expenditure', exp, '支出总计']
      ] as const)
        if (v !== null && !seen.has(measure)) {
          seen.add(measure);
          push(name, measure, null, v, l.no);
        }
      continue;
    }
    const { left, right } = summaryHalves(l, text, splitAt);
    if (left.length) {
      const nums = left.map(parseAmount);
      const firstNum = nums.findIndex((n) => n !== null);
      const label = (firstNum < 0 ? left : left.slice(0, firstNum)).join('').replace(/^其中[:：]/, '');
      const value = firstNum < 0 ? null : nums[firstNum];
      if (/^二、/.test(label) && /结转|结余/.test(label)) inCarryover = true;
      for (const [re, measure] of LEFT_ITEMS) {
        if (!re.test(label)) continue;
        if (inCarryover && measure !== 'carryover' && measure !== 'total_income') break;
        if (seen.has(measure)) break;
        seen.add(measure);
        if (value !== null) push(label, measure, null, value, l.no);
        break;
      }
    }
    if (right.length >= 2) {
      const code = right[0];
      const amounts = right.slice(/^\d+$/.test(code) ? 2 : 1).map(parseAmount);
      const label = right
        .slice(
          0,
          right.findIndex((t) => parseAmount(t) !== null)
        )
        .join('');
      const total = RIGHT_TOTALS.find(([re]) => re.test(label));
      if (total && amounts[0] != null && !seen.has(total[1])) {
        seen.add(total[1]);
        push(label, total[1], null, amounts[0], l.no);
      } else if (/^2\d{2}$/.test(code) && amounts.length && amounts[0] !== null)
        push(right[1], 'total', code, amounts[0]!, l.no);
    }
  }
}

// --- 表10: the 三公 table ---------------------------------------------------------------------------

interface Cell {
  text: string;
  line: number;
}

/** The block as a stream of cells: split on '|' when the page flattened a table with bars, else on lines
 *  (a line is a label followed by its amounts). */
function cellStream(lines: Line[], b: TableBlock): { cells: Cell[]; pipe: boolean } {
  const body = lines.slice(b.start + 1, b.end);
  const pipe = body.some((l) => l.text.includes('|'));
  const cells: Cell[] = [];
  if (pipe) {
    let cur = '';
    let curLine = body[0]?.no ?? 0;
    for (const l of body) {
      const parts = l.text.split('|');
      for (let k = 0; k < parts.length; k++) {
        if (k > 0) {
          cells.push({ text: cur.trim(), line: curLine });
          cur = '';
        }
        if (!cur.trim()) curLine = l.no;
        cur += (cur ? ' ' : '') + parts[k];
      }
    }
    if (cur.trim()) cells.push({ text: cur.trim(), line: curLine });
  } else {
    for (const l of body) {
      const toks = tokens(l.text);
      const firstNum = toks.findIndex((t) => parseAmount(t) !== null);
      const label = (firstNum < 0 ? toks : toks.slice(0, firstNum)).join('');
      if (label) cells.push({ text: label, line: l.no });
      if (firstNum >= 0) for (const t of toks.slice(firstNum)) cells.push({ text: t, line: l.no });
    }
  }
  return { cells, pipe };
}

function parseThreePublicTable(lines: Line[], b: TableBlock, unit: MoneyUnit, out: ParsedTables) {
  const { cells, pipe } = cellStream(lines, b);
  // a row label is followed by an amount or an empty cell; a 合计 followed by words is a column header
  const isRow = (i: number) => {
    if (!threePublicRow(cells[i].text)) return false;
    const next = cells[i + 1]?.text.trim() ?? '';
    return next === '' || next === '-' || parseAmount(next) !== null || threePublicRow(next) !== null;
  };
  const firstRow = cells.findIndex((_, i) => isRow(i));
  if (firstRow < 0) return;
  const header = cells
    .slice(0, firstRow)
    .map((c) => c.text.replace(/\s+/g, ''))
    .join('|');
  // rows: a label, then its cells up to the next label
  const rows: { label: string; measure: string; line: number; values: (number | null)[] }[] = [];
  for (let i = firstRow; i < cells.length; i++) {
    const r = isRow(i) ? threePublicRow(cells[i].text) : null;
    if (r) {
      rows.push({ ...r, line: cells[i].line, values: [] });
      continue;
    }
    const cur = rows[rows.length - 1];
    if (!cur) continue;
    const t = cells[i].text.trim();
    if (t === '' || t === '-' || t === '—') cur.values.push(null);
    else cur.values.push(parseAmount(t));
  }
  // the column that holds the figure: the first, or the 决算 group's first when budget and final stand side by side
  const budgetAt = header.search(/预算数|年初预算/);
  const finalAt = header.search(/决算数|支出决算|决算/);
  const twoGroups = budgetAt >= 0 && finalAt >= 0;
  const width = Math.max(
    0,
    ...rows.map((r) => r.values.filter((v, k) => v !== null || k < r.values.length - 1).length)
  );
  const groups = twoGroups ? 2 : 1;
  const groupSize = twoGroups ? Math.max(1, Math.round(width / 2)) : width;
  const column = twoGroups && budgetAt < finalAt ? groupSize : 0;
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.measure)) continue;
    let value: number | null = null;
    if (pipe) value = r.values[column] ?? null;
    else {
      const nums = r.values.filter((v): v is number => v !== null);
      if (nums.length === groups * groupSize || (!twoGroups && nums.length > 0)) value = nums[column] ?? null;
      else if (nums.length > 0) {
        out.problems.push({
          check: 'amount_unplaced',
          zh: `表10一行的数字个数与栏目不符，无法确定所属栏目`,
          en: `Table 10: a row's figures do not fill the columns; cannot tell which is which`,
          lines: [r.line],
          severity: 'info'
        });
      }
    }
    if (twoGroups) {
      const at = budgetAt < finalAt ? 0 : groupSize;
      const nums = r.values.filter((v): v is number => v !== null);
      const budget = pipe ? r.values[at] : nums.length === groups * groupSize ? nums[at] : null;
      if (budget !== null && budget !== undefined)
        out.initial.push({ figure: r.measure, amount: toWan(budget, unit), line: r.line });
    }
    if (value === null) continue;
    seen.add(r.measure);
    out.items.push({
      table_no: 10,
      section: 'three_public',
      code: null,
      name: r.label,
      measure: r.measure,
      amount: toWan(value, unit),
      source_line: r.line
    });
  }
}
