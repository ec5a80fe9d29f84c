// Issue 11: the benchmark of a real unit. A peer group with too few units is widened and says so, n is
// explained (who is left out and why), a tie shows as a range of percentiles, per-head metrics are in.
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, waitReady } from './browser';
import { useSession } from './session';
import { queryData } from './data';

const { page, open } = useSession({ width: 1400, height: 1000 });
let wanli = '';

beforeAll(async () => {
  const rows = await queryData(
    `SELECT unit_id FROM units WHERE unit_name = '上海市普陀区人民政府万里街道办事处'`
  );
  wanli = String(rows[0].unit_id);
});

describe('the benchmark of the real 万里街道 unit', () => {
  it('widens its one-unit peer group to the same level, says so and explains n', async () => {
    await open(`/benchmark/?v=1&unit=${wanli}&y=2024`);
    const census = page.locator('[data-testid="peer-census"]');
    await expect(census.getAttribute('data-widened')).resolves.toBe('region_level');
    await expect(census.getAttribute('data-group')).resolves.toBe('level');
    const text = await census.innerText();
    expect(text).toContain('已自动扩大为「同级次」');
    // n and why the others are not in it, as the data has it
    const [c] = await queryData(
      `WITH picked AS (
         SELECT d.unit_id, d.kind, row_number() OVER (PARTITION BY d.unit_id ORDER BY d.kind = 'final', d.doc_id) AS k
         FROM disclosures d WHERE d.year = 2024)
       SELECT count(*) FILTER (WHERE p.kind = 'budget')::INTEGER AS same,
              count(*) FILTER (WHERE p.kind = 'final')::INTEGER AS other,
              count(*) FILTER (WHERE p.unit_id IS NULL)::INTEGER AS none,
              count(*)::INTEGER AS units
       FROM units u LEFT JOIN picked p ON p.unit_id = u.unit_id AND p.k = 1 WHERE u.level = '区县级'`
    );
    expect(text).toContain(`该组共 ${c.units} 个单位，n = ${c.same} 个有 2024 年预算文档`);
    if (Number(c.other) > 0) expect(text).toContain(`${c.other} 个该年只有决算`);
    if (Number(c.none) > 0) expect(text).toContain(`${c.none} 个没有该年文档`);
    await expect(page.locator('figure.chart .title').innerText()).resolves.toContain(`n=${c.same}`);
    await screenshot(page, 'ui-a-benchmark-zh');
  });

  it('a value tied with many peers shows the range of percentiles they share, not P0', async () => {
    const ties = await page.$$eval('[data-testid="chart-benchmark"] .mark[data-percentile-hi]', (els) =>
      els
        .map((e) => ({
          m: e.getAttribute('data-metric'),
          lo: Number(e.getAttribute('data-percentile')),
          hi: Number(e.getAttribute('data-percentile-hi'))
        }))
        .filter((x) => x.hi > x.lo)
    );
    expect(ties.length).toBeGreaterThan(0);
    const label = await page.locator('[data-testid="chart-benchmark"]').textContent();
    for (const t of ties) expect(label).toContain(`P${Math.round(t.lo)}–P${Math.round(t.hi)}`);
    // 政府性基金预算 0: every peer that states it states 0 too → the whole range
    const fund = ties.find((t) => t.m === 'fund_budget');
    if (fund) expect([fund.lo, fund.hi]).toEqual([0, 100]);
  });

  it('per-head metrics are benchmarked too, and the English view names them', async () => {
    await page.click('figure.chart [data-testid="toggle-table"]');
    const table = await page.locator('[data-testid="table-benchmark"]').innerText();
    expect(table).toContain('“三公”经费合计 ÷ 实有人数');
    expect(table).toContain('公用经费 ÷ 编制数');
    await open(`/benchmark/?v=1&unit=${wanli}&y=2024&lang=en`);
    const census = await page.locator('[data-testid="peer-census"]').innerText();
    expect(census).toContain('widened to');
    expect(census).toContain('Same level');
    // one unit is "1 unit"
    expect(census).toContain('holds only 1 unit (this one included)');
    // each row's own value after it carries its unit (the figure as the data states it)
    const [w] = await queryData(
      `SELECT total_expenditure::DOUBLE AS v, staff_actual::INTEGER AS staff FROM disclosures
       WHERE unit_id = $1 AND year = 2024 AND kind = 'budget'`,
      [wanli]
    );
    const after = (metric: string) =>
      page
        .locator(`[data-testid="chart-benchmark"] g:has(> circle[data-metric="${metric}"]) > text`)
        .last()
        .textContent();
    await expect(after('total_expenditure')).resolves.toMatch(
      new RegExp(
        `^${Number(w.v)
          .toFixed(2)
          .replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 10k yuan · P\\d`
      )
    );
    if (w.staff !== null)
      await expect(after('staff_actual')).resolves.toMatch(new RegExp(`^${w.staff} people · P\\d`));
    await screenshot(page, 'ui-a-benchmark-en');
  });

  it('in its latest year, with too few units anywhere, it says who is missing and offers an earlier year', async () => {
    await open(`/benchmark/?v=1&unit=${wanli}&lang=zh`);
    const census = await page.locator('[data-testid="peer-census"]').innerText();
    expect(census).toMatch(/\d+ 个没有该年文档/);
    await page.click('[data-testid="earlier-year"]');
    await waitReady(page);
    expect(new URL(page.url()).searchParams.get('y')).toMatch(/^20\d\d$/);
  });
});
