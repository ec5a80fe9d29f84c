// Coded tables (功能分类 / 经济分类 / 项目) read by position, for PDF lines that carry cells. A number goes
// to the column it stands in (columns are the x-ranges its column's numbers share, named by the heading
// nearest above), so an empty cell stays empty instead of shifting the numbers after it. Names wrapped
// above and below their row's code, header repeats at page breaks, and tables printed as two panels side
// by side (a 基本支出 table's 人员经费 | 公用经费 halves) are put back into rows.
import { gridLines, headings, isAmountCell, nearestHeading, type Heading } from './grid';
import { parseAmount } from './numbers';
import { leadingCode, type CodedRow } from './rows';
import type { Cell, Line } from './text';

/** What a column heading says its numbers are. */
const COLUMN_MEASURES: [RegExp, string][] = [
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/上缴上级|经营支出|附属单位|财政拨款收入|事业收入|其他收入|结转|结余/, 'other'],
  [/合计|总计|小计|预算数|决算数|金额|本年支出|支出预算|收入预算/, 'total']
];

const columnMeasure = (text: string) => {
  const t = text.replace(/\s+/g, '');
  return COLUMN_MEASURES.find(([re]) => re.test(t))?.[1] ?? null;
};

interface Column {
  x0: number;
  x1: number;
  measure: string;
}

const center = (c: Cell) => (c.x0 + c.x1) / 2;
const TOTAL_LABEL = /^(?:(人员经费|公用经费|支出|收入))?(?:总计|合计)$/;
const CODE_START = /^(?:\d{3}|\d{5}|\d{7})$/;
const HEADING_ONLY = /^(?:类|款|项|栏次|行次|※)$/;

const CJK = /[\u3400-\u9fff]/;

/** The left edge of the names column: code cells (类/款/项, or a joined code) stand left of it. */
function namesEdge(body: Cell[][]): number {
  let edge = Infinity;
  for (const cells of body) {
    if (!cells.length || !CODE_START.test(cells[0].text.replace(/\s+/g, ''))) continue;
    const name = cells.find((c) => CJK.test(c.text));
    if (name && name.x0 < edge) edge = name.x0;
  }
  return edge;
}

/** Columns of amounts: the x-ranges the body's numbers share, each named by its nearest heading. */
function amountColumns(body: Cell[][], heads: Heading[], codesBefore: number): Column[] {
  const spans = body
    .flat()
    .filter((c) => isAmountCell(c) && center(c) > codesBefore)
    .map((c) => ({ x0: c.x0, x1: c.x1 }))
    .sort((a, b) => a.x0 - b.x0);
  const merged: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, s.x1);
    else merged.push({ ...s });
  }
  const named = heads.filter((h) => columnMeasure(h.text) !== null);
  const cols = merged.map((m) => {
    const h = nearestHeading({ text: '', x0: m.x0, x1: m.x1 }, named);
    return { ...m, measure: h ? columnMeasure(h.text)! : 'unnamed' };
  });
  // a table whose first amount column has no heading of its own still leads with its total
  if (cols.length && !cols.some((c) => c.measure === 'total') && cols[0].measure === 'unnamed')
    cols[0].measure = 'total';
  return cols;
}

/** Where a second panel begins, when the header repeats its labels side by side; else null. */
function panelSplit(heads: Heading[]): number | null {
  const labels = heads.filter((h) => !HEADING_ONLY.test(h.text));
  for (const h of labels) {
    if (!/科目编码|科目名称|决算数|预算数|金额/.test(h.text)) continue;
    const twin = labels.find((o) => o !== h && o.text === h.text && o.x0 > h.x1);
    if (!twin) continue;
    const leftEdge = Math.max(...labels.filter((o) => o.x1 <= twin.x0).map((o) => o.x1));
    return (leftEdge + twin.x0) / 2;
  }
  return null;
}

interface Part {
  line: Line;
  cells: Cell[];
}

/** A name's parts above its code line go in front of the row's first name. */
function joinNames(above: string[], own: string[]): string[] {
  if (!above.length) return [...own];
  if (!own.length) return [above.join('')];
  return [above.join('') + own[0], ...own.slice(1)];
}

