// A composed document (document.ts) as a PDF laid out like the published ones: portrait A4 for the prose
// (概况, 情况说明, 名词解释) and the 项目支出绩效目标表, landscape A4 for 表1–表10 with a centred title, the
// 编制部门 / 单位 line, a header of wrapped cells, code cells (split or joined), names left, amounts right,
// empty cells printing nothing, ruled borders, long tables carried over pages under a repeated header.
// Every cell line is one text run. The same document and style give the same bytes.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatAmount, type Block, type ComposedDocument } from '../document';
import type { Table } from '../tables';
import { targetBase, targetCost, targetGoal, type TargetTable } from '../targets';
import { outlineSubsetFontkit } from './cff';
import { columnWidths, tableGrid, type Align, type GridCell } from './grid';
import type { PdfStyle } from './style';

const PORTRAIT: [number, number] = [595.28, 841.89];
const LANDSCAPE: [number, number] = [841.89, 595.28];
const FONTKIT = outlineSubsetFontkit(fontkit);
const BLACK = rgb(0, 0, 0);
/** Cell padding, pt. */
const PAD = 3;

/** Width of each character at size 1, for the one font the documents use (shared by every document). */
const charWidths = new Map<string, number>();

/** Closing punctuation never starts a line. */
const HANGING = new Set(['，', '。', '、', '；', '：', '）', '”', ',', ';', ':', ')', '%']);
const isWordChar = (c: string) => /[0-9A-Za-z.%]/.test(c);

/**
 * Wrap text to lines no wider than `width` (the first line `first` wide), never inside a run of ASCII
 * letters and digits (a number is never split) and never before closing punctuation.
 */
export function wrapToWidth(
  text: string,
  width: number,
  measure: (s: string) => number,
  first = width
): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length;) {
    let j = i + 1;
    if (isWordChar(text[i])) while (j < text.length && isWordChar(text[j])) j++;
    tokens.push(text.slice(i, j));
    i = j;
  }
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const tok of tokens) {
    const w = measure(tok);
    const limit = lines.length ? width : first;
    if (line && used + w > limit && !HANGING.has(tok)) {
      lines.push(line.trimEnd());
      line = tok === ' ' ? '' : tok;
      used = tok === ' ' ? 0 : w;
    } else {
      line += tok;
      used += w;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

interface Writer {
  pdf: PDFDocument;
  font: PDFFont;
  style: PdfStyle;
  page: PDFPage | null;
  landscape: boolean;
  /** the baseline of the next line (portrait flow) or the top of the next table part */
  y: number;
}

const MARGIN = { side: 60, top: 60, bottom: 56 };
const TABLE_MARGIN = { side: 36, top: 40, bottom: 36 };

function measureWith(font: PDFFont) {
  return (s: string) => {
    let w = 0;
    for (const ch of s) {
      let cw = charWidths.get(ch);
      if (cw === undefined) charWidths.set(ch, (cw = font.widthOfTextAtSize(ch, 1)));
      w += cw;
    }
    return w;
  };
}

function newPage(w: Writer, landscape: boolean) {
  w.page = w.pdf.addPage(landscape ? LANDSCAPE : PORTRAIT);
  // once per page: pdf-lib adds a font resource for every drawText given its font
  w.page.setFont(w.font);
  w.landscape = landscape;
  w.y = w.page.getHeight() - (landscape ? TABLE_MARGIN.top : MARGIN.top);
}

function text(w: Writer, s: string, x: number, y: number, size: number) {
  w.page!.drawText(s, { x, y, size, color: BLACK });
}

// ---- portrait flow: lines and prose ----

const PROSE_SIZE = 10.5;
const PROSE_LEADING = 20;
const HEADING = /^第[一二三四]部分/;

function flowLine(w: Writer, s: string, opts: { size?: number; indent?: number; center?: boolean } = {}) {
  const size = opts.size ?? PROSE_SIZE;
  const leading = size > PROSE_SIZE ? size * 2 : PROSE_LEADING;
  if (!w.page || w.landscape || w.y - leading < MARGIN.bottom) newPage(w, false);
  const measure = measureWith(w.font);
  const pageWidth = w.page!.getWidth();
  const x = opts.center ? (pageWidth - measure(s) * size) / 2 : MARGIN.side + (opts.indent ?? 0);
  w.y -= leading;
  text(w, s, x, w.y, size);
}

function flowParagraph(w: Writer, s: string, indentChars: number) {
  const measure = measureWith(w.font);
  const width = PORTRAIT[0] - 2 * MARGIN.side;
  const indent = indentChars * PROSE_SIZE;
  const lines = wrapToWidth(s, width, (t) => measure(t) * PROSE_SIZE, width - indent);
  lines.forEach((l, i) => flowLine(w, l, { indent: i === 0 ? indent : 0 }));
}

// ---- span grids: headers, table bodies, target tables ----

interface Placed {
  widths: number[];
  heights: number[];
  cells: GridCell[];
  size: number;
}

const LINE = 1.25;

function cellLines(w: Writer, s: string, width: number, size: number): string[] {
  if (!s) return [];
  const measure = measureWith(w.font);
  return wrapToWidth(s, Math.max(width - 2 * PAD, size), (t) => measure(t) * size);
}

const spanWidth = (widths: number[], c: GridCell) =>
  widths.slice(c.col, c.col + c.colSpan).reduce((s, x) => s + x, 0);

/** Row heights that fit every cell's wrapped lines (a cell spanning rows stretches its last row). */
function rowHeights(w: Writer, widths: number[], cells: GridCell[], rows: number, size: number, min: number) {
  const heights = new Array<number>(rows).fill(min);
  const need = (c: GridCell) =>
    cellLines(w, c.text, spanWidth(widths, c), size).length * size * LINE + 2 * PAD;
  for (const c of cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row], need(c));
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((s, x) => s + x, 0);
    const n = need(c);
    if (n > have) heights[c.row + c.rowSpan - 1] += n - have;
  }
  return heights;
}

