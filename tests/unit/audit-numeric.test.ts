// The numeric audit's checks (issue 9): each fires on the sample with one statement changed, names both
// sides with their amounts and source lines, and stays silent on the consistent sample and on clean
// generated documents.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/lib/generate/index';
import { ingestDocument } from '../../src/lib/ingest/index';
import { FindingList } from '../../src/lib/ingest/checks';
import type { Resolved } from '../../src/lib/ingest/figures';
import { chooseReadings } from '../../src/lib/ingest/reading';
import type { DocumentResult } from '../../src/lib/model';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = 'data/disclosures/000_f7859c67d4b429b5.txt';
const text = readFileSync(join(ROOT, SAMPLE), 'utf8');
const enc = new TextEncoder();
const run = (t: string) => ingestDocument(enc.encode(t), SAMPLE);
const base = run(text);

/** the sample with the n-th (1-based) occurrence of `from` on line `line` replaced */
function edit(line: number, from: string, to: string): string {
  const lines = text.split('\n');
  expect(lines[line - 1], `line ${line}`).toContain(from);
  lines[line - 1] = lines[line - 1].replace(from, to);
  return lines.join('\n');
}
const fresh = (r: DocumentResult, check: string) => {
  const before = new Set(base.findings.map((f) => f.message_zh));
  return r.findings.filter((f) => f.check === check && !before.has(f.message_zh));
};

const NEW_CHECKS = [
  'table_total',
  'total_across_tables',
  'project_subtotal',
  'vehicle_parts',
  'asset_without_quantity',
  'share_percent',
  'unit_header',
  'garbled_number'
];

describe('silent on consistent documents', () => {
  it('the sample: none of the new checks fires', () => {
    expect(base.findings.filter((f) => NEW_CHECKS.includes(f.check))).toEqual([]);
    expect(base.status).toBe('ok');
  });
  it('clean generated documents: none of the new checks fires', () => {
    const docs = [
      ...generateCorpus({ units: 12, firstYear: 2021, lastYear: 2024, seed: 'audit', inconsistencyRate: 0 })
    ];
    expect(docs.length).toBeGreaterThan(30);
    for (const d of docs) {
      const r = ingestDocument(enc.encode(d.text), d.file.replace(/\.pdf$/, '.txt'));
      const hits = r.findings.filter((f) => NEW_CHECKS.includes(f.check)).map((f) => f.message_zh);
      expect(hits, d.file).toEqual([]);
    }
  }, 60_000);
});

describe('table totals whatever their label', () => {
  it('表4 classes against 支出总计', () => {
    const r = run(edit(482, '221 住房保障支出 42.22 42.22', '221 住房保障支出 102.22 102.22'));
    const f = fresh(r, 'table_total');
    expect(f).toHaveLength(1);
    expect(f[0].message_zh).toBe(
      '表4 各类支出之和 528.53 万元（源文件第 444、458、462、482 行）与表4 支出总计 468.53 万元（源文件第 504 行）不符'
    );
    expect(f[0].message_en).toContain('10k yuan');
    expect(f[0].source_lines).toBe('444,458,462,482,504');
  });
  it('表1 本年收入 against its appropriations and 收入总计', () => {
    const r = run(edit(130, '一、本年收入 468.53', '一、本年收入 448.53'));
    const msgs = fresh(r, 'table_total').map((f) => f.message_zh);
    expect(msgs).toContain(
      '表1 各项拨款之和 468.53 万元（源文件第 132 行）大于表1 一、本年收入 448.53 万元（源文件第 130 行）'
    );
    expect(msgs).toContain(
      '表1 一、本年收入 448.53 万元（源文件第 130 行）与表1 收入总计 468.53 万元（源文件第 190 行）不符'
    );
  });
  it('表4 财政拨款 against 一般公共预算 + 基金 + 国有资本', () => {
    const r = run(edit(444, '一、财政拨款（补助） 468.53', '一、财政拨款（补助） 768.53'));
    expect(fresh(r, 'table_total').map((f) => f.message_zh)).toContain(
      '表4 一、财政拨款(补助) 768.53 万元（源文件第 444 行）与表4 各项拨款之和 468.53 万元（源文件第 446 行）不符'
    );
  });
});