/** Rows of one panel's lines. */
function panelRows(parts: Part[], cols: Column[], codesBefore: number, headerTexts: Set<string>): CodedRow[] {
  const rows: CodedRow[] = [];
  let cur: CodedRow | null = null;
  const colOf = (c: Cell) => {
    let best = -1;
    let d = Infinity;
    cols.forEach((col, i) => {
      const overlap = Math.min(col.x1, c.x1) - Math.max(col.x0, c.x0);
      const dist = overlap > 0 ? -overlap : Math.abs((col.x0 + col.x1) / 2 - center(c));
      if (dist < d) {
        d = dist;
        best = i;
      }
    });
    return best;
  };
  const classify = (cells: Cell[]) => {
    const texts = cells.map((c) => c.text.replace(/\s+/g, ''));
    // leading code cells: '201' '05' '06', '2010506', or 款/项 cells printed without their zero ('301' '2')
    const parts: string[] = [];
    for (let i = 0; i < texts.length && i < 3; i++) {
      const t = texts[i];
      if (center(cells[i]) >= codesBefore) break;
      if (i === 0 ? !CODE_START.test(t) : !/^\d{1,2}$/.test(t)) break;
      if (i > 0 && parts.join('').length >= 7) break;
      parts.push(i === 0 ? t : t.padStart(2, '0'));
    }
    const joined = parts.join('');
    const code = /^(?:\d{3}|\d{5}|\d{7})$/.test(joined) ? leadingCode([joined]) : null;
    const rest = cells.slice(code ? parts.length : 0);
    return {
      code: code ? code.code : null,
      names: rest.filter((c) => !isAmountCell(c) && !HEADING_ONLY.test(c.text)).map((c) => c.text),
      amounts: rest.filter(isAmountCell)
    };
  };
  const place = (row: CodedRow, amounts: Cell[]) => {
    for (const a of amounts) {
      const i = colOf(a);
      if (i < 0) continue;
      const m = cols[i].measure;
      const v = parseAmount(a.text.replace(/\s+/g, ''))!;
      row.cols ??= {};
      if (row.cols[m] === undefined) row.cols[m] = v;
      row.amounts.push(v);
    }
  };
  const kinds = parts.map((part) => {
    const texts = part.cells.map((c) => c.text.replace(/\s+/g, ''));
    if (!part.cells.length || texts.every((t) => headerTexts.has(t) || HEADING_ONLY.test(t))) return null;
    const c = classify(part.cells);
    const total =
      c.code === null && c.names.length > 0 ? TOTAL_LABEL.exec(c.names[0].replace(/\s+/g, '')) : null;
    return { ...c, total, starts: c.code !== null || total !== null };
  });
  // a name line with neither code nor amounts is a wrapped part of the row whose code line is nearest to it
  // (above its code line when the cell is centred vertically, below it otherwise)
  const nearerBelow = (p: number) => {
    const here = parts[p].line;
    let next = p + 1;
    while (next < parts.length && !kinds[next]?.starts) next++;
    const below = parts[next]?.line;
    const above = cur ? parts.find((x) => x.line.no === cur!.line)?.line : undefined;
    if (!below || below.page !== here.page || below.y === undefined || here.y === undefined) return false;
    if (!above || above.page !== here.page || above.y === undefined) return true;
    return below.y - here.y < here.y - above.y;
  };
  let pending = null as { names: string[]; lines: number[] } | null;
  for (let p = 0; p < parts.length; p++) {
    const k = kinds[p];
    if (!k) continue;
    const { line } = parts[p];
    if (k.starts) {
      cur = {
        code: k.code,
        names: k.total ? ['总计'] : joinNames(pending?.names ?? [], k.names),
        amounts: [],
        line: line.no,
        lines: [...(pending?.lines ?? []), line.no],
        total: !!k.total,
        garbled: null,
        totalOf:
          k.total?.[1] === '人员经费' ? 'personnel' : k.total?.[1] === '公用经费' ? 'public' : undefined
      };
      pending = null;
      rows.push(cur);
      place(cur, k.amounts);
      continue;
    }
    if (k.names.length && !k.amounts.length) {
      if (nearerBelow(p)) {
        pending = {
          names: [...(pending?.names ?? []), k.names.join('')],
          lines: [...(pending?.lines ?? []), line.no]
        };
      } else if (cur) {
        if (cur.names.length) cur.names[cur.names.length - 1] += k.names.join('');
        else cur.names.push(k.names.join(''));
        cur.lines.push(line.no);
      }
      continue;
    }
    if (!k.names.length && k.amounts.length && cur) {
      // numbers a row's cell put on a line of their own
      place(cur, k.amounts);
      cur.lines.push(line.no);
      continue;
    }
    if (k.names.length && k.amounts.length) {
      cur = {
        code: null,
        names: joinNames(pending?.names ?? [], k.names),
        amounts: [],
        line: line.no,
        lines: [...(pending?.lines ?? []), line.no],
        total: false,
        garbled: null
      };
      pending = null;
      rows.push(cur);
      place(cur, k.amounts);
    }
  }
  return rows;
}

/** Rows of a coded table block read by position. `lines` are the block's lines after its title. */
export function gridRows(lines: Line[]): CodedRow[] {
  const body = gridLines(lines);
  const heads = headings(body);
  const headerTexts = new Set(heads.map((h) => h.text.replace(/\s+/g, '')));
  const firstData = body.findIndex((l) => l.cells!.some(isAmountCell));
  if (firstData < 0) return [];
  // header lines stay out of the rows; the first data line's own non-amount cells are row content
  const dataLines = body.slice(firstData);
  const split = panelSplit(heads);
  const panels: Part[][] = split === null ? [[]] : [[], []];
  for (const l of dataLines) {
    if (split === null) panels[0].push({ line: l, cells: l.cells! });
    else {
      const left = l.cells!.filter((c) => center(c) < split);
      const right = l.cells!.filter((c) => center(c) >= split);
      if (left.length) panels[0].push({ line: l, cells: left });
      if (right.length) panels[1].push({ line: l, cells: right });
    }
  }
  const out: CodedRow[] = [];
  for (const parts of panels) {
    const cells = parts.map((p) => p.cells);
    const codesBefore = namesEdge(cells);
    const cols = amountColumns(
      cells,
      split === null ? heads : heads.filter((h) => center(h) < split === (parts === panels[0])),
      codesBefore
    );
    out.push(...panelRows(parts, cols, codesBefore, headerTexts));
  }
  return out;
}