/** Draw a span grid with its top-left corner at (x0, top): every cell's ruled edges and its text lines. */
function drawGrid(w: Writer, x0: number, top: number, g: Placed) {
  const page = w.page!;
  const xs = [x0];
  for (const x of g.widths) xs.push(xs[xs.length - 1] + x);
  const ys = [top];
  for (const h of g.heights) ys.push(ys[ys.length - 1] - h);
  const cols = g.widths.length;
  const rows = g.heights.length;
  // each cell's edges, joined into the longest straight rules (one line each)
  const horizontal = new Map<number, [number, number][]>();
  const vertical = new Map<number, [number, number][]>();
  const edge = (map: Map<number, [number, number][]>, at: number, from: number, to: number) => {
    const key = Math.round(at * 100) / 100;
    const list = map.get(key) ?? [];
    list.push([Math.min(from, to), Math.max(from, to)]);
    map.set(key, list);
  };
  const measure = measureWith(w.font);
  for (const c of g.cells) {
    const left = xs[c.col];
    const right = xs[c.col + c.colSpan];
    const cellTop = ys[c.row];
    const bottom = ys[c.row + c.rowSpan];
    edge(horizontal, cellTop, left, right);
    edge(vertical, left, bottom, cellTop);
    if (c.col + c.colSpan === cols) edge(vertical, right, bottom, cellTop);
    if (c.row + c.rowSpan === rows) edge(horizontal, bottom, left, right);
    const lines = cellLines(w, c.text, right - left, g.size);
    const lh = g.size * LINE;
    const offset = (cellTop - bottom - lines.length * lh) / 2;
    lines.forEach((l, i) => {
      const baseline = cellTop - offset - (i + 1) * lh + (lh - g.size) / 2 + g.size * 0.14;
      const width = measure(l) * g.size;
      const x = alignX(c.align, left, right, width);
      text(w, l, x, baseline, g.size);
    });
  }
  const rule = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.5, color: BLACK });
  for (const [y, spans] of horizontal) for (const [a, b] of joinSpans(spans)) rule(a, y, b, y);
  for (const [x, spans] of vertical) for (const [a, b] of joinSpans(spans)) rule(x, a, x, b);
}

/** Overlapping or touching intervals joined. */
function joinSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 0.01) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function alignX(align: Align, left: number, right: number, width: number) {
  if (align === 'left') return left + PAD;
  if (align === 'right') return right - PAD - width;
  return (left + right - width) / 2;
}

// ---- 表1–表10 ----

