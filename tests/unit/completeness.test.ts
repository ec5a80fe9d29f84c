// 公开完整度: the catalogue, and which items the real sample, the real Shanghai PDFs, generated documents (text
// and PDF) and fixtures with items taken out contain — asserted item by item through the real ingest.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPLETENESS_ITEM_IDS,
  COMPLETENESS_ITEMS,
  completenessScore,
  joinMissing,
  splitMissing,
  type CompletenessItemId,
  type DisclosureRow
} from '../../src/lib/model';
import { ingestDocument } from '../../src/lib/ingest';
import { generateCorpus, type GeneratedDocument } from '../../src/lib/generate/index';
import { loadCjkFont, NOTO_CJK_PATH } from '../../src/lib/generate/pdf/font';
import { writePdf } from '../../src/lib/generate/pdf/write';
import { ingestPdf } from '../../src/lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = readFileSync(join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt'), 'utf8');
const NINE = readFileSync(join(ROOT, 'tests/fixtures/completeness-9tables-2025.txt'), 'utf8');
const TEMPLATE = readFileSync(join(ROOT, 'tests/fixtures/template-2024.txt'), 'utf8');
const encoder = new TextEncoder();

const ingestText = (text: string, file = 'fixture.txt') => ingestDocument(encoder.encode(text), file);
const disclosureOf = (text: string): DisclosureRow => {
  const r = ingestText(text);
  expect(r.status, r.reasons.join('; ')).not.toBe('rejected');
  return r.disclosure!;
};
const missingOf = (text: string) => splitMissing(disclosureOf(text).completeness_missing);

/** Remove the text from `from` (included) up to `to` (excluded; '' = up to and including the line of `from`). */
function cut(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  expect(a, `marker “${from}”`).toBeGreaterThanOrEqual(0);
  const b = to ? text.indexOf(to, a + from.length) : text.indexOf('\n', a) + 1;
  expect(b, `marker “${to}”`).toBeGreaterThan(a);
  return text.slice(0, a) + text.slice(b);
}
function swap(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  expect(out, `replacing ${String(from)}`).not.toBe(text);
  return out;
}

/** A document edited by a test: its name, the edit, and the items it then lacks. */
type ItemCase = [string, (text: string) => string, CompletenessItemId[]];
function itemCases(base: string, cases: ItemCase[]) {
  for (const [name, edit, missing] of cases)
    it(name, () => {
      const d = disclosureOf(edit(base));
      expect(splitMissing(d.completeness_missing)).toEqual(missing);
      expect(d.completeness).toBe(100 - 5 * missing.length);
    });
}

describe('the catalogue', () => {
  it('names 20 items, each with zh and en labels and its rule', () => {
    expect(COMPLETENESS_ITEM_IDS).toHaveLength(20);
    for (const id of COMPLETENESS_ITEM_IDS) {
      const it = COMPLETENESS_ITEMS[id];
      for (const s of [it.zh, it.en, it.ruleZh, it.ruleEn]) expect(s.length, id).toBeGreaterThan(1);
      expect(/[\u4e00-\u9fff]/.test(it.zh), id).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(it.en), id).toBe(false);
    }
  });
  it('scores the share of items present, and stores the missing ids in catalogue order', () => {
    expect(completenessScore(20)).toBe(100);
    expect(completenessScore(19)).toBe(95);
    expect(completenessScore(0)).toBe(0);
    expect(joinMissing(['glossary', 'table_summary'])).toBe('table_summary,glossary');
    expect(joinMissing([])).toBe('');
    expect(splitMissing('table_summary,glossary,not_an_item')).toEqual(['table_summary', 'glossary']);
    expect(splitMissing(null)).toEqual([]);
  });
});

