// The synthetic disclosure generator: deterministic, internally consistent, fictional, with a controlled
// rate of planted inconsistencies. Checked from the truth files and the document text itself.
import { describe, expect, it } from 'vitest';
import { generateCorpus, type GeneratedDocument } from '../../src/lib/generate/index';
import { wrap } from '../../src/lib/generate/layout';
import { createRandom } from '../../src/lib/generate/random';
import { buildRoster } from '../../src/lib/generate/roster';
import { FIGURE_NAMES, PREV_FIGURES, prevName } from '../../src/lib/model/schema';

const corpus = (units: number, seed: string, rate?: number, years: [number, number] = [2019, 2024]) => [
  ...generateCorpus({ units, firstYear: years[0], lastYear: years[1], seed, inconsistencyRate: rate })
];
const fen = (x: number | null | undefined) => Math.round((x ?? NaN) * 100);
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
/** The document as one line: line breaks and page-start spaces removed, half-width punctuation made full-width. */
const flatten = (text: string) => text.replace(/\s+/g, '').replace(/[,;:()]/g, (c) => FULL[c]);
/** Space-insensitive form of an expected phrase (line breaks in the document drop spaces). */
const phrase = (s: string) => s.replace(/\s+/g, '');

const docs = corpus(120, 'test-seed');
const clean = docs.filter((d) => d.truth.planted.length === 0);

describe('generator determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another', () => {
    const a = corpus(15, 'alpha', 0.2, [2021, 2023]);
    const b = corpus(15, 'alpha', 0.2, [2021, 2023]);
    const c = corpus(15, 'beta', 0.2, [2021, 2023]);
    expect(a.map((d) => d.file)).toEqual(b.map((d) => d.file));
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    expect(a.map((d) => JSON.stringify(d.truth))).toEqual(b.map((d) => JSON.stringify(d.truth)));
    expect(a.map((d) => d.text)).not.toEqual(c.map((d) => d.text));
  });

  it('does not shift one unit when more units are generated', () => {
    const small = corpus(5, 's', 0.03, [2020, 2021]);
    const large = corpus(9, 's', 0.03, [2020, 2021]);
    expect(large.slice(0, small.length).map((d) => d.text)).toEqual(small.map((d) => d.text));
  });

  it('the PRNG is seeded and uniform enough', () => {
    const r = createRandom('x');
    const xs = Array.from({ length: 20000 }, () => r.next());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(createRandom('x').next()).toBe(xs[0]);
    expect(createRandom('y').next()).not.toBe(xs[0]);
  });
});