function drawTable(w: Writer, t: Table) {
  const { style } = w;
  const grid = tableGrid(t, style);
  const measure = measureWith(w.font);
  const available = LANDSCAPE[0] - 2 * TABLE_MARGIN.side;
  let size = style.fontSize;
  let widths = columnWidths(grid, available, measure, size, PAD);
  while (!widths && size > 5) widths = columnWidths(grid, available, measure, (size -= 0.5), PAD);
  if (!widths) throw new Error(`表${t.no}: its columns do not fit a landscape page`);
  const x0 = TABLE_MARGIN.side;
  const headerHeights = rowHeights(w, widths, grid.header, grid.headerRows, size, size * 2);
  const headerHeight = headerHeights.reduce((s, h) => s + h, 0);
  const align = grid.columns.map((k): Align => (k === 'amount' ? 'right' : k === 'code' ? 'center' : 'left'));
  const body = grid.body.map((r) => {
    const cells = r.cells.map((s, col): GridCell => ({
      text: s,
      row: 0,
      col,
      rowSpan: 1,
      colSpan: 1,
      align: align[col]
    }));
    const height = rowHeights(w, widths!, cells, 1, size, style.rowHeight)[0];
    return { cells, height, total: r.total };
  });

  // the first page: table label, title, 编制部门 / 单位 line
  newPage(w, true);
  const page = () => w.page!;
  const label = `表${t.no}`;
  if (style.tableLabel === 'line') {
    w.y -= 12;
    text(w, label, x0, w.y, 12);
    w.y -= 6;
  }
  const title = style.tableLabel === 'prefix' ? `${label} ${t.title}` : t.title;
  w.y -= style.titleSize * 1.3;
  text(w, title, (page().getWidth() - measure(title) * style.titleSize) / 2, w.y, style.titleSize);
  w.y -= 22;
  const unitSize = 10;
  text(w, `编制部门：${t.unitName}`, x0, w.y, unitSize);
  const money = `单位：${t.money}`;
  text(w, money, x0 + available - measure(money) * unitSize, w.y, unitSize);
  w.y -= 8;

  // header and rows, page by page; a new page repeats the header (not the title)
  const bottom = TABLE_MARGIN.bottom;
  let chunk: typeof body = [];
  const flush = () => {
    const cells: GridCell[] = [...grid.header];
    chunk.forEach((r, i) => cells.push(...r.cells.map((c) => ({ ...c, row: grid.headerRows + i }))));
    drawGrid(w, x0, w.y, {
      widths: widths!,
      heights: [...headerHeights, ...chunk.map((r) => r.height)],
      cells,
      size
    });
    w.y -= headerHeight + chunk.reduce((s, r) => s + r.height, 0);
    chunk = [];
  };
  let used = headerHeight;
  body.forEach((r, i) => {
    const alone = style.totalAlone && r.total && i === body.length - 1 && i > 0;
    if (chunk.length && (w.y - used - r.height < bottom || alone)) {
      flush();
      newPage(w, true);
      used = headerHeight;
    }
    chunk.push(r);
    used += r.height;
  });
  flush();
  if (t.note) {
    w.y -= 8;
    for (const l of wrapToWidth(t.note, available, (s) => measure(s) * 10.5)) {
      w.y -= 18;
      text(w, l, x0, w.y, 10.5);
    }
  }
}

// ---- 项目支出绩效目标表 ----

/** The target table's columns, pt (portrait text width). */
const TARGET_COLUMNS = [38, 38, 92, 52, 52, 44, 36, 64, 59.28];

function targetCells(t: TargetTable): GridCell[] {
  const p = t.project;
  const base = targetBase(p);
  const amount = formatAmount(p.amount, t.inYuan);
  const cells: GridCell[] = [];
  const put = (row: number, col: number, colSpan: number, s: string, align: Align = 'center', rowSpan = 1) =>
    cells.push({ text: s, row, col, colSpan, rowSpan, align });
  put(0, 0, 2, '预算单位');
  put(0, 2, 7, t.unitShort, 'left');
  put(1, 0, 2, '项目名称');
  put(1, 2, 3, p.name, 'left');
  put(1, 5, 2, '项目负责人');
  put(1, 7, 2, t.person);
  put(2, 0, 2, t.inYuan ? '项目资金(元)' : '项目资金(万元)', 'center', 2);
  put(2, 2, 1, '年度预算总额');
  put(2, 3, 6, amount, 'right');
  put(3, 2, 1, '其中：财政拨款');
  put(3, 3, 2, amount, 'right');
  put(3, 5, 2, '其他资金');
  put(3, 7, 2, '0.00', 'right');
  put(4, 0, 2, '项目总体目标');
  put(4, 2, 7, targetGoal(p), 'left');
  [
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
    '指标值设置依据',
    '上年完成值',
    '指标分值权重',
    '指标赋分规则',
    '佐证资料'
  ].forEach((s, col) => put(5, col, 1, s));
  const cost = targetCost(p);
  const indicators: string[][] = [
    [
      `${base}工作开展次数`,
      `＞=${t.count}次`,
      '计划标准',
      `${t.count}次`,
      '8',
      '按照完成比例赋分',
      '工作资料'
    ],
    [`${base}覆盖人数`, `＞=${t.people}人`, '计划标准', `${t.people}人`, '8', '按照完成比例赋分', '工作资料'],
    ['任务完成合格率', `＞=${t.passRate}%`, '计划标准', '95%', '8', '按照完成比例赋分', '工作资料'],
    ['任务完成时间', `＜=${t.months}月`, '计划标准', `${t.months}月`, '8', '按照完成比例赋分', '工作资料'],
    [`${base}成本`, `${cost}万元`, '预算支出标准', `${cost}万元`, '20', '按照完成比例赋分', '原始凭证'],
    [`提升${base}服务水平`, '提升', '计划标准', '提升', '20', '按评判等级赋分', '工作资料'],
    ['服务对象满意度', `＞=${t.satisfaction}%`, '计划标准', '90%', '10', '满意度赋分', '工作资料']
  ];
  indicators.forEach((r, i) => r.forEach((s, k) => put(6 + i, 2 + k, 1, s, k === 0 ? 'left' : 'center')));
  put(6, 0, 1, '产出指标', 'center', 4);
  put(6, 1, 1, '数量指标', 'center', 2);
  put(8, 1, 1, '质量指标');
  put(9, 1, 1, '时效指标');
  put(10, 0, 1, '成本指标');
  put(10, 1, 1, '经济成本指标');
  put(11, 0, 1, '效益指标');
  put(11, 1, 1, '社会效益指标');
  put(12, 0, 1, '满意度指标');
  put(12, 1, 1, '满意度指标');
  return cells;
}

