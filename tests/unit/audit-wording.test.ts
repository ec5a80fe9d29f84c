// The checks beyond sums: wording against the figures it describes, years that contradict the document's,
// placeholders, tables the 目录 lists but the body lacks, a table stated empty that has figures. Each fires on
// a fixture written here and stays silent on a consistent one; on the real sample it finds nothing new.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import { auditWording } from '../../src/lib/ingest/audit-wording';
import {
  auditContents,
  auditEmptyTables,
  auditPlaceholders,
  auditYears
} from '../../src/lib/ingest/audit-document';
import { FindingList } from '../../src/lib/ingest/checks';
import { buildProse } from '../../src/lib/ingest/prose';
import { findTables } from '../../src/lib/ingest/sections';
import type { Line } from '../../src/lib/ingest/text';

const linesOf = (text: string): Line[] => text.split('\n').map((t, i) => ({ no: i + 1, text: t }));
const wording = (text: string) => {
  const f = new FindingList('万元');
  auditWording(buildProse(linesOf(text)), f, 0.01);
  return f.list;
};

describe('wording against figures', () => {
  it('finds “决算数大于预算数” beside an actual below its budget, and names both amounts', () => {
    const [x, ...rest] = wording(
      '行政运行(项):年初预算为 1560.05 万元，支出决算为1511.89万\n元。决算数大于预算数的主要原因:人员增加。'
    );
    expect(rest).toEqual([]);
    expect(x.check).toBe('wording_vs_figures');
    expect(x.expected).toBe(1560.05);
    expect(x.actual).toBe(1511.89);
    expect(x.message_zh).toContain('1511.89 万元');
    expect(x.message_en).toContain('1560.05 × 10k yuan');
    expect(x.source_lines).toBe('1,2');
  });
  it('finds “持平” beside a budget and an actual that differ', () => {
    const [x] = wording('年初预算为20.00万元，支出决算为18.50万元，决算数与预算数持平。');
    expect(x?.check).toBe('wording_vs_figures');
  });
  it('finds a stated direction that contradicts the two years’ amounts', () => {
    const [x] = wording(
      '2016年三公经费预算拨入33万元，2015年三公经费预算拨入57.55万元，与上年对比增加24.55万元。'
    );
    expect(x?.check).toBe('wording_vs_figures');
    expect([x.expected, x.actual]).toEqual([57.55, 33]);
  });
  it('finds “持平” next to a stated non-zero change', () => {
    const [x] = wording('公务接待费支出8万元，与上年持平，减少1.5万元。');
    expect(x?.check).toBe('wording_vs_figures');
    expect(x.actual).toBe(1.5);
  });
  it('is silent on consistent wording, a template’s both-ways wording and a comparison’s change', () => {
    expect(
      wording(
        [
          '年初预算为 1560.05 万元，支出决算为1511.89万元。决算数小于预算数的主要原因:人员减少。',
          '年初预算为 9.00 万元，支出决算为9.00万元，决算数与预算数持平。',
          '支出决算为3.46万元，年初预算为3.5万元，决算数小于预算数(或与预算数持平)的主要原因是车辆老旧。',
          '2016年预算拨入33万元，2015年预算拨入57.55万元，与上年对比减少24.55万元。',
          '区直工委2020年“三公”经费支出预算为0.36万元,比2019年预算减少0.02万元,下降5.26%。',
          '因公出国(境)费预算0万元，比上年增加(减少)0万元，持平。',
          '公务用车购置费0万元，与上年相比持平。公务接待费增加2万元。'
        ].join('\n')
      )
    ).toEqual([]);
  });
});

const years = (text: string, year: number, kind: 'budget' | 'final') => {
  const f = new FindingList('万元');
  auditYears(linesOf(text), year, kind, f);
  return f.list;
};

