// 预算执行 budget execution (issue 11): each unit's 决算 against its 年初预算 — the budget document's, else the
// 决算's own statement (marked) — ranked by the execution rate. The order is checked against the same Parquet
// read in Node; a link reproduces the view.
import { describe, expect, it } from 'vitest';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { queryData } from './data';

const ui = useSession();
const { open } = ui;
const marks = () => ui.marks('execution');

/** The rates of one figure in one year, recomputed in Node: one 决算 per unit (the smaller doc_id), the budget
 * from the unit's budget document of that year and scope, else the 决算's initial_<figure>. */
async function expectedRates(year: number, figure: string, order: 'desc' | 'asc') {
  const rows = await queryData(
    `WITH f AS (
       SELECT * FROM disclosures WHERE kind = 'final' AND year = $1
       QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY doc_id) = 1
     ),
     b AS (
       SELECT unit_id, scope, min(${figure}) AS v FROM disclosures WHERE kind = 'budget' AND year = $1
       GROUP BY unit_id, scope
     )
     SELECT f.unit_id, f.unit_name, f.${figure} AS actual, COALESCE(b.v, f.initial_${figure}) AS budget,
       CASE WHEN b.v IS NOT NULL THEN 'budget' WHEN f.initial_${figure} IS NOT NULL THEN 'final' END AS src
     FROM f LEFT JOIN b ON b.unit_id = f.unit_id AND b.scope IS NOT DISTINCT FROM f.scope`,
    [year]
  );
  const out = rows
    .filter((r) => r.actual !== null && r.budget !== null && Number(r.budget) > 0)
    .map((r) => ({
      unit_id: String(r.unit_id),
      unit_name: String(r.unit_name ?? ''),
      rate: (Number(r.actual) / Number(r.budget)) * 100,
      src: String(r.src)
    }));
  const dir = order === 'asc' ? 1 : -1;
  return out.sort(
    (a, b) =>
      dir * (a.rate - b.rate) ||
      (a.unit_name < b.unit_name ? -1 : a.unit_name > b.unit_name ? 1 : 0) ||
      (a.unit_id < b.unit_id ? -1 : 1)
  );
}

describe('budget execution', () => {
  it('opens from the tabs and ranks units by the 三公 execution rate, as the Parquet gives it', async () => {
    await open('/ranking/');
    await ui.page.click('nav a[href*="/execution/"]');
    await ui.page.waitForURL(/\/execution\//);
    await waitReady(ui.page);
    const years = await queryData(`SELECT max(year) AS y FROM disclosures WHERE kind = 'final'`);
    const year = Number(await ui.page.inputValue('[data-testid="filter-year"]'));
    expect(year).toBeLessThanOrEqual(Number(years[0].y));
    const expected = await expectedRates(year, 'three_public_total', 'desc');
    expect(expected.length).toBeGreaterThan(10);
    const got = await marks();
    expect(got.map(([u]) => u)).toEqual(expected.slice(0, got.length).map((e) => e.unit_id));
    got.forEach(([, v], i) => expect(v).toBeCloseTo(expected[i].rate, 3));
    // the demo city is synthetic, and said so beside the chart
    await expect(ui.page.locator('figure.chart .synthetic-note').count()).resolves.toBe(1);
    await screenshot(ui.page, 'execution-zh');
  });

  it('under-execution of the total, its link reproducing it; a 决算’s own 年初预算 is marked', async () => {
    const year = 2024;
    await open(`/execution/?v=1&y=${year}&m=total_expenditure&ord=asc`);
    const expected = await expectedRates(year, 'total_expenditure', 'asc');
    const got = await marks();
    expect(got.length).toBe(expected.length);
    expect(got.map(([u]) => u)).toEqual(expected.map((e) => e.unit_id));
    // the table marks where each budget comes from
    await ui.page.click('figure.chart [data-testid="toggle-table"]');
    const t = await ui.page.$eval('[data-testid="table-execution"]', (el) => ({
      head: [...el.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
      rows: [...el.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())
      )
    }));
    const src = t.head.indexOf('预算数来源');
    const id = t.head.indexOf('单位编号');
    for (const r of t.rows) {
      const e = expected.find((x) => x.unit_id === r[id])!;
      expect(r[src]).toBe(e.src === 'budget' ? '预算文档' : '决算文档所述年初预算');
    }
    expect(expected.some((e) => e.src === 'final')).toBe(true);
    expect(expected.some((e) => e.src === 'budget')).toBe(true);
    // the same link in a fresh page draws the same marks
    const other = await ui.another(ui.page.url());
    expect(await ui.marks('execution', { page: other })).toEqual(got);
    await other.close();
  });

  it('a real 决算 with no budget document: its own 一般公共预算 年初预算 gives the rate, marked as its statement', async () => {
    // 上海市普陀区财政局's 2024 决算 says 年初预算 2993.92 万元, 决算 2940.05 万元 (read by hand, p. 19); the
    // 社会工作部's says 年初预算 0 万元 (its 321.02 is the 全年预算): no rate, never a guess
    const real = await queryData(
      `SELECT unit_id, unit_name, general_budget AS a, initial_general_budget AS b FROM disclosures
       WHERE kind = 'final' AND year = 2024 AND source_kind = 'published' ORDER BY unit_name`
    );
    const fin = real.find((r) => String(r.unit_name).includes('财政局'))!;
    const sw = real.find((r) => String(r.unit_name).includes('社会工作部'))!;
    expect([Number(fin.a), Number(fin.b)]).toEqual([2940.05, 2993.92]);
    expect(Number(sw.b)).toBe(0);
    await open('/execution/?v=1&y=2024&m=general_budget&ord=asc');
    const got = new Map(await marks());
    expect(got.get(String(fin.unit_id))).toBeCloseTo((2940.05 / 2993.92) * 100, 3);
    expect(got.has(String(sw.unit_id))).toBe(false);
    const expected = await expectedRates(2024, 'general_budget', 'asc');
    expect([...got.keys()]).toEqual(expected.slice(0, got.size).map((e) => e.unit_id));
    await ui.page.click('figure.chart [data-testid="toggle-table"]');
    const row = await ui.page.$eval(
      '[data-testid="table-execution"]',
      (el, id) => {
        const head = [...el.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const rows = [...el.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())
        );
        const r = rows.find((x) => x[head.indexOf('单位编号')] === id)!;
        return { source: r[head.indexOf('预算数来源')], rate: r[head.indexOf('一般公共预算 执行率 %')] };
      },
      String(fin.unit_id)
    );
    expect(row).toEqual({ source: '决算文档所述年初预算', rate: '98.2%' });
  });

  it('a choice in the controls goes into the link', async () => {
    await open('/execution/');
    await ui.page.selectOption('[data-testid="filter-metric"]', 'reception');
    await ui.page.waitForURL(/[?&]m=reception(&|$)/);
    await waitReady(ui.page);
    const year = Number(await ui.page.inputValue('[data-testid="filter-year"]'));
    const expected = await expectedRates(year, 'reception', 'desc');
    expect((await marks()).map(([u]) => u)).toEqual(expected.slice(0, 200).map((e) => e.unit_id));
  });
});
