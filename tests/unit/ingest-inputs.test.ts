// Broken and varied input: every variant of the hand-written template fixture must give the same figures,
// every broken one a clear status and reason, and no wrong figure.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import type { DocumentResult } from '../../src/lib/model';

const FIXTURE = 'tests/fixtures/template-2024.txt';
const text = readFileSync(FIXTURE, 'utf8');
const run = (s: string | Buffer, file = 'doc.txt'): DocumentResult =>
  ingestDocument(typeof s === 'string' ? Buffer.from(s, 'utf8') : s, file);
const fig = (r: DocumentResult, k: string) =>
  (r.disclosure as unknown as Record<string, unknown> | null)?.[k];

const EXPECTED: Record<string, number | null> = {
  total_income: 120,
  total_expenditure: 120,
  general_budget: 120,
  fund_budget: null,
  basic_expenditure: 100,
  project_expenditure: 20,
  personnel_expense: 70,
  public_expense: 30,
  operating_expense: 30,
  three_public_total: 15,
  overseas_travel: 0,
  vehicle_total: 9,
  vehicle_purchase: 0,
  vehicle_operation: 9,
  reception: 6,
  procurement_total: 6,
  vehicles_count: 1,
  staff_authorized: 8,
  staff_actual: 9,
  staff_in_service: 6,
  staff_retired: 2,
  staff_separated: 1,
  prev_three_public_total: 18,
  prev_reception: 7,
  prev_vehicle_operation: 11,
  prev_general_budget: 110,
  prev_staff_in_service: 7
};

function expectFigures(r: DocumentResult, scale = 1) {
  for (const [k, v] of Object.entries(EXPECTED)) {
    const want =
      v === null || k.startsWith('staff') || k.startsWith('prev_staff') || k === 'vehicles_count'
        ? v
        : v * scale;
    expect(fig(r, k), k).toBe(want);
  }
}

describe('the clean fixture', () => {
  const r = run(text, FIXTURE);
  it('reads as a complete synthetic record with no findings', () => {
    expect(r.status).toBe('ok');
    expect(fig(r, 'source_kind')).toBe('synthetic');
    expect(fig(r, 'unit_name')).toBe('示例市测试局');
    expect(fig(r, 'year')).toBe(2024);
    expect(r.findings).toEqual([]);
    expectFigures(r);
  });
});

