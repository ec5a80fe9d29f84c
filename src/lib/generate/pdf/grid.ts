// A table as the PDF prints it: columns (code, text or amount), header cells with their spans, and body rows
// of cell texts ('' for an empty cell, which prints nothing). Pure: from the structured table (tables.ts) and
// the document's PDF style; column widths from a text measure passed in.
import { formatAmount } from '../document';
import type { Cell, HeaderNode, Table, ThreeItems } from '../tables';
import type { PdfStyle } from './style';

export type ColumnKind = 'code' | 'text' | 'amount';
export type Align = 'left' | 'right' | 'center';

/** A cell of a span grid: header cells span rows and columns; body cells are one each. */
export interface GridCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  align: Align;
}

export interface TableGrid {
  columns: ColumnKind[];
  header: GridCell[];
  headerRows: number;
  body: { cells: string[]; total: boolean }[];
}

interface Node {
  label: string;
  kind: ColumnKind;
  children?: Node[];
}

const CODE_PARTS: Record<'functional' | 'economic', string[]> = {
  functional: ['类', '款', '项'],
  economic: ['类', '款']
};

function expand(nodes: readonly HeaderNode[], split: boolean): Node[] {
  return nodes.map((n) => {
    if (n.code)
      return split
        ? {
            label: n.label,
            kind: 'code',
            children: CODE_PARTS[n.code].map((l) => ({ label: l, kind: 'code' }))
          }
        : { label: n.label, kind: 'code' };
    if (n.children) return { label: n.label, kind: 'amount', children: expand(n.children, split) };
    return { label: n.label, kind: n.text ? 'text' : 'amount' };
  });
}

const depth = (nodes: readonly Node[]): number =>
  Math.max(...nodes.map((n) => (n.children ? 1 + depth(n.children) : 1)));

/** Header cells of a column tree: groups span their leaves, leaves span down to the last header row. */
function headerCells(nodes: readonly Node[], columnNumbers: boolean) {
  const rows = depth(nodes);
  const cells: GridCell[] = [];
  const columns: ColumnKind[] = [];
  const walk = (list: readonly Node[], level: number) => {
    for (const n of list) {
      const col = columns.length;
      if (n.children) {
        walk(n.children, level + 1);
        cells.push({
          text: n.label,
          row: level,
          col,
          rowSpan: 1,
          colSpan: columns.length - col,
          align: 'center'
        });
      } else {
        columns.push(n.kind);
        cells.push({ text: n.label, row: level, col, rowSpan: rows - level, colSpan: 1, align: 'center' });
      }
    }
  };
  walk(nodes, 0);
  if (!columnNumbers) return { cells, columns, rows };
  let k = 0;
  columns.forEach((kind, col) =>
    cells.push({
      text: kind === 'amount' ? String(++k) : '※',
      row: rows,
      col,
      rowSpan: 1,
      colSpan: 1,
      align: 'center'
    })
  );
  return { cells, columns, rows: rows + 1 };
}

/** A code in its cells: 2010301 → 201 | 03 | 01 (split) or 2010301 (joined); 20103 → 201 | 03 | ''. */
export function codeCells(code: string | undefined, parts: number, split: boolean): string[] {
  if (!split) return [code ?? ''];
  const c = code ?? '';
  return [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)].slice(0, parts);
}

export function tableGrid(t: Table, style: PdfStyle): TableGrid {
  if (t.no === 10 && t.three) return threeGrid(t, style);
  const nodes = expand(t.header, style.splitCodes);
  const { cells, columns, rows } = headerCells(nodes, style.columnNumbers);
  const codeNode =
    t.header.find((n) => n.code) ?? t.header.flatMap((n) => n.children ?? []).find((n) => n.code);
  const parts = codeNode ? (style.splitCodes ? CODE_PARTS[codeNode.code!].length : 1) : 0;
  const inYuan = t.money === '元';
  const text = (c: Cell) => (c === null ? '' : typeof c === 'number' ? formatAmount(c, inYuan) : c);
  return {
    columns,
    header: cells,
    headerRows: rows,
    body: t.rows.map((r) => ({
      cells: [...(parts ? codeCells(r.code, parts, style.splitCodes) : []), ...r.cells.map(text)],
      total: r.role === 'total'
    }))
  };
}