describe('the real sample (克拉玛依市乌尔禾区人民政府办公室 2023 部门预算)', () => {
  // By hand: 第一部分 has 一、主要职能 (line 5) and 二、机构设置及人员情况 (105); 第二部分 表1–表10, 表8 and 表9 stated
  // empty under the table (718, 736); 表10 has 因公出国（境）费, 公务接待费, 公务用车购置及运行费 with 购置费 and 运行费
  // rows (753–765); 第三部分 十 explains the 三公 change (“比上年预算减少 19.75 万元” and each part, 1081–1093);
  // 十一 has 机关运行经费 122.48, 政府采购 5.00 with 货物/工程/服务, 车辆 0辆, 实行绩效管理的项目 6个 and six
  // 项目支出绩效目标表; 第四部分 名词解释 (2237). Everything the rules ask for.
  it('contains all 20 items: 100', () => {
    const d = disclosureOf(SEED);
    expect(d.completeness_missing).toBe('');
    expect(d.completeness).toBe(100);
  });

  const cases: ItemCase[] = [
    [
      'without 第四部分 名词解释',
      (t) => cut(t, '第四部分 名词解释', '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）\n\n2023 年 2月'),
      ['glossary']
    ],
    [
      'without the sentences explaining the 三公 changes',
      (t) => cut(t, '2023 年财政拨款“三公”经费预算比上年预算减少', '十一、 其他重要事项的情况说明'),
      ['three_public_explained']
    ],
    [
      'without the 政府采购 paragraph',
      (t) => cut(t, '(二) 政府采购情况', '(三) 国有资产占用使用情况'),
      ['procurement', 'procurement_split']
    ],
    [
      'with the 政府采购 total but not its split',
      (t) => swap(t, /，其中：政府采购货物预算[\s\S]*?政府采购服务预算 0万元。/, '。'),
      ['procurement_split']
    ],
    [
      'without the 国有资产 paragraph',
      (t) => cut(t, '(三) 国有资产占用使用情况', '(四) 预算绩效情况'),
      ['assets']
    ],
    ['without 主要职能', (t) => cut(t, '一、 主要职能', '二、 机构设置及人员情况'), ['functions']],
    [
      'without 表10 (the prose still gives the 三公 parts)',
      (t) => cut(t, ' 表 10', ' 第三部分'),
      ['table_three_public']
    ],
    [
      'without 表8’s own note (the 情况说明 still says it is empty)',
      (t) =>
        swap(
          t,
          /(表 8[\s\S]*?)克拉玛依[^\n]*年没有使用政府性基金[^\n]*\n\n出，政府性基金预算支出情况表为空表。/,
          '$1'
        ),
      []
    ]
  ];
  itemCases(SEED, cases);

  it('a missing item leaves its figure NULL; the score says the item is missing, never a 0', () => {
    const d = disclosureOf(cut(SEED, '(二) 政府采购情况', '(三) 国有资产占用使用情况'));
    expect(d.procurement_total).toBeNull();
    const e = disclosureOf(cut(SEED, '(三) 国有资产占用使用情况', '(四) 预算绩效情况'));
    expect(e.vehicles_count).toBeNull();
    expect(disclosureOf(SEED).vehicles_count).toBe(0);
  });
});