describe('the same total in several tables', () => {
  it('表1 and 表4 一般公共预算', () => {
    const r = run(edit(132, '1、一般公共预算拨款 468.53', '1、一般公共预算拨款 468.63'));
    expect(fresh(r, 'total_across_tables').map((f) => f.message_zh)).toContain(
      '表4 一般公共预算 468.53 万元（源文件第 446 行）与表1 1、一般公共预算拨款 468.63 万元（源文件第 132 行）不符'
    );
  });
  it('表4 classes against 表5 to the cent', () => {
    const r = run(edit(458, '208 社会保障和就业支出 22.64 22.64', '208 社会保障和就业支出 22.65 22.65'));
    const f = fresh(r, 'total_across_tables');
    expect(f.map((x) => x.message_zh)).toEqual([
      '表5 208 社会保障和就业支出 22.64 万元（源文件第 532 行）与表4 208 社会保障和就业支出 22.65 万元（源文件第 458 行）不符'
    ]);
  });
  it('a one-cent difference between 表1 and 表3 is a finding', () => {
    const r = run(edit(148, '210 卫生健康支出 15.56', '210 卫生健康支出 15.57'));
    expect(fresh(r, 'summary_vs_detail').length).toBe(1);
  });
  it('a one-cent difference between a parent and its only child', () => {
    const r = run(edit(396, '388.11', '388.12'));
    expect(fresh(r, 'tree_sum').map((f) => f.source_lines)).toContain('394,396');
  });
});

describe('表7 subtotals', () => {
  it('a 款 row against its projects', () => {
    const r = run(edit(689, '92.50 92.50', '92.90 92.90'));
    expect(fresh(r, 'project_subtotal').map((f) => f.message_zh)).toEqual([
      '表5 20103 政府办公厅(室)及相关机构事务（项目支出） 92.5 万元（源文件第 524 行）与表7 20103 政府办公厅(室)及相关机构事务 92.9 万元（源文件第 685 行）不符',
      '表7 20103 政府办公厅(室)及相关机构事务下各项目之和 92.5 万元（源文件第 691、693、695 等行）与表7 20103 政府办公厅(室)及相关机构事务 92.9 万元（源文件第 685 行）不符'
    ]);
  });
  it('the 总计 against 表5 项目支出, and the unit row against the 总计', () => {
    const r = run(edit(676, '总计 92.50 92.50', '总计 92.53 92.53'));
    const msgs = fresh(r, 'project_subtotal').map((f) => f.message_zh);
    expect(msgs).toEqual([
      '表5 总计（项目支出） 92.5 万元（源文件第 520 行）与表7 总计 92.53 万元（源文件第 676 行）不符',
      '表7 总计 92.53 万元（源文件第 676 行）与表7 克拉玛依市乌尔禾区人民政府办公室(乌尔禾区信访局) 92.5 万元（源文件第 678 行）不符'
    ]);
  });
});

describe('vehicles against their kinds', () => {
  it('a count that the kinds do not add up to', () => {
    const r = run(edit(1127, '2.车辆 0辆', '2.车辆 5辆'));
    const f = fresh(r, 'vehicle_parts');
    expect(f).toHaveLength(1);
    expect(f[0].message_zh).toMatch(
      /^车辆 5 辆（源文件第 1127 行）与其中一般公务用车、执法执勤用车、其他车辆之和 0 辆/
    );
    expect(f[0].message_en).toMatch(/Vehicles 5 vehicles/);
  });
  it('a value for no vehicles', () => {
    const r = run(edit(1127, '2.车辆 0辆，价值 0.00 万元', '2.车辆 0辆，价值 0.01 万元'));
    expect(fresh(r, 'asset_without_quantity').map((f) => f.message_zh)).toEqual([
      '车辆 0 辆，价值却为 0.01 万元（源文件第 1127 行）'
    ]);
  });
  it('a value for no building', () => {
    const r = run(edit(1125, '价值 0.00 万元', '价值 0.08 万元'));
    expect(fresh(r, 'asset_without_quantity')).toHaveLength(1);
  });
});

