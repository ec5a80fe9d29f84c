// The PDF front end on positioned items made by hand: rows by baseline, cells by x, and coded-table rows
// whose numbers are placed by the column they stand under.
import { describe, expect, it } from 'vitest';
import { gridRows } from '../../src/lib/ingest/coded-grid';
import { findTables } from '../../src/lib/ingest/sections';
import { parseTables } from '../../src/lib/ingest/tables';
import { pdfLines } from '../../src/lib/ingest/pdf/layout';
import type { PdfItem, PdfPage } from '../../src/lib/ingest/pdf/load';

/** An item of 12 pt text at (x, y) whose width follows its characters (full-width 12, others 6). */
const at = (x: number, y: number, str: string, h = 12): PdfItem => ({
  x,
  y,
  h,
  str,
  w: [...str].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? h : h / 2), 0)
});
const page = (items: PdfItem[], no = 1): PdfPage => ({ no, width: 842, height: 595, items });
const lines = (pages: PdfPage[]) => pdfLines(pages, (s) => s);
const cellTexts = (pages: PdfPage[]) => lines(pages).map((l) => l.cells!.map((c) => c.text));

describe('pdfLines', () => {
  it('groups items into rows by baseline: a cell drawn a few points off its row stays in it', () => {
    const got = cellTexts([
      page([
        at(60, 100, '合计'),
        at(300, 100, '2,940.05'),
        at(400, 93, '2,336.91'), // 7 pt above the row's baseline (a cell's own vertical alignment)
        at(60, 125, '201'),
        at(100, 125, '一般公共服务支出'),
        at(300, 125, '2,106.66')
      ])
    ]);
    expect(got).toEqual([
      ['合计', '2,940.05', '2,336.91'],
      ['201', '一般公共服务支出', '2,106.66']
    ]);
  });

  it('joins runs that touch into one cell and keeps cells apart across a gap', () => {
    const got = cellTexts([
      page([at(100, 50, '财政拨款'), at(148, 50, '“'), at(154, 50, '三公'), at(400, 50, '表')])
    ]);
    expect(got).toEqual([['财政拨款“三公', '表']]);
  });

  it('joins a cell wrapped over two lines of its row, and the spaced-out letters of a name', () => {
    const got = cellTexts([
      page([
        at(100, 200, '机关事业单位基本养老保险缴'),
        at(100, 207, '费'),
        at(300, 203.5, '160.75'),
        at(500, 300, '因 公 出 国 （ 境 ） 费')
      ])
    ]);
    expect(got).toEqual([['机关事业单位基本养老保险缴费', '160.75'], ['因公出国（境）费']]);
  });

  it('splits a run pdf.js joined where a space stands beside an amount, placing each part by width', () => {
    const ls = lines([
      page([at(60, 80, '一、财政拨款收入'), at(200, 80, '371,514,655.00 一、一般公共服务支出')])
    ]);
    expect(ls[0].cells!.map((c) => c.text)).toEqual([
      '一、财政拨款收入',
      '371,514,655.00',
      '一、一般公共服务支出'
    ]);
    const [, amount, label] = ls[0].cells!;
    expect(amount.x0).toBe(200);
    expect(amount.x1).toBeLessThan(label.x0);
    expect(label.x0).toBeCloseTo(200 + 15 * 6, 0); // 14 half-width characters and a space before it
  });

  it('drops items drawn twice at one place and the bare 类/款/项 headings beside other cells', () => {
    const got = cellTexts([
      page([
        at(60, 40, '类'),
        at(90, 40, '款'),
        at(200, 40, '合计'),
        at(200.4, 40.3, '合计'),
        at(60, 60, '类')
      ])
    ]);
    expect(got).toEqual([['合计'], ['类']]);
  });

  it('numbers lines through the pages and keeps each line’s page and baseline', () => {
    const ls = lines([
      page([at(60, 40, '第一页')], 1),
      page([at(60, 30, '第二页'), at(60, 60, '下一行')], 2)
    ]);
    expect(ls.map((l) => [l.no, l.page, l.y, l.text])).toEqual([
      [1, 1, 40, '第一页'],
      [2, 2, 30, '第二页'],
      [3, 2, 60, '下一行']
    ]);
  });
});