/** 表10 in the style's orientation: items as rows (预算数, 决算数 columns) or as columns (one row per figure). */
function threeGrid(t: Table, style: PdfStyle): TableGrid {
  const three = t.three!;
  const inYuan = t.money === '元';
  const a = (x: number) => (x === 0 ? '' : formatAmount(x, inYuan));
  const final = t.kind === 'final';
  const sets: [string, ThreeItems][] = final
    ? [
        ['预算数', three.budget ?? three.items],
        ['决算数', three.items]
      ]
    : [['预算数', three.items]];
  if (style.threeLayout === 'rows') {
    const nodes: Node[] = [
      { label: '项目', kind: 'text' },
      ...sets.map(([label]): Node => ({ label, kind: 'amount' }))
    ];
    const { cells, columns, rows } = headerCells(nodes, style.columnNumbers);
    const item = (label: string, pick: (x: ThreeItems) => number, total = false) => ({
      cells: [label, ...sets.map(([, x]) => a(pick(x)))],
      total
    });
    return {
      columns,
      header: cells,
      headerRows: rows,
      body: [
        item('合计', (x) => x.total, true),
        item(three.overseasWording, (x) => x.overseas),
        item(three.vehicleWording, (x) => x.vehicleTotal),
        item('其中：公务用车购置费', (x) => x.vehiclePurchase),
        item('公务用车运行费', (x) => x.vehicleOperation),
        item('公务接待费', (x) => x.reception)
      ]
    };
  }
  // Shanghai's: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费), one data row;
  // a 决算 document has the six under 预算数 and again under 决算数, side by side (the national 决算 form)
  const items = (): Node[] => [
    { label: '合计', kind: 'amount' },
    { label: three.overseasWording, kind: 'amount' },
    { label: '公务接待费', kind: 'amount' },
    {
      label: three.vehicleWording,
      kind: 'amount',
      children: ['小计', '购置费', '运行费'].map((label): Node => ({ label, kind: 'amount' }))
    }
  ];
  const nodes: Node[] = final
    ? sets.map(([label]): Node => ({ label, kind: 'amount', children: items() }))
    : items();
  const { cells, columns, rows } = headerCells(nodes, style.columnNumbers);
  return {
    columns,
    header: cells,
    headerRows: rows,
    body: [
      {
        cells: sets.flatMap(([, x]) => [
          a(x.total),
          a(x.overseas),
          a(x.reception),
          a(x.vehicleTotal),
          a(x.vehiclePurchase),
          a(x.vehicleOperation)
        ]),
        total: false
      }
    ]
  };
}

/**
 * Column widths filling `available` points: codes and amounts as wide as their widest cell, text columns
 * sharing the rest by their content (a name wider than its share wraps). Null when the fixed columns alone
 * do not fit at this font size (the caller tries a smaller one).
 */
export function columnWidths(
  grid: TableGrid,
  available: number,
  measure: (text: string) => number,
  size: number,
  pad: number
): number[] | null {
  const content = grid.columns.map((_, col) =>
    Math.max(0, ...grid.body.map((r) => (r.cells[col] ? measure(r.cells[col]) * size : 0)))
  );
  const widths = grid.columns.map((kind, col) =>
    kind === 'code'
      ? Math.max(content[col], size * 1.2) + 2 * pad
      : kind === 'amount'
        ? Math.max(content[col], size * 3.6) + 2 * pad
        : 0
  );
  const text = grid.columns.flatMap((k, col) => (k === 'text' ? [col] : []));
  const fixed = widths.reduce((s, w) => s + w, 0);
  const natural = text.map((col) => Math.min(Math.max(content[col], size * 6), size * 18) + 2 * pad);
  const least = text.length * (size * 5 + 2 * pad);
  if (fixed + least > available) return null;
  const naturalSum = natural.reduce((s, w) => s + w, 0);
  if (fixed + naturalSum <= available) {
    // room to spare: text columns take their natural width, the rest spreads over every column
    const extra = available - fixed - naturalSum;
    const share = text.length ? 0.6 : 0;
    const amounts = grid.columns.filter((k) => k === 'amount').length;
    text.forEach((col, i) => (widths[col] = natural[i] + (extra * share * natural[i]) / naturalSum));
    grid.columns.forEach((k, col) => {
      if (k === 'amount') widths[col] += (extra * (1 - share)) / amounts;
    });
  } else {
    const room = available - fixed;
    text.forEach((col, i) => (widths[col] = (room * natural[i]) / naturalSum));
  }
  return widths;
}