describe('percentages against their amounts', () => {
  it('a share of no stated total', () => {
    const r = run(edit(800, '政府性基金预算 0.00 万元', '政府性基金预算 0.60 万元'));
    expect(fresh(r, 'share_percent').map((f) => f.message_zh)).toEqual([
      '0.6 万元占 0.00%（源文件第 800 行）与本文件所列任一合计都不符：占收入总计 468.53 万元应为 0.13%'
    ]);
  });
  it('a class share that its amount does not give', () => {
    const r = run(edit(882, '占 82.84%', '占 72.84%'));
    const f = fresh(r, 'share_percent');
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe(82.84);
    expect(f[0].actual).toBe(72.84);
  });
  it('a change whose percentage is not the change over the prior year', () => {
    const r = run(edit(894, '152.82', '102.82'));
    expect(fresh(r, 'change_percent').map((f) => f.message_zh)).toEqual([
      '295.61 万元减少 102.82 万元，上年应为 398.43 万元，减少幅度应为 25.81%，文中为 34.08%（源文件第 894、896 行）'
    ]);
  });
  it('a change larger than the amount it leads to is no prior year', () => {
    const r = run(edit(1104, '增加 14.71 万元', '增加 147.1 万元'));
    expect(fresh(r, 'prior_year_negative')).toHaveLength(1);
    expect(r.disclosure!.prev_operating_expense).toBeNull();
  });
});

describe('no negative prior year', () => {
  it('a headcount risen by more than there are is a finding, not a prior year', () => {
    const r = run(edit(115, '在职 11 人，减少 4 人', '在职 11 人，增加 14 人'));
    expect(fresh(r, 'prior_year_negative').map((f) => f.message_zh)).toEqual([
      '上年在职人数推得为负数 -3 人（源文件第 115 行），未采用'
    ]);
    expect(r.disclosure!.prev_staff_in_service).toBeNull();
    expect(base.disclosure!.prev_staff_in_service).toBe(15);
  });
});

describe('a money-unit header the other tables contradict', () => {
  const figures = (r: DocumentResult) =>
    Object.fromEntries(Object.entries(r.disclosure!).filter(([, v]) => typeof v === 'number'));
  it('“单位：元” over 表10 in 万元: a finding, and the table read in 万元', () => {
    const r = run(edit(742, '单位：万元', '单位：元'));
    const f = fresh(r, 'unit_header');
    expect(f.map((x) => x.message_zh)).toEqual([
      '表10标注“单位：元”（源文件第 738 行），按此其源文件第 755 行之数为 0.0047 万元，而源文件第 1078 行所列同一数为 47.35 万元（共 4 处如此），按万元读取'
    ]);
    expect(figures(r)).toEqual(figures(base));
  });
  it('the first table’s header wrong: the document’s unit is what most tables state', () => {
    const r = run(edit(124, '单位：万元', '单位：元'));
    expect(fresh(r, 'unit_header')).toHaveLength(1);
    expect(r.findings.length).toBe(base.findings.length + 1);
    expect(figures(r)).toEqual(figures(base));
  });
  it('a 元 table beside 万元 prose is no contradiction', () => {
    expect(base.findings.some((f) => f.check === 'unit_header')).toBe(false);
  });
});

describe('absurd or garbled numbers', () => {
  const nines = '9'.repeat(400);
  it('400 nines in a 表1 cell: a finding and a partial record, not a row silently gone', () => {
    const r = run(edit(130, '一、本年收入 468.53', `一、本年收入 ${nines}`));
    const f = fresh(r, 'garbled_number');
    expect(f.map((x) => x.message_zh)).toEqual([
      '表1有无法识别的数字“99999999999999999999…（400 位）”，该行金额未采用（源文件第 130 行）'
    ]);
    expect(r.status).toBe('partial');
  });
  it('in a 表10 cell the row is not read', () => {
    const r = run(edit(759, '公务接待费 19.75 19.75', `公务接待费 ${nines} 19.75`));
    expect(fresh(r, 'garbled_number')).toHaveLength(1);
    expect(r.lineItems.some((x) => x.table_no === 10 && x.measure === 'reception')).toBe(false);
  });
  it('a trillion in one cell of a coded table', () => {
    const r = run(edit(398, '295.61', '99999999999999.61'));
    expect(fresh(r, 'garbled_number')).toHaveLength(1);
    expect(r.status).toBe('partial');
  });
});