describe('encodings and widths', () => {
  it('CRLF line ends and a BOM change nothing', () => {
    const r = run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]));
    expect(r.status).toBe('ok');
    expectFigures(r);
    expect(r.findings).toEqual([]);
  });
  it('full-width digits and punctuation read the same', () => {
    const wide = text.replace(/[0-9.%:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const r = run(wide);
    expect(r.status).toBe('ok');
    expectFigures(r);
  });
  it('GB18030 bytes are decoded', () => {
    // "2020年三公经费合计3.5万元" in GB18030 (node has no GB encoder: the bytes are written out)
    const gb = Buffer.concat([
      Buffer.from('2020'),
      Buffer.from('C4EAC8FDB9ABBEADB7D1BACFBCC6', 'hex'),
      Buffer.from('3.5'),
      Buffer.from('CDF2D4AA', 'hex')
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const r = run(gb, 'gb.txt');
    expect(fig(r, 'three_public_total')).toBe(3.5);
    expect(fig(r, 'year')).toBe(2020);
  });
  it('a document in 元 with thousands separators is converted to 万元', () => {
    const yuan = text
      .replace(/(\d+\.\d{2})(?![\d%])/g, (m) =>
        (Number(m) * 10000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      )
      .replace(/万元/g, '元');
    expect(yuan).toContain('1,200,000.00');
    const r = run(yuan);
    expect(r.status).toBe('ok');
    expectFigures(r);
    expect(r.findings).toEqual([]);
  });
  it('traditional characters with inserted pinyin read the same', () => {
    const toTrad = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const trad = toTrad(text).replace(/經費/g, '經(jīng)費').replace(/預算/g, '預(yù)算');
    expect(trad).toContain('經(jīng)費');
    const r = run(trad);
    expectFigures(r);
    expect(fig(r, 'unit_name')).toBe('示例市测试局');
  });
});

describe('an HTML page of the same content', () => {
  it('reads the same figures and keeps the source line numbers', () => {
    const html =
      '<!doctype html><html><head><title>t</title><style>p{}</style></head><body>\n' +
      text
        .split('\n')
        .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('\n') +
      '\n<script>var x = "1,2,3";</script></body></html>';
    const r = run(html, 'page.html');
    expect(r.status).toBe('ok');
    expectFigures(r);
    const t10 = r.lineItems.find((x) => x.table_no === 10 && x.measure === 'reception')!;
    expect(html.split('\n')[t10.source_line - 1]).toContain('公务接待费 6.00');
  });
  it('reads a 三公 table with cells and a 预算数/决算数 header', () => {
    const page = `<html><body>
<h2>示例县审计局2021年度“三公”经费支出决算</h2>
<table>
<tr><td>项 目</td><td>预 算 数</td><td>决 算 数</td></tr>
<tr><td>合 计</td><td>1.8</td><td>1.52</td></tr>
<tr><td>因公出国(境)费</td><td></td><td></td></tr>
<tr><td>公务接待费</td><td>1.8</td><td>1.52</td></tr>
<tr><td>公务用车购置及运行维护费</td><td></td><td></td></tr>
</table>
<p>二、情况说明</p>
<p>示例县审计局2021年度“三公”经费支出预算为1.8万元,支出决算为1.52万元,完成预算的84%。因公出国(境)费支出决算0万元。公务接待费支出1.52万元,与2021年度预算相比,减少0.28万元,下降15%。</p>
</body></html>`;
    const r = run(page, 'sangong.htm');
    expect(fig(r, 'kind')).toBe('final');
    expect(fig(r, 'year')).toBe(2021);
    expect(fig(r, 'three_public_total')).toBe(1.52);
    expect(fig(r, 'reception')).toBe(1.52);
    expect(fig(r, 'overseas_travel')).toBe(0);
    expect(fig(r, 'vehicle_total')).toBeNull(); // empty cells, no sentence
    expect(fig(r, 'prev_reception')).toBeNull(); // compared with the same year's budget, not last year
    expect(r.status).toBe('partial');
  });
});

describe('broken documents', () => {
  it('an empty file is rejected', () => {
    const r = run(Buffer.alloc(0), 'empty.txt');
    expect(r.status).toBe('rejected');
    expect(r.reasons[0]).toMatch(/empty\.txt: empty file/);
    expect(r.disclosure).toBeNull();
  });
  it('a binary file is rejected, naming the offset', () => {
    const r = run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'image.txt');
    expect(r.status).toBe('rejected');
    expect(r.reasons[0]).toMatch(/image\.txt: binary file/);
  });
  it('text with no figure is rejected, naming its first line', () => {
    const r = run('关于开展测试工作的通知\n请各单位认真落实。\n', 'notice.txt');
    expect(r.status).toBe('rejected');
    expect(r.reasons[0]).toMatch(/notice\.txt: no figure found \(line 1/);
  });
  it('a truncated document is partial: what it states is kept, what it lost is NULL', () => {
    const cut = text.slice(0, text.indexOf('302 17 公务接待费'));
    const r = run(cut);
    expect(r.status).toBe('partial');
    expect(r.reasons.join(' ')).toMatch(/tables missing: 表7, 表8, 表9, 表10/);
    expect(fig(r, 'basic_expenditure')).toBe(100);
    expect(fig(r, 'personnel_expense')).toBe(70);
    for (const k of ['three_public_total', 'reception', 'operating_expense', 'procurement_total'])
      expect(fig(r, k), k).toBeNull();
    // 302 = 30.00 but only 办公费 10.00 survived: the cut shows as a failed sum, not as a figure
    expect(r.findings.some((f) => f.check === 'tree_sum' && f.message_en.includes('302'))).toBe(true);
  });
  it('a garbled number voids its row and is reported with its line', () => {
    const bad = text.replace('302 01 办公费 10.00 10.00', '302 01 办公费 1O.0O 10.00');
    const r = run(bad);
    expect(r.status).toBe('partial');
    const g = r.findings.find((f) => f.check === 'garbled_number')!;
    expect(g.message_en).toMatch(/1O\.0O/);
    expect(r.reasons.join(' ')).toMatch(/unreadable number/);
    expect(r.lineItems.some((x) => x.code === '30201')).toBe(false);
    expect(r.findings.some((f) => f.check === 'tree_sum')).toBe(false); // its parent is not blamed
    expect(fig(r, 'public_expense')).toBe(30);
  });
  it('a missing table makes the record partial and the prose still fills the figure', () => {
    const start = text.indexOf(' 表 10');
    const end = text.indexOf(' 第三部分');
    const r = run(text.slice(0, start) + text.slice(end));
    expect(r.status).toBe('partial');
    expect(r.reasons).toContain('tables missing: 表10');
    expect(fig(r, 'three_public_total')).toBe(15);
    expect(fig(r, 'vehicle_total')).toBeNull(); // only 表10 states it
  });
  it('a table that disagrees with the narrative is a finding; the reading the 三公 sum supports is stored', () => {
    const r = run(
      text.replace(
        '公务接待费 6.00 6.00\n\n公务用车购置及运行费',
        '公务接待费 7.00 7.00\n\n公务用车购置及运行费'
      )
    );
    // 合计 15.00 = 0 + 9.00 + 6.00: the table's 7.00 breaks its own sum, the narrative's 6.00 closes it
    expect(fig(r, 'reception')).toBe(6);
    expect(r.findings.find((f) => f.check === 'narrative_vs_table')!.message_zh).toMatch(
      /采用说明中的 6 万元：/
    );
    const checks = r.findings.map((f) => f.check);
    expect(checks).toContain('narrative_vs_table');
    // the figures as stored add up; the slip is the one disagreement, reported once (and 表6's 6.00 with it)
    expect(checks).not.toContain('three_public_sum');
    expect(checks).toContain('three_public_vs_economic');
  });
  it('a table total that does not add up is an error finding with both lines', () => {
    const r = run(text.replace('302 商品和服务支出 30.00 30.00', '302 商品和服务支出 31.00 31.00'));
    const f = r.findings.find((x) => x.check === 'tree_sum' && x.message_en.includes('302'))!;
    expect(f.severity).toBe('error');
    expect(f.expected).toBe(30);
    expect(f.actual).toBe(31);
    expect(f.source_lines.split(',').length).toBeGreaterThan(2);
  });
  it('staffing parts that do not add up are a finding', () => {
    const r = run(text.replace('退休 2 人', '退休 3 人'));
    expect(r.findings.map((f) => f.check)).toContain('staff_parts');
  });
});

describe('prose-only pages (features of real published pages)', () => {
  it('a 三公 paragraph alone is a partial record, not a rejection', () => {
    const r = run(
      '2018年示例市测试局“三公”经费预算情况说明\n2018年示例市测试局财政拨款“三公”经费预算合计32.6万元。其中:因公出国(境)费0元;公务用车购置费0元;公务用车运行维护费28.6万元,与上年持平;公务接待费4万元,比上年减少2万元。'
    );
    expect(r.status).toBe('partial');
    expect(r.reasons).toContain('no tables (prose only)');
    expect(fig(r, 'three_public_total')).toBe(32.6);
    expect(fig(r, 'vehicle_operation')).toBe(28.6);
    expect(fig(r, 'reception')).toBe(4);
    expect(fig(r, 'prev_reception')).toBe(6);
    expect(fig(r, 'prev_vehicle_operation')).toBe(28.6);
    expect(fig(r, 'vehicle_total')).toBeNull(); // not stated: never derived
    expect(fig(r, 'basic_expenditure')).toBeNull();
  });
  it('a 决算 page: the actual, not the 年初预算 of its 其中 list', () => {
    const r = run(
      '示例镇人民政府\n2021年“三公”经费决算汇总情况\n2021年我镇“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费9万元,公务用车运行维护费11万元。\n2021年“三公”经费支出共计9.07万元,较年初预算数减少10.93万元,下降54.65%,较上年支出数减少0.71万元。'
    );
    expect(fig(r, 'kind')).toBe('final');
    expect(fig(r, 'three_public_total')).toBe(9.07);
    expect(fig(r, 'reception')).toBeNull();
    expect(fig(r, 'prev_three_public_total')).toBe(9.78);
  });
  it('last year stated outright, and a wrong percentage flagged', () => {
    const r = run(
      '示例市经信局2016年“三公经费”预算对比增减说明\n2016年三公经费预算拨入33万元,2015年三公经费预算拨入57.55万元,与上年对比减少24.55万元。其中:1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%。'
    );
    expect(fig(r, 'year')).toBe(2016);
    expect(fig(r, 'three_public_total')).toBe(33);
    expect(fig(r, 'prev_three_public_total')).toBe(57.55);
    expect(fig(r, 'reception')).toBe(8);
    expect(fig(r, 'prev_reception')).toBe(12.5);
  });
  it('amounts in 元 with thousands separators in prose', () => {
    const r = run(
      '示例区测试中心2024年部门预算\n1. 基本支出预算 2,476,260.58 元,占一般公共预算支出的84.06%。\n工资福利支出预算 2016908.34 元,占基本支出预算81.45%。\n2. 项目支出 469500 元,占一般公共预算支出的 19.62%。\n人员经费 2128270.5 元。'
    );
    expect(fig(r, 'basic_expenditure')).toBe(247.6261);
    expect(fig(r, 'total_expenditure')).toBeNull(); // 工资福利支出预算 is a line, not the total
    expect(r.findings.find((f) => f.check === 'share_sum')?.actual).toBe(103.68); // 84.06% + 19.62%
    expect(fig(r, 'project_expenditure')).toBe(46.95);
    expect(fig(r, 'personnel_expense')).toBe(212.8271);
  });
  it('a unit slip (1.58元 beside 1.58万元) takes the 万元 figure and says so', () => {
    const r = run(
      '2015年部门决算公开中三公经费说明\n2015年部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元。\n2015年部门决算公开公务接待费1.58元,经核查,2015年度我单位支出公务接待费为1.58万元。'
    );
    expect(fig(r, 'reception')).toBe(1.58);
    expect(r.findings.map((f) => f.check)).toContain('unit_slip');
  });
  it('two different prose figures for the same thing leave it NULL with a finding', () => {
    const r = run(
      '示例区测试中心2024年部门预算\n项目支出 0元。\n2. 项目支出 469500 元,占一般公共预算支出的 19.62%。'
    );
    expect(fig(r, 'project_expenditure')).toBeNull();
    expect(r.findings.map((f) => f.check)).toContain('narrative_conflict');
  });
  it('a total that contradicts its parts is kept as stated, with a finding', () => {
    const r = run(
      '示例州测试局2015年决算三公说明\n2015年部门决算公开“三公”经费合计31.23万元,其中:公务接待费1.58万元,车辆运行费28.91万元,因公出国(境)费0万元。'
    );
    expect(fig(r, 'three_public_total')).toBe(31.23);
    expect(fig(r, 'vehicle_operation')).toBe(28.91);
    expect(r.findings.find((f) => f.check === 'three_public_sum')?.severity).toBe('error');
  });
  it('typed 编制 without a total leave 编制数 unstated; a single one is the total', () => {
    const two = run(
      '示例区测试会2024年部门决算\n人员情况:行政编制4个,参公事业编制2个。收支总计均为357.21万元。'
    );
    expect(fig(two, 'staff_authorized')).toBeNull();
    expect(fig(two, 'total_expenditure')).toBe(357.21);
    const one = run(
      '示例县测试中心2019年部门决算\n事业编制25名,实有在职在编人员16名,退休职工6名。收入总计440.55万元。'
    );
    expect(fig(one, 'staff_authorized')).toBe(25);
    expect(fig(one, 'staff_in_service')).toBe(16);
    expect(fig(one, 'staff_retired')).toBe(6);
    expect(fig(one, 'staff_actual')).toBeNull();
  });
  it('a 决算 page whose figures sit inside 公共预算财政拨款 wording, with 我局 for the unit', () => {
    const r = run(
      '2015年“三公”经费决算情况及增减变化原因说明 |\n一、2015年我局部门决算汇总“三公”经费公共预算财政拨款支出74.6万元,其中公务用车及运行维护费用61.8万元,公务接待费12.8万元。公务用车费用中含公车购置费0万元,公务用车运行维护费61.8万元。无因公出国(境)团组及人次。2015年“三公”经费决算数据比2014年“三公”经费决算数据减少16.5万元。'
    );
    expect(fig(r, 'kind')).toBe('final');
    expect(fig(r, 'three_public_total')).toBe(74.6);
    expect(fig(r, 'vehicle_total')).toBe(61.8);
    expect(fig(r, 'vehicle_purchase')).toBe(0);
    expect(fig(r, 'reception')).toBe(12.8);
    expect(fig(r, 'overseas_travel')).toBeNull(); // "无因公出国(境)团组" states no amount
    expect(fig(r, 'unit_name')).toBeNull();
  });
  it('a year compared with is not the document year', () => {
    const r = run(
      '(一)本单位2021年度总收入581.45万元,其中本年收\n入390.55万元,较2020年度决算数减少175.26万元。\n(二)本单位2021年度总支出581.45万元。'
    );
    expect(fig(r, 'year')).toBe(2021);
    expect(fig(r, 'total_expenditure')).toBe(581.45);
    expect(fig(r, 'unit_name')).toBeNull();
    expect(r.reasons).toContain('unit name not found');
  });
});