describe('gridRows', () => {
  // a 支出总表 in 元 whose amounts are right-aligned under 合计 | 基本支出 | 项目支出; empty cells print nothing
  const header = [
    at(250, 40, '项目'),
    at(600, 40, '支出预算'),
    at(60, 55, '科目编码'),
    at(250, 70, '科目名称'),
    at(480, 70, '合计'),
    at(590, 70, '基本支出'),
    at(700, 70, '项目支出')
  ];
  const right = (x1: number, y: number, s: string) => {
    const it = at(0, y, s);
    return { ...it, x: x1 - it.w };
  };
  const body = [
    at(60, 95, '201'),
    at(170, 95, '一般公共服务支出'),
    right(546, 95, '3,000'),
    right(659, 95, '1,000'),
    right(779, 95, '2,000'),
    at(60, 120, '201'),
    at(100, 120, '13'),
    at(140, 120, '01'),
    at(170, 120, '行政运行'),
    right(546, 120, '1,000'),
    right(659, 120, '1,000'), // nothing under 项目支出
    at(60, 145, '201'),
    at(100, 145, '13'),
    at(140, 145, '2'), // a 项 cell printed without its zero
    at(170, 145, '一般行政管理事务'),
    right(546, 145, '2,000'),
    right(779, 145, '2,000'), // nothing under 基本支出
    at(170, 165, '机关事业单位基本养'), // a name wrapped around its code line
    at(60, 178, '2080505'),
    at(170, 178, '老保险缴费支出'),
    right(546, 178, '618'),
    right(659, 178, '618'),
    at(230, 210, '合计'),
    right(546, 210, '3,618'),
    right(659, 210, '1,618'),
    right(779, 210, '2,000')
  ];
  const rows = gridRows(pdfLines([page([...header, ...body])], (s) => s));

  it('places each number under its column, and an empty cell stays empty', () => {
    expect(rows.map((r) => [r.code, r.names.join('|'), r.cols])).toEqual([
      ['201', '一般公共服务支出', { total: 3000, basic: 1000, project: 2000 }],
      ['2011301', '行政运行', { total: 1000, basic: 1000 }],
      ['2011302', '一般行政管理事务', { total: 2000, project: 2000 }],
      ['2080505', '机关事业单位基本养老保险缴费支出', { total: 618, basic: 618 }],
      [null, '总计', { total: 3618, basic: 1618, project: 2000 }]
    ]);
    expect(rows[4].total).toBe(true);
  });
});

describe('the 三公 table read by position', () => {
  // items as columns, and the 预算数 and 决算数 as two labelled rows; 因公出国 and 购置费 print nothing
  const items = [
    at(300, 20, '财政拨款“三公”经费支出决算表', 16),
    at(700, 45, '单位：万元'),
    at(150, 70, '合计'),
    at(230, 70, '因公出国（境）费'),
    at(360, 70, '公务接待费'),
    at(500, 60, '公务用车购置及运行费'),
    at(460, 80, '小计'),
    at(540, 80, '购置费'),
    at(620, 80, '运行费'),
    at(40, 105, '预算数'),
    at(150, 105, '1.35'),
    at(360, 105, '0.60'),
    at(460, 105, '0.75'),
    at(620, 105, '0.75'),
    at(40, 130, '决算数'),
    at(150, 130, '1.22'),
    at(360, 130, '0.52'),
    at(460, 130, '0.70'),
    at(620, 130, '0.70')
  ];
  const ls = pdfLines([page(items)], (s) => s);
  const tables = parseTables(ls, findTables(ls), null);

  it('takes the 决算数 row for the figures and keeps the 预算数 row as budget line items', () => {
    const got = tables.items.map((x) => [x.measure, x.name, x.amount]);
    expect(got).toEqual([
      ['budget', '“三公”经费合计', 1.35],
      ['budget', '公务接待费', 0.6],
      ['budget', '公务用车购置及运行费', 0.75],
      ['budget', '公务用车运行费', 0.75],
      ['three_public_total', '“三公”经费合计', 1.22],
      ['reception', '公务接待费', 0.52],
      ['vehicle_total', '公务用车购置及运行费', 0.7],
      ['vehicle_operation', '公务用车运行费', 0.7]
    ]);
  });
});
