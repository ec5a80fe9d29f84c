// The 8 real Shanghai PDFs. Scored with the shared scorer against ../shared/realpdfs/truth.csv when it is
// there (≥ 95% of stated fields right, none wrong); and, always, on the copies shipped in
// data/disclosures/shanghai, what a reader checks by eye in the PDFs: numbers in the columns they stand
// under (every table identity holds), empty cells left empty, 预算数 beside a blank 决算数 never taken for the
// actual, pages kept for tracing, scope, the prior year from the stated changes, and the documents' own
// contradictions reported.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { degrees, PDFDocument } from 'pdf-lib';
import { ingestPdf } from '../../src/lib/ingest/pdf/ingest';
import { readPdf } from '../../src/lib/ingest/pdf/load';
import { pdfDocumentText } from '../../src/lib/ingest/pdf/text';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import type { DocumentResult } from '../../src/lib/model';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const DOCS = join(SHARED, 'realpdfs/docs');
const SCORER = join(SHARED, 'tools/score.mjs');
const SHIPPED = join(ROOT, 'data/disclosures/shanghai');

describe.skipIf(!existsSync(DOCS) || !existsSync(SCORER))(
  'real PDFs scored against the hand-read truth',
  () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-realpdfs-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('ingests every PDF and scores no wrong figure, ≥ 95% of stated fields right', () => {
      const ingest = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/ingest.ts', '--quiet', '--out', out, DOCS],
        { cwd: ROOT, encoding: 'utf8' }
      );
      expect(ingest.status, ingest.stderr).toBe(0);
      const score = spawnSync(
        process.execPath,
        [SCORER, out, join(SHARED, 'realpdfs/truth.csv'), '--label', 'realpdfs', '--names', '--verbose'],
        { cwd: ROOT, encoding: 'utf8' }
      );
      const line = score.stdout.split('\n').find((l) => l.startsWith('realpdfs:')) ?? '';
      console.log(line);
      const m = /(\d+)\/(\d+) stated fields right .* (\d+) wrong/.exec(line);
      expect(m, score.stdout).not.toBeNull();
      const [, right, stated, wrong] = m!.map(Number);
      expect(wrong, score.stdout).toBe(0);
      expect(right / stated, score.stdout).toBeGreaterThanOrEqual(0.95);
      expect(score.status).toBe(0);
    }, 120_000);
  }
);