describe('identities in clean documents (truth files)', () => {
  it('has enough clean documents to test', () => {
    // 120 units × 6 years, each a budget, a final account or both
    const unitYears = new Set(docs.map((d) => `${d.truth.unit_name}|${d.truth.year}`));
    expect(unitYears.size).toBe(720);
    expect(docs.length).toBeGreaterThan(720);
    expect(clean.length).toBeGreaterThan(650);
  });

  it('totals, splits, 三公 parts, projects and staffing add up exactly', () => {
    for (const { truth: t } of clean) {
      const f = t.figures;
      const at = `${t.file}`;
      expect(fen(f.total_income), at).toBe(fen(f.total_expenditure));
      expect(fen(f.general_budget), at).toBe(fen(f.total_income));
      expect(fen(f.basic_expenditure) + fen(f.project_expenditure), at).toBe(fen(f.total_expenditure));
      expect(fen(f.personnel_expense) + fen(f.public_expense), at).toBe(fen(f.basic_expenditure));
      expect(fen(f.operating_expense), at).toBe(fen(f.public_expense));
      expect(fen(f.vehicle_purchase) + fen(f.vehicle_operation), at).toBe(fen(f.vehicle_total ?? 0));
      expect(fen(f.overseas_travel) + fen(f.vehicle_total ?? 0) + fen(f.reception), at).toBe(
        fen(f.three_public_total)
      );
      expect(
        t.projects.reduce((s, p) => s + fen(p.amount), 0),
        at
      ).toBe(fen(f.project_expenditure));
      expect(
        t.projects.every((p) => p.has_targets),
        at
      ).toBe(true);
      expect(f.staff_in_service! + f.staff_retired! + f.staff_separated!, at).toBe(f.staff_actual);
      expect(f.staff_authorized!, at).toBeGreaterThan(0);
    }
  });

  it('every parent code is the sum of its children in the functional and economic tables', () => {
    for (const { truth: t } of clean) {
      const rows = new Map(t.functional.map((r) => [r.code, r]));
      for (const r of t.functional) {
        expect(fen(r.basic) + fen(r.project), `${t.file} ${r.code}`).toBe(fen(r.total));
        if (r.code.length === 7) continue;
        const kids = t.functional.filter(
          (k) => k.code.length === r.code.length + 2 && k.code.startsWith(r.code)
        );
        expect(kids.length, `${t.file} ${r.code}`).toBeGreaterThan(0);
        expect(
          kids.reduce((s, k) => s + fen(k.total), 0),
          `${t.file} ${r.code}`
        ).toBe(fen(r.total));
      }
      const classes = t.functional.filter((r) => r.code.length === 3);
      expect(classes.reduce((s, r) => s + fen(r.basic), 0)).toBe(fen(t.figures.basic_expenditure));
      expect(classes.reduce((s, r) => s + fen(r.project), 0)).toBe(fen(t.figures.project_expenditure));
      const econ = new Map(t.economic.map((r) => [r.code, fen(r.amount)]));
      for (const parent of ['301', '302', '303']) {
        const kids = t.economic.filter((r) => r.code.length === 5 && r.code.startsWith(parent));
        if (kids.length) expect(kids.reduce((s, k) => s + fen(k.amount), 0)).toBe(econ.get(parent));
      }
      expect((econ.get('301') ?? 0) + (econ.get('303') ?? 0)).toBe(fen(t.figures.personnel_expense));
      expect(econ.get('302') ?? 0).toBe(fen(t.figures.public_expense));
      // 表10 = 表6 302 17 / 302 31 / 302 12
      expect(econ.get('30217') ?? 0).toBe(fen(t.figures.reception));
      expect(econ.get('30231') ?? 0).toBe(fen(t.figures.vehicle_operation));
      expect(econ.get('30212') ?? 0).toBe(fen(t.figures.overseas_travel));
      // pension, medical and housing fund tie the economic and functional tables
      expect(econ.get('30108')).toBe(fen(rows.get('2080505')?.total));
      expect(econ.get('30113')).toBe(fen(rows.get('2210201')?.total));
    }
  });

  it("each year's prior-year figures equal the previous year's document of the same kind", () => {
    const byUnitKind = new Map<string, GeneratedDocument[]>();
    for (const d of docs) {
      const key = `${d.truth.unit_name}|${d.truth.kind}`;
      byUnitKind.set(key, [...(byUnitKind.get(key) ?? []), d]);
    }
    let compared = 0;
    let finals = 0;
    for (const list of byUnitKind.values()) {
      list.sort((a, b) => a.truth.year - b.truth.year);
      for (let i = 1; i < list.length; i++) {
        if (list[i].truth.year !== list[i - 1].truth.year + 1) continue;
        expect(list[i].truth.prev_basis).toBe(list[i].truth.kind);
        const now = list[i].truth.figures;
        const before = list[i - 1].truth.figures;
        for (const n of PREV_FIGURES) {
          const p = now[prevName(n)];
          if (p === null || p === undefined) continue;
          expect(p, `${list[i].truth.file} prev_${n}`).toBe(before[n]);
          compared++;
          if (list[i].truth.kind === 'final') finals++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
    expect(finals).toBeGreaterThan(50);
  });

  it("a 决算's 年初预算 equals the same unit-year's budget where both are published", () => {
    const budgets = new Map(
      docs.filter((d) => d.truth.kind === 'budget').map((d) => [`${d.truth.unit_name}|${d.truth.year}`, d])
    );
    let pairs = 0;
    for (const d of docs.filter((x) => x.truth.kind === 'final')) {
      const b = budgets.get(`${d.truth.unit_name}|${d.truth.year}`);
      expect(d.truth.figures.initial_three_public_total, d.truth.file).not.toBeNull();
      if (!b) continue;
      pairs++;
      for (const n of ['total_expenditure', 'general_budget', 'basic_expenditure', 'three_public_total'])
        expect(d.truth.figures[`initial_${n}`], `${d.truth.file} ${n}`).toBe(b.truth.figures[n]);
      expect(d.text).toContain('支出总计年初预算为');
      expect(flatten(d.text)).toContain('一般公共预算财政拨款支出年初预算为');
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('uses the schema names for every figure and states NULL, not 0, for what is missing', () => {
    for (const { truth: t } of docs.slice(0, 50)) {
      for (const n of FIGURE_NAMES) expect(t.figures, n).toHaveProperty(n);
      for (const n of PREV_FIGURES) expect(t.figures).toHaveProperty(prevName(n));
    }
    const noAssets = docs.filter((d) => !d.text.includes('国有资产占用使用情况'));
    expect(noAssets.length).toBeGreaterThan(0);
    for (const d of noAssets) expect(d.truth.figures.vehicles_count).toBeNull();
    const noProcurement = docs.filter((d) => !d.text.includes('政府采购情况'));
    expect(noProcurement.length).toBeGreaterThan(0);
    for (const d of noProcurement) expect(d.truth.figures.procurement_total).toBeNull();
  });
});

describe('the documents follow the template and vary as real ones do', () => {
  it('starts with the synthetic header and ends with the unit name and the date line', () => {
    for (const d of docs) {
      expect(d.text.startsWith('# synthetic: gongkai generator seed=test-seed\n')).toBe(true);
      const [y, m, day] = d.truth.published_on.split('-').map(Number);
      expect(d.text.endsWith(`${y} 年 ${m}月 ${day} 日\n `)).toBe(true);
    }
  });

  it('states the tables and the narrative figures from the truth', () => {
    for (const { text, truth: t } of clean.slice(0, 200)) {
      const f = t.figures;
      const w = t.document_unit === '元';
      const m = (x: number | null) => (w ? `${Math.round(x! * 100) * 100}.00` : x!.toFixed(2));
      const unit = w ? '元' : '万元';
      expect(text).toContain(`收 入 总 计 ${m(f.total_income)} 支 出 总 计 ${m(f.total_expenditure)}`);
      expect(text).toContain(
        `总计 ${m(f.total_expenditure)} ${m(f.basic_expenditure)} ${m(f.project_expenditure)}`
      );
      expect(text).toContain(
        `总计 ${m(f.basic_expenditure)} ${m(f.personnel_expense)} ${m(f.public_expense)}`
      );
      expect(text).toContain(`\n\n合计 ${m(f.three_public_total)} ${m(f.three_public_total)}\n\n`);
      expect(text).toContain(`单位：${unit}`);
      const flat = flatten(text);
      expect(flat).toContain(
        phrase(`经费${t.kind === 'budget' ? '预算' : '决算'}数为 ${m(f.three_public_total)} ${unit}`)
      );
      expect(flat).toContain(
        phrase(
          `编制数 ${f.staff_authorized}，实有人数 ${f.staff_actual} 人，其中：在职 ${f.staff_in_service} 人`
        )
      );
      for (const p of t.projects) expect(flat).toContain(phrase(`项目名称 ${p.name} 项目负责人`));
    }
  });

  it('has budget and final documents, 万元 and 元, wording and punctuation variants', () => {
    const final = docs.filter((d) => d.truth.kind === 'final');
    expect(final.length).toBeGreaterThan(docs.length * 0.1);
    for (const d of final.slice(0, 20)) {
      expect(d.text).toContain('年部门决算公开表');
      expect(d.text).toContain('项目 决算数 支出功能分类 决算数');
      expect(d.text).not.toContain('比上年预算');
      expect(flatten(d.text)).toContain('完成年初预算的');
    }
    expect(docs.some((d) => d.truth.document_unit === '元' && d.text.includes('单位：元'))).toBe(true);
    expect(docs.some((d) => d.text.includes('公务用车购置及运行维护费（小计）'))).toBe(true);
    expect(docs.some((d) => d.text.includes('\n\n因公出国(境)费'))).toBe(true);
    expect(docs.some((d) => d.text.includes('比上年预算减少') && d.text.includes('下降'))).toBe(true);
  });

  it('keeps the PDF-extraction artefacts: blank-line spacing, split rows, page-start spaces, repeated headers', () => {
    const d = docs[0].text;
    expect(d).toMatch(/\n\n 表 2\n|\n 表 2\n/);
    expect(d).toContain('\n 第三部分 ');
    // a long 表2 name split as in the seed's 208 05 05 row: code line, name part, blank, rest, amounts
    expect(d).toMatch(/\n208 05 05\n机关事业单位基本养老保险缴\n\n费支出\n[\d.]+ [\d.]+ [\d.]+\n/);
    // the repeated 编制部门 header at a page break inside 表2
    const table2 = d.slice(d.indexOf(' 表 2'), d.indexOf(' 表 3'));
    expect(table2.split('编制部门').length - 1).toBeGreaterThanOrEqual(2);
    expect(d).toContain('表为空表。');
  });

  it('wraps prose at the page width without splitting numbers', () => {
    const text =
      '比上年预算减少 19.75 万元，下降 29.43%，主要原因是按照厉行节约原则压减了此项费用，公务接待费有所增加。';
    const lines = wrap(text, 10);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。]/);
      expect(l).not.toMatch(/\s$/);
    }
    expect(lines.some((l) => l.includes('19.75'))).toBe(true);
    expect(lines.some((l) => l.includes('29.43%'))).toBe(true);
  });
});

describe('planted inconsistencies', () => {
  it('plants at the requested rate, each listed with its kind', () => {
    const many = corpus(500, 'rate', 0.03, [2021, 2024]);
    const planted = many.filter((d) => d.truth.planted.length > 0);
    expect(planted.length).toBeGreaterThan(many.length * 0.015);
    expect(planted.length).toBeLessThan(many.length * 0.045);
    const kinds = new Set(planted.map((d) => d.truth.planted[0].kind));
    expect([...kinds].sort()).toEqual([
      'narrative_vs_table',
      'parent_sum',
      'project_without_targets',
      'staffing_sum'
    ]);
    expect(corpus(30, 'rate', 0, [2021, 2024]).every((d) => d.truth.planted.length === 0)).toBe(true);
  });

  it('a planted inconsistency really is in the text', () => {
    const many = corpus(200, 'plant', 0.5, [2022, 2023]);
    for (const d of many) {
      const p = d.truth.planted[0];
      if (!p) continue;
      const flat = flatten(d.text);
      if (p.kind === 'project_without_targets') {
        const name = d.truth.projects.find((x) => !x.has_targets)!.name;
        expect(flat).not.toContain(phrase(`项目名称 ${name} 项目负责人`));
        expect(d.text).toContain(name);
      }
      if (p.kind === 'staffing_sum') {
        const f = d.truth.figures;
        expect(f.staff_actual).not.toBe(f.staff_in_service! + f.staff_retired! + f.staff_separated!);
      }
      if (p.kind === 'narrative_vs_table') {
        const m = flat.match(/“三公”经费(?:预算|决算)数为([\d.]+)/);
        expect(Number(m![1])).not.toBe(
          d.truth.document_unit === '元'
            ? d.truth.figures.three_public_total! * 10000
            : d.truth.figures.three_public_total
        );
      }
    }
  });
});

describe('names are fictional', () => {
  const REAL = ['克拉玛依', '乌尔禾', '北京', '上海', '广州', '深圳', '新疆', '自治区'];
  it('every unit and region is in 示例市 or another 示例 city, with the level following from the name', () => {
    const roster = buildRoster(600);
    for (const u of roster) {
      expect(u.name.startsWith('示例')).toBe(true);
      expect(u.region.startsWith('示例')).toBe(true);
      expect(u.name.startsWith(u.region)).toBe(true);
      const district = /[区县]$/.test(u.region);
      expect(u.level).toBe(district ? '区县级' : '市级');
    }
    expect(new Set(roster.map((u) => u.name)).size).toBe(roster.length);
  });

  it('documents carry no real place or unit names', () => {
    for (const d of docs.slice(0, 300))
      for (const name of REAL) expect(d.text.includes(name), `${d.file} ${name}`).toBe(false);
  });
});