describe('fixtures of our own', () => {
  it('the national-template fixture has no 名词解释: 95', () => {
    const d = disclosureOf(TEMPLATE);
    expect(d.completeness_missing).toBe('glossary');
    expect(d.completeness).toBe(95);
  });

  it('a 9-table set (Shanghai’s numbering and titles) with everything: 100', () => {
    expect(missingOf(NINE)).toEqual([]);
  });

  const cases: ItemCase[] = [
    // the 目录 still lists 三、名词解释: an entry in the 目录 is not the glossary
    [
      'without 名词解释 (still listed in the 目录)',
      (t) => cut(t, '名词解释\n(一)', '2025年部门预算编制说明'),
      ['glossary']
    ],
    [
      'the 三公 figures without a word on their change',
      (t) => swap(t, /，比2024年预算减少1\.00万元。/, '。').replace('，主要原因是压减接待活动', ''),
      ['three_public_explained']
    ],
    [
      'the 三公 figures compared only with the 年初预算, not with the year before',
      (t) =>
        swap(t, /，比2024年预算减少1\.00万元。/, '，比年初预算减少1.00万元。').replace(
          '，主要原因是压减接待活动',
          ''
        ),
      ['three_public_explained']
    ],
    [
      'the 三公 table empty with its note, the prose saying there is none: present',
      (t) =>
        swap(
          swap(t, '3.00 3.00 30.00\n', '注:本部门2025年无“三公”经费预算，故本表为空表。\n'),
          /2025年“三公”经费预算数为3\.00万元[^\n]*/,
          '2025年本部门无“三公”经费预算，与2024年预算持平。'
        ),
      []
    ],
    [
      'the 三公 table printed empty without a note',
      (t) => swap(t, '3.00 3.00 30.00\n', ''),
      ['table_three_public']
    ],
    [
      'the 政府性基金 table printed empty without a note',
      (t) => cut(t, '注:本部门2025年无政府性基金预算', ''),
      ['table_fund']
    ],
    [
      'the 支出总表 only in the 目录',
      (t) => cut(t, '2025年部门支出预算总表\n编制部门', '2025年部门财政拨款收支预算总表\n编制部门'),
      ['table_expenditure']
    ],
    [
      'no 政府采购 at all, said so: both present',
      (t) => swap(t, /2025年度本部门政府采购预算[^\n]*/, '2025年度本部门无政府采购预算。'),
      []
    ],
    [
      'without 机构设置 (still listed in the 目录)',
      (t) => cut(t, '示例市样例区测绘服务中心机构设置', '名词解释\n(一)'),
      ['organisation']
    ],
    [
      'without 主要职能',
      (t) => cut(t, '示例市样例区测绘服务中心主要职能', '示例市样例区测绘服务中心机构设置'),
      ['functions']
    ],
    ['without 绩效目标', (t) => cut(t, '四、绩效目标设置情况', '五、国有资产占有使用情况'), ['performance']],
    [
      'without the vehicles',
      (t) => cut(cut(t, '五、国有资产占有使用情况', ''), '截至2024年8月31日', ''),
      ['assets']
    ],
    [
      'without 机关运行经费 in the prose nor its column',
      (t) =>
        swap(
          swap(cut(t, '二、机关运行经费预算', '三、政府采购预算情况'), ' 机关运行经费预算数\n', '\n'),
          '3.00 3.00 30.00',
          '3.00 3.00'
        ),
      ['operating_expense']
    ]
  ];
  itemCases(NINE, cases);

  it('no 政府采购 said in words: the item is disclosed, the figure is not stated (NULL)', () => {
    const d = disclosureOf(swap(NINE, /2025年度本部门政府采购预算[^\n]*/, '2025年度本部门无政府采购预算。'));
    expect(d.completeness).toBe(100);
    expect(d.procurement_total).toBeNull();
  });
});

describe('the real Shanghai PDFs (data/disclosures/shanghai, the same files as ../shared/realpdfs)', () => {
  const results = new Map<string, DisclosureRow>();
  beforeAll(async () => {
    const reader = { pdfjs: await nodePdfJs(), assets: nodePdfAssets() };
    for (const name of Object.keys(EXPECTED)) {
      const file = join(ROOT, 'data/disclosures/shanghai', `${name}.pdf`);
      results.set(name, (await ingestPdf(new Uint8Array(readFileSync(file)), file, reader)).disclosure!);
    }
  }, 120_000);
  // By hand, in each PDF: the 9 tables (the fund and state-capital ones printed empty with “本表为空表” / “故本表无
  // 数据”, or in 上海市财政局's unit budget with its 编制说明 saying “政府性基金拨款支出预算为0”), the 三公 table's
  // 因公出国(境)费 / 公务接待费 / 购置费 / 运行费 columns, 其他相关情况说明 with the 三公 change, 机关运行经费, 政府采购
  // with goods/works/services, 绩效目标 and 车辆 counts; 主要职能, 机构设置 (决算: 部门决算单位构成) and 名词解释.
  // 社会工作部's 2024 决算 says only “无“三公”经费财政拨款支出” (the unit was set up in 2024): no change explained.
  const EXPECTED: Record<string, CompletenessItemId[]> = {
    'putuo-wanli-2023-dept-budget': [],
    'putuo-wanli-2024-dept-budget': [],
    'putuo-wanli-2025-dept-budget': [],
    'putuo-commerce-2025-dept-budget': [],
    'putuo-commerce-2025-unit-budget': [],
    'putuo-finance-2024-dept-final': [],
    'putuo-social-work-2024-dept-final': ['three_public_explained'],
    'shanghai-finance-2025-unit-budget': []
  };
  for (const [name, missing] of Object.entries(EXPECTED))
    it(`${name}: ${missing.length ? `missing ${missing.join(', ')}` : 'complete'}`, () => {
      const d = results.get(name)!;
      expect(splitMissing(d.completeness_missing)).toEqual(missing);
      expect(d.completeness).toBe(100 - 5 * missing.length);
    });
});