describe('a document that ends before the template’s closing sections', () => {
  const cut = (n: number) => run(text.split('\n').slice(0, n).join('\n'));
  it('the first 1,100 lines of the sample: partial, naming what is missing', () => {
    const r = cut(1100);
    expect(r.status).toBe('partial');
    expect(r.reasons).toEqual([
      'document ends before its closing sections: 政府采购, 国有资产占用, 预算绩效, 名词解释'
    ]);
    // what it lost is NULL, not a guess
    for (const k of ['operating_expense', 'procurement_total', 'vehicles_count'] as const)
      expect(r.disclosure![k], k).toBeNull();
  });
  it('cut inside the explanations: every closing section named', () => {
    expect(cut(900).reasons.join(' ')).toMatch(/“三公”经费说明, 其他重要事项, 机关运行经费/);
  });
  it('the whole sample and a document without the optional 政府采购/国有资产 sections are complete', () => {
    expect(base.reasons).toEqual([]);
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith(' (二) 政府采购情况'));
    const to = lines.findIndex((l) => l.startsWith('(四) 预算绩效情况'));
    const r = run([...lines.slice(0, from), ...lines.slice(to)].join('\n'));
    expect(r.reasons).toEqual([]);
  });
  it('signed off with its date, a document without 名词解释 reached its end', () => {
    const lines = text.split('\n');
    const glossary = lines.findIndex((l) => l.includes('第四部分 名词解释'));
    const signed = run([...lines.slice(0, glossary), '示例单位', '2023 年 2月 6 日'].join('\n'));
    expect(signed.reasons).toEqual([]);
    const unsigned = run(lines.slice(0, glossary).join('\n'));
    expect(unsigned.reasons).toEqual(['document ends before its closing sections: 名词解释']);
  });
});

describe('which reading is stored when a table and the prose disagree', () => {
  const nvt = (r: DocumentResult) => fresh(r, 'narrative_vs_table').map((f) => f.message_zh);
  it('a 运行费 the 三公 table misreads larger than its 小计: the prose reading, which closes the sum', () => {
    const r = run(edit(765, '公务用车运行费 27.60 27.60', '公务用车运行费 29.60 29.60'));
    expect(r.disclosure!.vehicle_operation).toBe(27.6);
    expect(nvt(r)).toEqual([
      '公务用车运行费：说明中为 27.6 万元（源文件第 1080 行），表中为 29.6 万元（源文件第 765 行）；采用说明中的 27.6 万元：它与“公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费”相符'
    ]);
  });
  it('a prose slip: the table reading, which closes the sum', () => {
    const r = run(edit(1080, '公务用车运行费 27.60 万元', '公务用车运行费 27.80 万元'));
    expect(r.disclosure!.vehicle_operation).toBe(27.6);
    expect(nvt(r)[0]).toMatch(
      /采用表中的 27.6 万元：它与“公务用车购置及运行费 = 公务用车购置费 \+ 公务用车运行费”相符$/
    );
  });
  it('two figures misread together: the readings that close the 三公 sum together', () => {
    const lines = text.split('\n');
    lines[754] = lines[754].replace('合计 47.35 47.35', '合计 50.00 50.00');
    lines[758] = lines[758].replace('公务接待费 19.75 19.75', '公务接待费 29.75 29.75');
    const r = run(lines.join('\n'));
    expect([r.disclosure!.three_public_total, r.disclosure!.reception]).toEqual([47.35, 19.75]);
    expect(nvt(r)).toHaveLength(2);
  });
  it('a part larger than the whole it belongs to is ruled out; the same amount said twice is one finding', () => {
    const r = run(edit(138, '2、基金预算拨款 205 教育支出', '2、基金预算拨款 0.60 205 教育支出'));
    expect(r.disclosure!.fund_budget).toBe(0);
    const f = fresh(r, 'narrative_vs_table');
    expect(f).toHaveLength(1);
    expect(f[0].message_zh).toMatch(
      /采用说明中的 0 万元：表中的 0.6 万元不合“一般公共预算、政府性基金预算、国有资本经营预算 ≤ 收入总计”$/
    );
    expect(f[0].source_lines).toBe('138,800,1057,1059');
  });
  it('nothing singles one out: NULL, and the finding says so', () => {
    const f = new FindingList('万元');
    const table = { value: 132.48, lines: [10] };
    const prose = { value: 122.48, lines: [20] };
    f.add(
      'narrative_vs_table',
      'error',
      '机关运行经费：说明中为 122.48，表中为 132.48',
      'x',
      132.48,
      122.48,
      [10, 20]
    );
    const resolved: Resolved = {
      value: { operating_expense: table, public_expense: { value: 122.48, lines: [30] } },
      prev: {},
      conflicts: [{ figure: 'operating_expense', table, prose, finding: f.list[0] }]
    };
    chooseReadings(resolved, f, { totals: {}, procurement: {}, assets: [], none: [] }, [], [], '万元');
    expect(resolved.value.operating_expense).toBeUndefined();
    expect(f.list[0].message_zh).toBe(
      '机关运行经费：说明中为 122.48，表中为 132.48；本文件其他数字不能确定哪个正确，两者均未采用'
    );
  });
});
