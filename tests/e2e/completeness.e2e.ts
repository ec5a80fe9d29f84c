// 公开完整度 in the browser, on the default data: the ranking by completeness (a score in 分, its order the
// Parquet's own) and the unit page's block naming what a document lacks, in Chinese and English.
import { describe, expect, it } from 'vitest';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { queryData } from './data';

const { page, open, marks: chartMarks } = useSession({ consoleErrors: true });
const marks = () => chartMarks('ranking');

describe('ranking by completeness', () => {
  it('orders the units by their score, in 分, lowest first when asked', async () => {
    const year = 2024;
    await open(`/ranking/?v=1&m=completeness&y=${year}&ord=asc&n=1000`);
    await expect(page.locator('figure.chart .title').innerText()).resolves.toContain('公开完整度（分）');
    const shown = await marks();
    // the Parquet's own scores of the documents the view shows (one kind at a time, budgets by default)
    const want = await queryData(
      `SELECT min(completeness) AS lo, max(completeness) AS hi, count(DISTINCT unit_id) AS units
       FROM disclosures WHERE year = $1 AND kind = 'budget'`,
      [year]
    );
    expect(shown.length).toBe(Number(want[0].units));
    const values = shown.map(([, v]) => v);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBe(Number(want[0].lo));
    expect(values.at(-1)).toBe(Number(want[0].hi));
    expect(values[0]).toBeLessThan(100);
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 100)).toBe(true);
    // the lowest unit's bar holds the score its document has
    const [lowId, low] = shown[0];
    const docs = await queryData(`SELECT completeness FROM disclosures WHERE unit_id = $1 AND year = $2`, [
      lowId,
      year
    ]);
    expect(docs.map((d) => Number(d.completeness))).toContain(low);
    await screenshot(page, 'ranking-completeness');
    // the table alternative has no prior-year column for a score
    await page.click('figure.chart [data-testid="toggle-table"]');
    const head = await page.locator('[data-testid="table-ranking"] th').allInnerTexts();
    expect(head.join('|')).toContain('公开完整度');
    expect(head.join('|')).not.toContain('prev_');
    expect(head.join('|')).not.toContain('上年');
  });

  it('is offered in the metric picker under its own group', async () => {
    await open('/ranking/?v=1&m=reception');
    const group = page.locator('[data-testid="filter-metric"] optgroup', { hasText: '公开完整度' });
    await expect(group.getAttribute('label')).resolves.toBe('公开质量');
    await page.selectOption('[data-testid="filter-metric"]', 'completeness');
    await page.waitForURL(/m=completeness/);
    await waitReady(page);
    await expect(page.locator('figure.chart .title').innerText()).resolves.toContain('公开完整度');
  });
});

describe('the benchmark', () => {
  it('places a unit’s completeness among its peers', async () => {
    const rows = await queryData(
      `SELECT unit_id, year, completeness FROM disclosures
       WHERE source_kind = 'published' AND unit_name = '中共上海市普陀区委社会工作部'`
    );
    await open(`/benchmark/?v=1&unit=${rows[0].unit_id}&y=${rows[0].year}&peers=all`);
    const pt = await page.$eval('[data-testid="chart-benchmark"] [data-metric="completeness"]', (e) => ({
      v: Number(e.getAttribute('data-value')),
      p: Number(e.getAttribute('data-percentile'))
    }));
    expect(pt.v).toBe(Number(rows[0].completeness));
    expect(pt.p).toBeGreaterThanOrEqual(0);
    expect(pt.p).toBeLessThan(100);
    await page.click('figure.chart [data-testid="toggle-table"]');
    const row = page.locator('[data-testid="table-benchmark"] tr', { hasText: '公开完整度' });
    await expect(row.locator('td').nth(1).innerText()).resolves.toBe(String(rows[0].completeness));
    await screenshot(page, 'benchmark-completeness');
  });
});

describe('the unit page’s completeness block', () => {
  it('names what the real 2024 决算 of 社会工作部 lacks, with its score', async () => {
    const rows = await queryData(
      `SELECT unit_id, year, completeness, completeness_missing FROM disclosures
       WHERE source_kind = 'published' AND unit_name = '中共上海市普陀区委社会工作部'`
    );
    expect(rows).toHaveLength(1);
    const r = rows[0];
    await open(`/unit/?v=1&unit=${r.unit_id}&y=${r.year}`);
    const block = page.locator('[data-testid="unit-completeness"]');
    await expect(block.getAttribute('data-score')).resolves.toBe(String(r.completeness));
    await expect(block.locator('[data-testid="completeness-score"]').innerText()).resolves.toBe(
      `${r.completeness} 分`
    );
    const missing = block.locator('[data-testid="completeness-missing"] li');
    await expect(missing.evaluateAll((els) => els.map((e) => e.getAttribute('data-item')))).resolves.toEqual(
      String(r.completeness_missing).split(',')
    );
    await expect(missing.first().innerText()).resolves.toContain('“三公”经费增减变化说明');
    await expect(block.locator('[data-testid="completeness-present"] li').count()).resolves.toBe(19);
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, 'unit-completeness');

    await page.click('[data-testid="lang-switch"]');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(block.locator('h3').innerText()).resolves.toContain('Disclosure completeness');
    await expect(block.locator('[data-testid="completeness-score"]').innerText()).resolves.toBe(
      `${r.completeness} points`
    );
    await expect(missing.first().innerText()).resolves.toContain('Explanation of the “three public” changes');
    await screenshot(page, 'unit-completeness-en');
    await page.click('[data-testid="lang-switch"]');
  });

  it('a generated document without its 政府采购 paragraph lists both procurement items as missing', async () => {
    const rows = await queryData(
      `SELECT unit_id, year, kind, completeness FROM disclosures
       WHERE source_kind = 'synthetic' AND completeness_missing = 'procurement,procurement_split'
       ORDER BY doc_id LIMIT 1`
    );
    expect(rows).toHaveLength(1);
    // the document of that kind (a unit-year may have a 预算 and a 决算)
    await open(`/unit/?v=1&unit=${rows[0].unit_id}&y=${rows[0].year}&kind=${rows[0].kind}`);
    const block = page.locator('[data-testid="unit-completeness"]');
    await expect(block.getAttribute('data-score')).resolves.toBe(String(rows[0].completeness));
    await expect(block.locator('[data-testid="completeness-missing"] li').allInnerTexts()).resolves.toEqual([
      '✗ 政府采购总额',
      '✗ 政府采购分货物、工程、服务'
    ]);
  });
});
