// Findings people can act on: one finding per disagreement naming both sides and where each stands, money
// with its unit in both languages, "source line N" for a text and "page P" for a PDF.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import { FindingList, placeOf } from '../../src/lib/ingest/checks';

const SEED = 'data/disclosures/000_f7859c67d4b429b5.txt';
const seedWith = (line: number, text: string) => {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  expect(lines[line - 1]).not.toBe(text);
  lines[line - 1] = text;
  return ingestDocument(Buffer.from(lines.join('\n')), SEED);
};

describe('one finding per disagreement', () => {
  it('a 表3 class row that alone is wrong: one finding naming its sub-items and 表1, none from 表1 vs 表3', () => {
    // 表3 210 卫生健康支出 15.56 → 25.56 (line 410); 表1 (line 148) and the sub-items (line 412) say 15.56
    const r = seedWith(410, '210 卫生健康支出 25.56 25.56');
    expect(r.findings.filter((x) => x.check === 'summary_vs_detail')).toEqual([]);
    const [f, ...more] = r.findings.filter(
      (x) => x.check === 'tree_sum' && x.message_en.includes('210') && x.message_en.includes('(total)')
    );
    expect(more).toEqual([]);
    expect(f.message_zh).toContain('210 卫生健康支出为 25.56 万元（源文件第 410 行）');
    expect(f.message_zh).toContain('其下级科目之和为 15.56 万元（源文件第 412 行）');
    expect(f.message_zh).toContain('表1 210 卫生健康支出亦为 15.56 万元（源文件第 148 行）');
    expect(f.message_en).toContain('25.56 × 10k yuan (source line 410)');
    expect(f.source_lines).toBe('148,410,412');
  });
  it('a 表1 row that alone is wrong: one 表1-vs-表3 finding naming both tables and lines', () => {
    const r = seedWith(148, '上级国有资本经营预算安排转移支付 210 卫生健康支出 25.56');
    const fs = r.findings.filter((x) => x.check === 'summary_vs_detail');
    expect(fs).toHaveLength(1);
    expect(fs[0].message_zh).toBe(
      '表1 与表3 的 210 卫生健康支出不一致：表1为 25.56 万元（源文件第 148 行），表3为 15.56 万元（源文件第 410 行）'
    );
    expect(fs[0].message_en).toBe(
      'Tables 1 and 3 disagree on 210 卫生健康支出: table 1 is 25.56 × 10k yuan (source line 148), table 3 is 15.56 × 10k yuan (source line 410)'
    );
    expect(r.findings.filter((x) => x.check === 'tree_sum' && x.message_en.includes(' 210 '))).toEqual([]);
  });
});

describe('units and places', () => {
  it('states money with its unit in both languages', () => {
    const r = ingestDocument(readFileSync(SEED), SEED);
    const p = r.findings.find((x) => x.check === 'project_without_targets')!;
    expect(p.message_zh).toContain('（10 万元）');
    expect(p.message_en).toContain('(10 × 10k yuan)');
    const v = r.findings.find((x) => x.check === 'vehicles_without_fleet')!;
    expect(v.message_en).toContain('27.6 × 10k yuan');
  });
  it('says source line for a text and page for a PDF line', () => {
    const text = placeOf()([316]);
    expect(text).toEqual({ zh: '源文件第 316 行', en: 'source line 316' });
    const pdf = placeOf((n) => (n < 100 ? 3 : 7));
    expect(pdf([20])).toEqual({ zh: '第 3 页', en: 'page 3' });
    expect(pdf([20, 150])).toEqual({ zh: '第 3、7 页', en: 'pages 3, 7' });
    const f = new FindingList('万元', pdf);
    f.problem({
      check: 'garbled_number',
      zh: '表3有无法识别的数字“9x”',
      en: 'Table 3: unreadable number “9x”',
      lines: [150]
    });
    expect(f.list[0].message_zh).toBe('表3有无法识别的数字“9x”（第 7 页）');
    expect(f.list[0].message_en).toBe('Table 3: unreadable number “9x” (page 7)');
  });
  it('writes no "第N行" of a table for a line of the source file', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const row = lines.findIndex((l) => l.startsWith('201 一般公共服务支出 388.11'));
    lines[row] = '201 一般公共服务支出 388.11 295.61 92.5O';
    const r = ingestDocument(Buffer.from(lines.join('\n')), SEED);
    const g = r.findings.find((x) => x.check === 'garbled_number');
    expect(g?.message_zh).toMatch(/^表\d有无法识别的数字“92.5O”.*（源文件第 271 行）$/);
    expect(g?.message_zh).not.toMatch(/表\d第/);
  });
});