describe('years that contradict the document’s', () => {
  it('finds an as-of date of the wrong year and a heading of another year', () => {
    const found = years(
      '截至2023年12月31日，本部门共有车辆2辆。\n第二部分 2023年部门决算表\n三、2023年度支出决算情况说明',
      2024,
      'final'
    );
    expect(found.map((x) => [x.check, x.actual, x.source_lines])).toEqual([
      ['year_mismatch', 2023, '1'],
      ['year_mismatch', 2023, '2,3']
    ]);
    expect(found[1].message_en).toContain('2 places');
  });
  it('is silent on a budget’s as-of date of the year before, comparisons and its own year', () => {
    expect(
      years(
        '截至2023年8月31日，本单位共有车辆1辆。\n截止2023年12月31日，资产总额。\n第二部分 2024年部门预算表\n二、与2023年预算相比情况\n2023年预算执行情况说明',
        2024,
        'budget'
      )
    ).toEqual([]);
    expect(years('截至2024年12月31日，共有车辆3辆。\n2024年度部门决算', 2024, 'final')).toEqual([]);
  });
});

describe('placeholders', () => {
  const run = (text: string) => {
    const f = new FindingList('万元');
    auditPlaceholders(linesOf(text), f);
    return f.list;
  };
  it('finds XX局, ××单位 and a XXX field', () => {
    const [x] = run('XX局2024年部门预算\n××单位负责\n联系人：XXX');
    expect(x.check).toBe('placeholder_text');
    expect(x.source_lines).toBe('1,2,3');
    expect(x.message_zh).toContain('XX局');
  });
  it('is silent on addresses and plain text', () => {
    expect(run('网址：http://www.example.gov.cn/xxgk/XXYY/\n示例市测试局2024年部门预算\n3×4 米')).toEqual([]);
  });
});

describe('tables listed in the 目录', () => {
  const toc = [
    '示例市测试局',
    '目录',
    '第一部分 部门概况',
    '一、收入支出决算总表',
    '二、收入决算表',
    '三、财政拨款“三公”经费支出决算表',
    '第一部分 部门概况',
    '本部门负责测试工作。',
    '示例市测试局2024年度收入支出决算总表',
    '单位：万元'
  ];
  const run = (lines: string[]) => {
    const f = new FindingList('万元');
    auditContents(linesOf(lines.join('\n')), f);
    return f.list;
  };
  it('finds each listed table the body lacks', () => {
    const found = run([...toc, '二、收入决算表']);
    expect(found.map((x) => [x.check, x.source_lines])).toEqual([['toc_table_missing', '6']]);
    expect(found[0].message_zh).toContain('三公');
  });
  it('is silent when every listed table is there', () => {
    expect(run([...toc, '收入决算表', '财政拨款“三公”经费支出决算表'])).toEqual([]);
  });
});

describe('a table stated empty that has figures', () => {
  const doc = (rows: string) =>
    linesOf(
      `表 8\n政府性基金预算支出情况表\n单位：万元\n科目 合计\n${rows}\n示例单位没有使用政府性基金预算拨款安排的支出，本表为空表。`
    );
  const run = (lines: Line[]) => {
    const f = new FindingList('万元');
    auditEmptyTables(lines, findTables(lines), [], f);
    return f.list;
  };
  it('finds the non-zero figures', () => {
    const [x] = run(doc('229 其他支出 12.50'));
    expect(x.check).toBe('empty_table_has_values');
    expect(x.actual).toBe(1);
  });
  it('is silent on zeros and codes', () => {
    expect(run(doc('229 其他支出 0.00'))).toEqual([]);
  });
});

describe('on whole documents', () => {
  const NEW = ['wording_vs_figures', 'year_mismatch', 'placeholder_text', 'toc_table_missing'];
  it('finds nothing new in the real sample and the consistent fixture', () => {
    for (const file of ['data/disclosures/000_f7859c67d4b429b5.txt', 'tests/fixtures/template-2024.txt']) {
      const r = ingestDocument(readFileSync(file), file);
      expect(r.findings.filter((x) => NEW.includes(x.check))).toEqual([]);
    }
  });
  it('finds an as-of year and a heading year changed in the real sample', () => {
    const file = 'data/disclosures/000_f7859c67d4b429b5.txt';
    const text = readFileSync(file, 'utf8').replace(
      '第三部分 2023 年部门预算情况说明',
      '第三部分 2022 年部门预算情况说明'
    );
    const r = ingestDocument(Buffer.from(text), file);
    expect(r.findings.filter((x) => x.check === 'year_mismatch').map((x) => x.actual)).toEqual([2022]);
  });
});