function drawTargets(w: Writer, t: TargetTable) {
  const size = 8;
  const cells = targetCells(t);
  const heights = rowHeights(w, TARGET_COLUMNS, cells, 13, size, 20);
  const need = 40 + heights.reduce((s, h) => s + h, 0);
  if (t.firstOnPage || !w.page || w.landscape || w.y - need < MARGIN.bottom) newPage(w, false);
  const title = '项 目 支 出 绩 效 目 标 表';
  const measure = measureWith(w.font);
  w.y -= 26;
  text(w, title, (PORTRAIT[0] - measure(title) * 14) / 2, w.y, 14);
  w.y -= 12;
  drawGrid(w, MARGIN.side, w.y, { widths: TARGET_COLUMNS, heights, cells, size });
  w.y -= heights.reduce((s, h) => s + h, 0);
}

// ---- the document ----

function drawBlock(w: Writer, b: Block, pending: { page: boolean }) {
  switch (b.kind) {
    case 'page':
      pending.page = true;
      return;
    case 'table':
      pending.page = false;
      drawTable(w, b.table);
      return;
    case 'targets':
      pending.page = false;
      drawTargets(w, b.targets);
      return;
  }
  if (pending.page || w.landscape) {
    newPage(w, false);
    pending.page = false;
  }
  if (b.kind === 'line') {
    if (b.pageNumber) {
      // the page number in the footer of the page the target table ends on
      const measure = measureWith(w.font);
      text(w, b.text, (PORTRAIT[0] - measure(b.text) * 9) / 2, 30, 9);
    } else if (HEADING.test(b.text)) flowLine(w, b.text, { size: 14, center: true });
    else
      for (const l of wrapToWidth(
        b.text,
        PORTRAIT[0] - 2 * MARGIN.side,
        (s) => measureWith(w.font)(s) * PROSE_SIZE
      ))
        flowLine(w, l);
  } else if (b.kind === 'raw') {
    for (const l of b.text.split('\n')) if (l.trim()) flowLine(w, l.trim());
  } else flowParagraph(w, b.text, 2);
}

/** The fixed timestamp of a document: its published date, at noon UTC. */
const documentDate = (d: ComposedDocument['published']) => new Date(Date.UTC(d.year, d.month - 1, d.day, 12));

/** The document as PDF bytes; `font` is a standalone CFF-outline OpenType font (see font.ts). */
export async function writePdf(
  doc: ComposedDocument,
  style: PdfStyle,
  font: Uint8Array
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(FONTKIT as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const embedded = await pdf.embedFont(font, { subset: true, customName: 'GKSYNT+NotoSansCJKsc-Regular' });
  const B = doc.kind === 'budget' ? '预算' : '决算';
  pdf.setTitle(`${doc.unitName}${doc.year}年部门${B}`);
  pdf.setSubject('gongkai synthetic');
  pdf.setKeywords(['synthetic', `seed=${doc.seed}`]);
  pdf.setProducer('gongkai generator');
  pdf.setCreator('gongkai generator');
  pdf.setCreationDate(documentDate(doc.published));
  pdf.setModificationDate(documentDate(doc.published));
  const w: Writer = { pdf, font: embedded, style, page: null, landscape: false, y: 0 };
  newPage(w, false);
  // the synthetic marker, the first line of page 1 (as the first line of the text documents)
  w.y -= 10;
  text(w, `# synthetic: gongkai generator seed=${doc.seed}`, MARGIN.side, w.y, 9);
  const pending = { page: false };
  for (const b of doc.blocks) {
    // the first block's page break is the page the marker is on
    if (
      b.kind === 'page' &&
      w.page &&
      w.pdf.getPageCount() === 1 &&
      w.y > w.page.getHeight() - MARGIN.top - 20
    )
      continue;
    drawBlock(w, b, pending);
  }
  return pdf.save({ useObjectStreams: true });
}