/** What a generated document omits: the generator leaves out 政府采购 in some documents and 国有资产 in others,
 *  and its truth file then has NULL for procurement_total / vehicles_count. */
const generatedMissing = (d: GeneratedDocument): CompletenessItemId[] => [
  ...(d.truth.figures.procurement_total === null ? (['procurement', 'procurement_split'] as const) : []),
  ...(d.truth.figures.vehicles_count === null ? (['assets'] as const) : [])
];

describe('generated documents', () => {
  const docs = [
    ...generateCorpus({
      units: 40,
      firstYear: 2019,
      lastYear: 2024,
      seed: 'completeness',
      inconsistencyRate: 0.05
    })
  ];

  it('each contains every item its generator wrote (100 unless it left out 政府采购 or 国有资产)', () => {
    const bad: string[] = [];
    const scores = new Map<number, number>();
    for (const d of docs) {
      const r = disclosureOf(d.text);
      const want = generatedMissing(d);
      scores.set(r.completeness, (scores.get(r.completeness) ?? 0) + 1);
      if (r.completeness_missing !== want.join(',') || r.completeness !== 100 - 5 * want.length)
        bad.push(`${d.file}: ${r.completeness} ${r.completeness_missing} ≠ ${want.join(',')}`);
    }
    expect(bad).toEqual([]);
    // the corpus has both: complete documents and ones without a paragraph
    expect(scores.get(100)).toBeGreaterThan(docs.length / 2);
    expect([...scores.keys()].some((s) => s < 100)).toBe(true);
  });

  it('with sections removed: each removal is the item it takes out', () => {
    const some = docs.filter((d) => generatedMissing(d).length === 0).slice(0, 12);
    expect(some.length).toBe(12);
    for (const d of some) {
      expect(missingOf(cut(d.text, '第四部分 名词解释', `${d.truth.published_on.slice(0, 4)} 年 `))).toEqual([
        'glossary'
      ]);
      expect(missingOf(cut(d.text, '一、 主要职能', '二、 机构设置及人员情况'))).toEqual(['functions']);
      const explained = d.text.match(
        /\d{4} 年财政拨款“三公”经费(?:预算|决算)?(?:比上年|增加|减少)[\s\S]*?。\n/
      );
      expect(explained, d.file).not.toBeNull();
      expect(missingOf(d.text.replace(explained![0], '\n'))).toEqual(['three_public_explained']);
    }
  });
});

describe.skipIf(!existsSync(NOTO_CJK_PATH))('generated PDFs', () => {
  it('read by position, each contains every item its generator wrote', async () => {
    const reader = { pdfjs: await nodePdfJs(), assets: nodePdfAssets() };
    const font = await loadCjkFont();
    const pool = [
      ...generateCorpus({ units: 10, firstYear: 2023, lastYear: 2024, seed: 'completeness-pdf', pdfShare: 1 })
    ];
    // both 三公 layouts, a 决算, and documents with a paragraph left out
    const pick = new Set<GeneratedDocument>();
    for (const has of [
      (d: GeneratedDocument) => d.pdf!.style.threeLayout === 'columns',
      (d: GeneratedDocument) => d.pdf!.style.threeLayout === 'rows',
      (d: GeneratedDocument) => d.truth.kind === 'final',
      (d: GeneratedDocument) => generatedMissing(d).includes('assets'),
      (d: GeneratedDocument) => generatedMissing(d).includes('procurement')
    ]) {
      const d = pool.find((x) => has(x) && !pick.has(x));
      expect(d).toBeDefined();
      pick.add(d!);
    }
    for (const d of pick) {
      const bytes = await writePdf(d.pdf!.document, d.pdf!.style, font);
      const r = await ingestPdf(bytes, d.file, reader);
      const want = generatedMissing(d);
      expect(r.disclosure!.completeness_missing, d.file).toBe(want.join(','));
      expect(r.disclosure!.completeness, d.file).toBe(100 - 5 * want.length);
    }
  }, 120_000);
});
