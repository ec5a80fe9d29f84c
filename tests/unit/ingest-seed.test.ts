// The real sample disclosure, read by hand: every figure the schema holds, and the audit's findings.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import type { DocumentResult, LineItemRow } from '../../src/lib/model';

const SEED = 'data/disclosures/000_f7859c67d4b429b5.txt';
let r: DocumentResult;
let d: Record<string, unknown>;
const items = (table: number, measure?: string) =>
  r.lineItems.filter((x) => x.table_no === table && (measure === undefined || x.measure === measure));
const byCode = (rows: LineItemRow[]) => Object.fromEntries(rows.map((x) => [x.code ?? x.name, x.amount]));

beforeAll(() => {
  r = ingestDocument(readFileSync(SEED), SEED);
  d = r.disclosure as unknown as Record<string, unknown>;
});

describe('seed identity', () => {
  it('is a complete record', () => {
    expect(r.status).toBe('ok');
    expect(r.reasons).toEqual([]);
  });
  it('names the unit, region, year, kind and date', () => {
    expect(d.unit_name).toBe('克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）');
    expect(d.region).toBe('克拉玛依市乌尔禾区');
    expect(d.year).toBe(2023);
    expect(d.kind).toBe('budget');
    expect(d.scope).toBe('department'); // 第二部分 2023 年部门预算公开表
    expect(d.source_kind).toBe('published');
    expect(d.published_on).toBe('2023-02-06');
    expect(r.unit?.level).toBe('区县级');
  });
  it('gives the same ids for the same input, different ids for a different one', () => {
    const again = ingestDocument(readFileSync(SEED), 'elsewhere/copy.txt');
    expect(again.disclosure?.doc_id).toBe(d.doc_id);
    expect(again.disclosure?.unit_id).toBe(d.unit_id);
    const edited = Buffer.concat([readFileSync(SEED), Buffer.from('\n附注\n')]);
    expect(ingestDocument(edited, SEED).disclosure?.doc_id).not.toBe(d.doc_id);
  });
});

describe('seed summary figures', () => {
  const want: Record<string, number | null> = {
    total_income: 468.53,
    total_expenditure: 468.53,
    general_budget: 468.53,
    fund_budget: 0, // "政府性基金预算 0.00 万元"
    state_capital_budget: 0,
    basic_expenditure: 376.03,
    project_expenditure: 92.5,
    personnel_expense: 253.55,
    public_expense: 122.48,
    operating_expense: 122.48,
    three_public_total: 47.35,
    overseas_travel: 0, // 表10 leaves it empty; the narrative says 0 万元
    vehicle_total: 27.6,
    vehicle_purchase: 0,
    vehicle_operation: 27.6,
    reception: 19.75,
    procurement_total: 5,
    vehicles_count: 0,
    staff_authorized: 15,
    staff_actual: 15,
    staff_in_service: 11,
    staff_retired: 0,
    staff_separated: 4
  };
  for (const [k, v] of Object.entries(want)) it(k, () => expect(d[k]).toBe(v));

  it('prior-year figures follow from the stated changes', () => {
    expect(d.prev_three_public_total).toBe(67.1); // 47.35 + 19.75
    expect(d.prev_vehicle_operation).toBe(48.6); // 27.60 + 21.00
    expect(d.prev_reception).toBe(18.5); // 19.75 − 1.25
    expect(d.prev_overseas_travel).toBe(0);
    expect(d.prev_vehicle_purchase).toBe(0);
    expect(d.prev_general_budget).toBe(550); // 468.53 + 81.47
    expect(d.prev_basic_expenditure).toBe(473.47); // 376.03 + 97.44
    expect(d.prev_project_expenditure).toBe(76.53); // 92.50 − 15.97
    expect(d.prev_operating_expense).toBe(107.77); // 122.48 − 14.71
    expect(d.prev_staff_in_service).toBe(15); // 在职 11 人，减少 4 人
    expect(d.prev_staff_separated).toBe(8); // 离休 4 人，减少 4 人
  });
  it('leaves unstated prior-year figures NULL', () => {
    expect(d.prev_vehicle_total).toBeNull();
    expect(d.prev_personnel_expense).toBeNull();
    expect(d.prev_total_income).toBeNull();
    expect(d.prev_staff_authorized).toBeNull();
  });
});