describe('real PDFs shipped as sample data', () => {
  const docs = new Map<string, DocumentResult>();
  const doc = (name: string) => docs.get(name)!;
  beforeAll(async () => {
    const reader = { pdfjs: await nodePdfJs(), assets: nodePdfAssets() };
    for (const name of [
      'putuo-wanli-2023-dept-budget',
      'putuo-wanli-2024-dept-budget',
      'putuo-wanli-2025-dept-budget',
      'putuo-commerce-2025-dept-budget',
      'putuo-commerce-2025-unit-budget',
      'putuo-finance-2024-dept-final',
      'putuo-social-work-2024-dept-final',
      'shanghai-finance-2025-unit-budget'
    ]) {
      const file = join(SHIPPED, `${name}.pdf`);
      docs.set(name, await ingestPdf(new Uint8Array(readFileSync(file)), file, reader));
    }
  }, 120_000);
  const item = (name: string, pred: (it: DocumentResult['lineItems'][number]) => boolean) =>
    doc(name).lineItems.filter(pred);

  it('reads every one as a complete record of the 9-table set', () => {
    for (const [name, r] of docs) {
      expect(r.status, `${name}: ${r.reasons.join('; ')}`).toBe('ok');
      expect(r.disclosure!.source_kind).toBe('published');
    }
    expect(doc('putuo-wanli-2023-dept-budget').disclosure).toMatchObject({
      unit_name: '上海市普陀区人民政府万里街道办事处',
      region: '上海市普陀区',
      year: 2023,
      kind: 'budget'
    });
    expect(doc('putuo-finance-2024-dept-final').disclosure!.kind).toBe('final');
  });

  it('puts every number in the column it stands under: no table identity fails, nothing unplaced', () => {
    for (const [name, r] of docs) {
      const broken = r.findings.filter((f) =>
        ['tree_sum', 'row_split', 'amount_unplaced', 'garbled_number', 'summary_vs_detail'].includes(f.check)
      );
      expect(broken.map((f) => `${name}: ${f.message_zh}`)).toEqual([]);
    }
    // 支出总表's 合计 row, alone on its page, in 元: 164,978,640 = 99,406,297 + 65,572,343
    const total3 = item('putuo-wanli-2023-dept-budget', (x) => x.table_no === 3 && x.name === '总计').map(
      (x) => [x.measure, x.amount, x.source_page]
    );
    expect(total3).toEqual([
      ['total', 16497.864, 18],
      ['basic', 9940.6297, 18],
      ['project', 6557.2343, 18]
    ]);
    // 商务委's 支出总表: a row with nothing under 项目支出, and one with nothing under 基本支出
    const row = (code: string) =>
      item('putuo-commerce-2025-dept-budget', (x) => x.table_no === 3 && x.code === code).map((x) => [
        x.measure,
        x.amount
      ]);
    expect(row('2011301')).toEqual([
      ['total', 938.9913],
      ['basic', 938.9913]
    ]);
    expect(row('2011302')).toEqual([
      ['total', 454.5],
      ['project', 454.5]
    ]);
  });

  it('reads the 三公 table whose items are columns, with blank cells left unstated', () => {
    const tp = item('putuo-wanli-2023-dept-budget', (x) => x.table_no === 10);
    expect(Object.fromEntries(tp.map((x) => [x.measure, x.amount]))).toEqual({
      three_public_total: 22.91,
      overseas_travel: 0,
      reception: 1.35,
      vehicle_total: 21.56,
      vehicle_purchase: 0,
      vehicle_operation: 21.56,
      operating_expense: 786.09
    });
    // 商务委: only 合计, 公务接待费 and 机关运行经费 are printed; the four blank cells store nothing
    const blank = item('putuo-commerce-2025-dept-budget', (x) => x.table_no === 10);
    expect(blank.map((x) => x.measure).sort()).toEqual([
      'operating_expense',
      'reception',
      'three_public_total'
    ]);
    // and the narrative's "0万元" states them
    expect(doc('putuo-commerce-2025-dept-budget').disclosure).toMatchObject({
      overseas_travel: 0,
      vehicle_total: 0,
      reception: 1
    });
  });

  it('never takes a 预算数 beside a blank 决算数 for the actual', () => {
    const fin = doc('putuo-finance-2024-dept-final');
    const tp = fin.lineItems.filter((x) => x.table_no === 10);
    expect(tp.every((x) => x.measure === 'budget')).toBe(true);
    expect(tp.map((x) => x.amount)).toEqual([0.95, 0.95]);
    expect(fin.disclosure).toMatchObject({ reception: 0, three_public_total: 0, vehicle_operation: 0 });
    // 决算 totals: 总计 includes the carry-overs; 本年支出合计 is what 表3 adds up to
    expect(fin.disclosure).toMatchObject({ total_income: 2995.39, total_expenditure: 2995.39 });
    expect(fin.lineItems.find((x) => x.measure === 'expenditure_current')?.amount).toBe(2940.05);
  });

  it("reads a 决算's 年初预算 where it states one, never its 全年预算, and checks its stated rates", () => {
    // 财政局: "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%" (p. 19);
    // the 三公 table prints 0.95 under 合计's and 公务接待费's 预算数 and nothing else
    const fin = doc('putuo-finance-2024-dept-final');
    expect(fin.disclosure).toMatchObject({
      general_budget: 2940.05,
      initial_general_budget: 2993.92,
      initial_three_public_total: 0.95,
      initial_reception: 0.95,
      initial_overseas_travel: null,
      initial_total_expenditure: null
    });
    expect(fin.findings.filter((f) => f.check === 'execution_rate')).toEqual([]);
    // 社会工作部: "年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%":
    // the 0 is stored (321.02 is the adjusted budget), and a rate of a zero budget is reported with its page
    const sw = doc('putuo-social-work-2024-dept-final');
    expect(sw.disclosure).toMatchObject({ general_budget: 307.82, initial_general_budget: 0 });
    const [rate, ...more] = sw.findings.filter((f) => f.check === 'execution_rate');
    expect(more).toEqual([]);
    expect([rate.expected, rate.actual]).toEqual([null, 95.89]);
    expect(new Set(rate.source_pages.split(','))).toEqual(new Set(['18']));
  });

  it('reads a table printed as two panels side by side and names wrapped around their code', () => {
    const fin = doc('putuo-finance-2024-dept-final');
    const t6 = fin.lineItems.filter((x) => x.table_no === 6 && x.name === '总计');
    expect(t6.map((x) => [x.measure, x.amount])).toEqual([
      ['personnel', 2152.26],
      ['public', 184.65]
    ]);
    expect(fin.lineItems.find((x) => x.table_no === 6 && x.code === '30201')).toMatchObject({
      name: '办公费',
      amount: 21.21
    });
    const social = doc('putuo-social-work-2024-dept-final');
    const wrapped = social.lineItems.filter((x) => x.code === '2080505' && x.measure === 'total');
    expect(new Set(wrapped.map((x) => x.name))).toEqual(new Set(['机关事业单位基本养老保险缴费支出']));
    expect(wrapped.map((x) => x.amount)).toEqual([6.18, 6.18, 6.18]);
  });

  it('says whether a budget is the department’s or one unit’s', () => {
    expect(doc('putuo-commerce-2025-dept-budget').disclosure!.scope).toBe('department');
    expect(doc('putuo-commerce-2025-unit-budget').disclosure!.scope).toBe('unit');
    expect(doc('shanghai-finance-2025-unit-budget').disclosure!.scope).toBe('unit');
  });

  it('derives the prior year from the stated changes, and they chain across the years', () => {
    const [y23, y24, y25] = ['2023', '2024', '2025'].map(
      (y) => doc(`putuo-wanli-${y}-dept-budget`).disclosure as unknown as Record<string, number | null>
    );
    // "比2023年预算增加25万元" on 47.91; "比2024年预算减少10万元" on 37.91
    expect(y24.prev_three_public_total).toBe(y23.three_public_total);
    expect(y25.prev_three_public_total).toBe(y24.three_public_total);
    expect(y25.prev_vehicle_purchase).toBe(y24.vehicle_purchase);
    expect(y24.prev_general_budget).toBeCloseTo(y23.general_budget!, 2);
    // "与2024年预算持平"
    const sh = doc('shanghai-finance-2025-unit-budget').disclosure as unknown as Record<string, number>;
    expect(sh.prev_three_public_total).toBe(346.3);
  });

  it('reports the documents’ own contradictions, and keeps each finding’s pages', () => {
    const checks = (name: string) => doc(name).findings.map((f) => f.check);
    // 三公 table with figures under "故本表为空表"
    expect(checks('putuo-wanli-2024-dept-budget')).toContain('empty_table_has_values');
    // "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元": no negative prior year is stored
    expect(checks('putuo-wanli-2023-dept-budget')).toContain('prior_year_negative');
    expect(doc('putuo-wanli-2023-dept-budget').disclosure!.prev_fund_budget ?? null).toBeNull();
    // "财政拨款收入支出总计0.3万元" against its own 财政拨款收入支出决算总表's 2,961.68 (not the 支出总计)
    const fs = doc('putuo-finance-2024-dept-final').findings.filter((x) => x.check === 'narrative_vs_table');
    expect(fs).toHaveLength(1);
    const f = fs[0];
    expect([f.expected, f.actual]).toEqual([2961.68, 0.3]);
    expect(f.message_zh).toContain('财政拨款收入支出总计');
    expect(f.message_en).toContain('0.3 × 10k yuan (page 21)');
    expect(f.source_pages.split(',')).toEqual(['13', '21']);
    // 0 vehicles yet 公务用车运行费 32.20
    expect(checks('shanghai-finance-2025-unit-budget')).toContain('vehicles_without_fleet');
    // each says of itself one year and one kind ("预算绩效管理情况" is no 预算)
    for (const name of docs.keys()) {
      expect(checks(name), name).not.toContain('identity_conflict');
      expect(checks(name), name).not.toContain('year_mismatch');
    }
  });
});

describe('a real PDF set sideways', () => {
  it('reads the same lines and cells when every page is turned a quarter (text running down the page)', async () => {
    const file = join(SHIPPED, 'putuo-commerce-2025-dept-budget.pdf');
    const bytes = readFileSync(file);
    const turned = await PDFDocument.load(bytes);
    for (const p of turned.getPages()) p.setRotation(degrees(90));
    const pdfjs = await nodePdfJs();
    const read = async (b: Uint8Array) =>
      pdfDocumentText(await readPdf(b, file, pdfjs, nodePdfAssets())).lines;
    const upright = await read(new Uint8Array(bytes));
    const sideways = await read(await turned.save());
    const shape = (ls: typeof upright) =>
      ls.map((l) => [l.page, l.text, l.cells!.map((c) => Math.round(c.x1 - c.x0))]);
    expect(sideways.length).toBeGreaterThan(300);
    expect(shape(sideways)).toEqual(shape(upright));
  });
});
