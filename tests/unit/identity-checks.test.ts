// Year and kind from the strongest statements: the title, then what most headings and table titles say, then
// the body; a document that says both 预算 and 决算 of itself gets a finding naming both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import { FindingList } from '../../src/lib/ingest/checks';
import { readIdentity } from '../../src/lib/ingest/identity';
import { identitySignals, settleIdentity } from '../../src/lib/ingest/identity-checks';
import type { Line } from '../../src/lib/ingest/text';

const SEED = 'data/disclosures/000_f7859c67d4b429b5.txt';
const linesOf = (text: string): Line[] => text.split('\n').map((t, i) => ({ no: i + 1, text: t }));
const settle = (text: string) => {
  const lines = linesOf(text);
  const f = new FindingList('万元');
  return { id: settleIdentity(readIdentity(lines), identitySignals(lines), f), found: f.list };
};

describe('identity from the strongest statement', () => {
  it('one heading of another year does not decide the year; it is a finding', () => {
    // the seed has no title line: its first year-bearing line is this part heading
    const text = readFileSync(SEED, 'utf8').replace(
      '第二部分 2023 年部门预算公开表',
      '第二部分 2022 年部门预算公开表'
    );
    const r = ingestDocument(Buffer.from(text), SEED);
    expect(r.disclosure?.year).toBe(2023);
    expect(
      r.findings.filter((x) => x.check === 'year_mismatch').map((x) => [x.actual, x.source_lines])
    ).toEqual([[2022, '118']]);
  });
  it('the title decides; headings of the other kind are a finding naming both', () => {
    const { id, found } = settle(
      [
        '示例市测试局2024年部门预算',
        '表1',
        '2024年收入支出决算总表',
        '表2',
        '2024年收入决算表',
        '表3',
        '2024年支出预算表'
      ].join('\n')
    );
    expect([id.year, id.kind]).toEqual([2024, 'budget']);
    expect(found.map((x) => [x.check, x.source_lines])).toEqual([['identity_conflict', '1,3,5']]);
    expect(found[0].message_zh).toBe('标题称预算（源文件第 1 行），另有 2 处标题称决算（源文件第 3、5 行）');
  });
  it('a document titled 预算 that words its figures as a 决算 does', () => {
    const { found } = settle(
      [
        '示例市测试局2024年部门预算',
        '行政运行:年初预算为20.00万元，支出决算为18.50万元，决算数小于预算数的主要原因是人员减少。',
        '公务接待费:年初预算为2.00万元，支出决算为1.50万元，决算数小于预算数的主要原因是接待减少。'
      ].join('\n')
    );
    expect(found.map((x) => x.check)).toEqual(['identity_conflict']);
    expect(found[0].source_lines).toBe('1,2,3');
  });
  it('without a title, most headings decide the kind', () => {
    const { id } = settle(
      ['示例市测试局', '预算说明', '一、收入支出决算总表', '二、收入决算表', '三、支出决算表'].join('\n')
    );
    expect(id.kind).toBe('final');
  });
  it('is silent on consistent documents', () => {
    for (const file of [SEED, 'tests/fixtures/template-2024.txt']) {
      const r = ingestDocument(readFileSync(file), file);
      expect(
        r.findings.filter((x) => x.check === 'identity_conflict' || x.check === 'year_mismatch')
      ).toEqual([]);
    }
    const { found } = settle(
      ['示例市测试局2024年度部门决算', '一、收入支出决算总表', '十、预算绩效管理情况', '二、收入决算表'].join(
        '\n'
      )
    );
    expect(found).toEqual([]);
  });
});