describe('seed tables', () => {
  it('表1 income items, classes and totals', () => {
    const t1 = items(1);
    expect(t1.find((x) => x.measure === 'income_current')?.amount).toBe(468.53);
    expect(t1.find((x) => x.measure === 'general_budget')?.amount).toBe(468.53);
    expect(t1.find((x) => x.measure === 'total_income')?.source_line).toBe(190);
    expect(byCode(t1.filter((x) => x.code))).toEqual({
      '201': 388.11,
      '208': 22.64,
      '210': 15.56,
      '221': 42.22
    });
    expect(t1.some((x) => x.measure === 'fund_budget')).toBe(false); // the cell is empty
  });
  const functional = {
    总计: [468.53, 376.03, 92.5],
    '201': [388.11, 295.61, 92.5],
    '20103': [388.11, 295.61, 92.5],
    '2010301': [295.61, 295.61, null],
    '2010302': [86, null, 86],
    '2010308': [6.5, null, 6.5],
    '208': [22.64, 22.64, null],
    '20805': [22.64, 22.64, null],
    '2080505': [22.64, 22.64, null],
    '210': [15.56, 15.56, null],
    '21011': [15.56, 15.56, null],
    '2101101': [12.73, 12.73, null],
    '2101103': [2.83, 2.83, null],
    '221': [42.22, 42.22, null],
    '22102': [42.22, 42.22, null],
    '2210201': [42.22, 42.22, null]
  };
  for (const t of [3, 5])
    it(`表${t} every row with 合计 / 基本支出 / 项目支出 in the right column`, () => {
      const got: Record<string, (number | null)[]> = {};
      for (const [k] of Object.entries(functional)) {
        const row = (m: string) => items(t, m).find((x) => (x.code ?? x.name) === k)?.amount ?? null;
        got[k] = [row('total'), row('basic'), row('project')];
      }
      expect(got).toEqual(functional);
      expect(items(t, 'total')).toHaveLength(16);
    });
  it('表2 income by function, including the row split over four lines and the page break', () => {
    const t2 = byCode(items(2, 'total'));
    expect(t2).toEqual({
      总计: 468.53,
      '201': 388.11,
      '20103': 388.11,
      '2010301': 295.61,
      '2010302': 86,
      '2010308': 6.5,
      '208': 22.64,
      '20805': 22.64,
      '2080505': 22.64,
      '210': 15.56,
      '21011': 15.56,
      '2101101': 12.73,
      '2101103': 2.83,
      '221': 42.22,
      '22102': 42.22,
      '2210201': 42.22
    });
    const split = items(2).find((x) => x.code === '2080505')!;
    expect(split.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(split.source_line).toBe(285);
    expect(items(2).find((x) => x.code === '22102')?.source_line).toBe(374); // after the repeated header
  });
  it('表6 economic rows with 人员经费 / 公用经费', () => {
    expect(byCode(items(6, 'total'))).toEqual({
      总计: 376.03,
      '301': 250.96,
      '30101': 75.08,
      '30102': 58,
      '30103': 29.38,
      '30107': 7.27,
      '30108': 22.64,
      '30110': 12.73,
      '30111': 2.83,
      '30112': 0.81,
      '30113': 42.22,
      '302': 122.48,
      '30201': 5.53,
      '30207': 6.02,
      '30211': 10.85,
      '30215': 5,
      '30217': 19.75,
      '30228': 2.83,
      '30229': 3.75,
      '30231': 27.6,
      '30239': 40,
      '30299': 1.15,
      '303': 2.59,
      '30305': 2.59
    });
    expect(byCode(items(6, 'personnel')).总计).toBe(253.55);
    expect(byCode(items(6, 'public')).总计).toBe(122.48);
    expect(
      items(6, 'personnel')
        .map((x) => x.code)
        .filter(Boolean)
    ).toEqual(expect.arrayContaining(['301', '30113', '303', '30305']));
    expect(items(6, 'public').some((x) => x.code?.startsWith('301'))).toBe(false);
    expect(items(6).find((x) => x.code === '30217')?.name).toBe('公务接待费');
  });
  it('表7 projects with their codes and lines', () => {
    expect(r.projects.map((p) => [p.name, p.code, p.amount, p.has_targets, p.source_line])).toEqual([
      ['网站建设专项经费', '2010302', 30, true, 691],
      ['慰问专项经费', '2010302', 10, true, 693],
      ['政务大厅工作经费', '2010302', 15, true, 695],
      ['驻外办事处专项经费', '2010302', 21, true, 697],
      ['区长准备专项经费', '2010302', 10, false, 699],
      ['信访业务经费', '2010308', 6.5, true, 701]
    ]);
    expect(byCode(items(7, 'total'))['20103']).toBe(92.5);
  });
  it('表8 and 表9 are recognised as empty from their sentence', () => {
    expect(items(8)).toEqual([]);
    expect(items(9)).toEqual([]);
    expect(r.status).toBe('ok');
  });
  it('表10 三公 rows; the empty cells stay unstated', () => {
    const t10 = Object.fromEntries(items(10).map((x) => [x.measure, x.amount]));
    expect(t10).toEqual({
      three_public_total: 47.35,
      reception: 19.75,
      vehicle_total: 27.6,
      vehicle_operation: 27.6
    });
  });
  it('procurement split and assets from the prose', () => {
    const p = Object.fromEntries(
      r.lineItems.filter((x) => x.section === 'procurement').map((x) => [x.measure, x.amount])
    );
    expect(p).toEqual({ goods: 5, works: 0, services: 0 });
    const a = Object.fromEntries(
      r.lineItems.filter((x) => x.section === 'assets').map((x) => [x.name, x.amount])
    );
    expect(a).toEqual({ 房屋价值: 0, 车辆价值: 0, 办公家具价值: 40.28, 其他资产价值: 201.39 });
  });
  it('every line item keeps the line it came from', () => {
    for (const x of r.lineItems) expect(x.source_line).toBeGreaterThan(0);
    const lines = readFileSync(SEED, 'utf8').split('\n');
    for (const x of items(6)) expect(lines[x.source_line - 1]).toContain(String(x.amount!.toFixed(2)));
  });
});

describe('seed findings', () => {
  const checks = () => r.findings.map((f) => f.check).sort();
  it('reports the genuine inconsistencies', () => {
    expect(checks()).toEqual(
      [
        'project_without_targets',
        'subordinates_contradiction',
        'targets_without_project',
        'vehicles_without_fleet'
      ].sort()
    );
    const noTargets = r.findings.find((f) => f.check === 'project_without_targets')!;
    expect(noTargets.message_zh).toContain('区长准备专项经费');
    expect(noTargets.source_lines).toBe('699');
    const extra = r.findings.find((f) => f.check === 'targets_without_project')!;
    expect(extra.message_zh).toContain('应急专项经费');
    const sub = r.findings.find((f) => f.check === 'subordinates_contradiction')!;
    expect(sub.source_lines).toBe('107,1102');
    expect(sub.message_en).toMatch(/no subordinate/);
  });
  it('finds no error: every table identity and percentage of the seed holds within rounding', () => {
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
