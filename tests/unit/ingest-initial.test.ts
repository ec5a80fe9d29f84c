// A 决算's own 年初预算: its 三公 table's 预算数 column, its narrative's "年初预算为 X 万元" (of the 三公 figures and of
// the 一般公共预算财政拨款 spending), never its 全年预算 (the budget as adjusted); the stated execution rates
// ("完成年初预算的 Z%") against 决算 ÷ 年初预算; a table and the narrative that disagree weighed like the actual
// figures. Expected figures read by hand from the fixture (tests/fixtures/final-initial-2024.txt, our own
// writing after the layouts of real 决算 pages and PDFs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import type { DocumentResult } from '../../src/lib/model';

const text = readFileSync('tests/fixtures/final-initial-2024.txt', 'utf8');
const run = (s: string): DocumentResult => ingestDocument(Buffer.from(s, 'utf8'), 'final.txt');
const rec = (r: DocumentResult) => r.disclosure as unknown as Record<string, unknown>;
const swap = (from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const lineOf = (s: string, needle: string) => s.split('\n').findIndex((l) => l.includes(needle)) + 1;
const of = (r: DocumentResult, check: string) => r.findings.filter((f) => f.check === check);

describe("a 决算's 年初预算", () => {
  const r = run(text);

  it('reads the 三公 table’s 预算数 and the narrative’s 一般公共预算 年初预算, not its 全年预算', () => {
    expect(rec(r)).toMatchObject({
      kind: 'final',
      year: 2024,
      general_budget: 498.62,
      three_public_total: 9.6,
      reception: 3.6,
      vehicle_total: 6,
      initial_general_budget: 512.4,
      initial_three_public_total: 12,
      initial_overseas_travel: 0,
      initial_reception: 5,
      initial_vehicle_total: 7,
      initial_vehicle_operation: 7,
      initial_vehicle_purchase: 0
    });
    // the fixture states no 年初预算 of the totals: NULL, never 0
    expect(rec(r).initial_total_expenditure).toBeNull();
    expect(rec(r).initial_basic_expenditure).toBeNull();
    // cross-totals of what was read: 三公 = 出国 + 用车 + 接待, 用车 = 购置 + 运行, for the budget as for the actual
    const d = rec(r) as Record<string, number>;
    expect(d.initial_overseas_travel + d.initial_vehicle_total + d.initial_reception).toBeCloseTo(
      d.initial_three_public_total,
      6
    );
    expect(d.initial_vehicle_purchase + d.initial_vehicle_operation).toBeCloseTo(d.initial_vehicle_total, 6);
  });

  it('finds every stated rate consistent, and no disagreement, in the consistent fixture', () => {
    for (const c of ['execution_rate', 'narrative_vs_table', 'narrative_conflict'])
      expect(of(r, c).map((f) => f.message_zh)).toEqual([]);
  });

  it('flags a rate that is not 决算 ÷ 年初预算, naming the rate, the actual and the budget with their lines', () => {
    const s = swap('完成年初预算的 72%', '完成年初预算的 78%');
    const [f, ...rest] = of(run(s), 'execution_rate');
    expect(rest).toEqual([]);
    expect(f.expected).toBe(72); // 3.60 ÷ 5.00 (the 三公 table's 预算数: the sentence states no budget)
    expect(f.actual).toBe(78);
    expect(f.message_zh).toContain('公务接待费');
    expect(f.message_zh).toContain('3.6 万元');
    expect(f.message_zh).toContain('5 万元');
    const prose = lineOf(s, '完成年初预算的 78%');
    const table = lineOf(s, '公务接待费');
    expect(f.source_lines.split(',').map(Number)).toEqual([table, prose]);
  });

  it('takes the budget its own sentence states, and allows the rounding of a whole percent', () => {
    // "完成预算的 84%" of 1.52 ÷ 1.80 = 84.4%: written to a whole percent, it holds
    const s = swap(
      '“三公”经费财政拨款支出年初预算为 12.00 万元，支出决算为 9.60 万元，完成年初预算的 80.00%',
      '“三公”经费财政拨款支出预算为 12.00 万元，支出决算为 9.60 万元，完成预算的 80%'
    );
    expect(of(run(s), 'execution_rate')).toEqual([]);
    const wrong = swap('完成年初预算的 80.00%', '完成年初预算的 81.00%');
    expect(of(run(wrong), 'execution_rate').map((f) => [f.expected, f.actual])).toEqual([[80, 81]]);
  });

  it('says a rate of a zero 年初预算 cannot be, and stores the 0 the document states', () => {
    const r0 = run(swap('年初预算为 512.40 万元', '年初预算为 0 万元'));
    expect(rec(r0).initial_general_budget).toBe(0);
    const [f, ...rest] = of(r0, 'execution_rate');
    expect(rest).toEqual([]);
    expect(f.expected).toBeNull();
    expect(f.actual).toBe(97.31);
    expect(f.message_zh).toContain('年初预算为零');
  });

  it('does not check a rate of the 全年预算 (not read)', () => {
    expect(of(run(swap('完成全年预算数的 98.00%', '完成全年预算数的 50.00%')), 'execution_rate')).toEqual([]);
  });

  it('a table and the narrative that disagree: the reading whose identities hold is stored, one finding names both', () => {
    const s = swap(
      '“三公”经费财政拨款支出年初预算为 12.00 万元',
      '“三公”经费财政拨款支出年初预算为 15.00 万元'
    );
    const r2 = run(s);
    // 12.00 = 0.00 + 5.00 + 7.00 (the table's parts); 15.00 is not
    expect(rec(r2).initial_three_public_total).toBe(12);
    const [f, ...rest] = of(r2, 'narrative_vs_table');
    expect(rest).toEqual([]);
    expect([f.expected, f.actual]).toEqual([12, 15]);
    expect(f.message_zh).toMatch(
      /^年初预算“三公”经费合计：说明中为 15 万元（源文件第 \d+ 行），表中为 12 万元/
    );
    expect(f.message_zh).toContain('采用表中的 12 万元');
    expect(f.source_lines.split(',').map(Number)).toEqual([
      lineOf(s, '合 计'),
      lineOf(s, '年初预算为 15.00 万元')
    ]);
    // and the sentence's own rate is checked against its own budget: 9.60 ÷ 15.00 = 64%, not 80%
    expect(of(r2, 'execution_rate').map((x) => [x.expected, x.actual])).toEqual([[64, 80]]);
  });

  it('two narrative statements of one 年初预算 that disagree leave it NULL, with a finding', () => {
    const s = swap(
      '示例区档案馆\n2025年',
      '一般公共预算财政拨款支出年初预算为 520.00 万元。\n示例区档案馆\n2025年'
    );
    const r3 = run(s);
    expect(rec(r3).initial_general_budget).toBeNull();
    const [f] = of(r3, 'narrative_conflict');
    expect(f.message_zh).toContain('年初预算一般公共预算');
    expect([f.expected, f.actual]).toEqual([512.4, 520]);
  });

  it('a budget document states no 年初预算 of its own', () => {
    const b = run(text.replace(/决算/g, '预算'));
    expect(rec(b).kind).toBe('budget');
    for (const k of Object.keys(rec(b)).filter((k) => k.startsWith('initial_')))
      expect(rec(b)[k], k).toBeNull();
  });
});

describe('a 年初预算 stated as the actual and its change against it', () => {
  const page = (extra = '') =>
    `示例镇人民政府\n2022年“三公”经费决算情况说明\n${extra}2022年“三公”经费支出共计8.40万元,较年初预算数减少3.60万元,下降30.00%,较上年支出数减少0.50万元。`;

  it('reads the 年初预算 as the actual less the change (8.40 + 3.60), and the percentage holds', () => {
    const r = run(page());
    expect(rec(r)).toMatchObject({ kind: 'final', three_public_total: 8.4, initial_three_public_total: 12 });
    expect(of(r, 'change_percent')).toEqual([]);
    expect(of(r, 'narrative_conflict')).toEqual([]);
  });

  it('agrees with a 年初预算 stated outright, and leaves it NULL where the two disagree', () => {
    expect(rec(run(page('2022年“三公”经费预算为12万元。\n'))).initial_three_public_total).toBe(12);
    const r = run(page('2022年“三公”经费预算为15万元。\n'));
    expect(rec(r).initial_three_public_total).toBeNull();
    expect(of(r, 'narrative_conflict').map((f) => [f.expected, f.actual])).toEqual([[15, 12]]);
  });

  it('checks the percentage against the 年初预算 and says so', () => {
    const [f] = of(run(page().replace('下降30.00%', '下降40.00%')), 'change_percent');
    expect([f.expected, f.actual]).toEqual([30, 40]);
    expect(f.message_zh).toContain('年初预算应为 12 万元');
    expect(f.message_en).toContain("the initial budget's 12");
  });
});

describe('a 三公 table flattened with bars, 预算数 and 决算数 each split by fund', () => {
  const pipes = readFileSync('tests/fixtures/final-initial-pipes-2023.txt', 'utf8');

  it('reads the 决算数 合计 as the actual and the 预算数 合计 as the 年初预算, each item alike', () => {
    const r = run(pipes);
    expect(rec(r)).toMatchObject({
      kind: 'final',
      year: 2023,
      three_public_total: 7.5,
      reception: 5.1,
      vehicle_total: 2.4,
      vehicle_operation: 2.4,
      overseas_travel: 0,
      initial_three_public_total: 9.2,
      initial_reception: 6.2,
      initial_vehicle_total: 3,
      initial_vehicle_operation: 3,
      initial_overseas_travel: 0
    });
    // "完成年初预算的81.5%": 7.5 ÷ 9.2 = 81.52%, written to one decimal
    expect(of(r, 'execution_rate')).toEqual([]);
    expect(of(r, 'narrative_vs_table')).toEqual([]);
  });

  it('a narrative 年初预算 against the table’s: the one whose parts add up is stored', () => {
    const r = run(pipes.replace('年初预算9.2万元', '年初预算9.8万元'));
    expect(rec(r).initial_three_public_total).toBe(9.2); // 0.00 + 6.20 + 3.00
    expect(of(r, 'narrative_vs_table').map((f) => [f.expected, f.actual])).toEqual([[9.2, 9.8]]);
  });
});
