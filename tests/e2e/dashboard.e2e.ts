// The dashboard as a reader uses it: the built static site on 127.0.0.1, Debian's Chromium, the real
// DuckDB-WASM over the real Parquet of the default data (the seed + the synthetic demo city).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { column, shownTable } from './table';
import { parseCsv } from './csv';
import { queryData, seedUnit } from './data';

// after the tests: every request went to the local server (or was a data:/blob: URL), no dialog, and no script
// error on any page the reader opened (the hostile URL included)
const ui = useSession({ consoleErrors: true });
const { page, open, baseUrl } = ui;
const marks = (view: string, extra = '') => ui.marks(view, { extra });
let seed: { unit_id: string; doc_id: string; year: number };

beforeAll(async () => {
  seed = await seedUnit();
});

describe('ranking', () => {
  it("shows the real sample unit's 公务接待费 as 19.75", async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const all = await marks('ranking');
    expect(all.length).toBeGreaterThan(100);
    const mine = all.filter(([id]) => id === seed.unit_id);
    expect(mine).toEqual([[seed.unit_id, 19.75]]);
    // bars are sorted, largest first
    const values = all.map(([, v]) => v);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // the synthetic data is marked on the chart and the seed is not synthetic
    await expect(
      page.locator('figure.chart [data-testid="synthetic-badge"]').first().isVisible()
    ).resolves.toBe(true);
    const flag = await page.getAttribute(
      `[data-testid="chart-ranking"] [data-unit-id="${seed.unit_id}"]`,
      'data-synthetic'
    );
    expect(flag).toBe('false');
    await screenshot(page, 'ranking');
  });

  it('has a table alternative with the same figure', async () => {
    await page.click('figure.chart [data-testid="toggle-table"]');
    const row = page.locator('[data-testid="table-ranking"] tr', { hasText: '乌尔禾区人民政府办公室' });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toContain('19.75');
  });

  it('shows as many units as chosen, the first ones of the full ranking, and says of how many', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const all = await marks('ranking');
    await expect(page.locator('[data-testid="shown-of"]').count()).resolves.toBe(0);
    await page.selectOption('[data-testid="filter-limit"]', '50');
    await page.waitForURL(/[?&]n=50(&|$)/);
    await waitReady(page);
    expect(await marks('ranking')).toEqual(all.slice(0, 50));
    await expect(page.locator('[data-testid="shown-of"]').innerText()).resolves.toContain(
      `显示前 50 个，共 ${all.length} 个单位`
    );
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
  });

  it('exports CSV, SVG and PNG', async () => {
    for (const [id, ext] of [
      ['export-csv', 'csv'],
      ['export-svg', 'svg'],
      ['export-png', 'png']
    ]) {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`figure.chart [data-testid="${id}"]`)
      ]);
      expect(dl.suggestedFilename()).toMatch(new RegExp(`^ranking-.*\\.${ext}$`));
      const path = await dl.path();
      const { readFileSync } = await import('node:fs');
      const body = readFileSync(path);
      if (ext === 'csv') expect(body.toString('utf8')).toContain('19.75');
      if (ext === 'svg') expect(body.toString('utf8')).toContain(`data-unit-id="${seed.unit_id}"`);
      if (ext === 'png') expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});

describe('per capita', () => {
  it('divides by 在职 by default and by the chosen headcount', async () => {
    const truth = await queryData(
      `SELECT unit_id, reception, staff_in_service, staff_actual, staff_authorized FROM disclosures WHERE year = $1
       QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY CASE kind WHEN 'budget' THEN 0 ELSE 1 END, doc_id) = 1`,
      [seed.year]
    );
    const byId = new Map(truth.map((r) => [String(r.unit_id), r]));
    await open(`/percapita/?v=1&m=reception&y=${seed.year}`);
    let got = await marks('percapita');
    expect(got.length).toBeGreaterThan(50);
    // the seed: 公务接待费 19.75 万元, 在职 11 人
    expect(got.find(([id]) => id === seed.unit_id)![1]).toBeCloseTo(19.75 / 11, 4);
    for (const [id, v] of got) {
      const r = byId.get(id)!;
      expect(v).toBeCloseTo(Number(r.reception) / Number(r.staff_in_service), 3);
    }
    await screenshot(page, 'percapita');

    await page.selectOption('[data-testid="filter-per"]', 'staff_actual');
    await page.waitForURL(/per=staff_actual/);
    await waitReady(page);
    got = await marks('percapita');
    // the seed: 实有人数 15
    expect(got.find(([id]) => id === seed.unit_id)![1]).toBeCloseTo(19.75 / 15, 4);
    for (const [id, v] of got) {
      const r = byId.get(id)!;
      expect(v).toBeCloseTo(Number(r.reception) / Number(r.staff_actual), 3);
    }
  });
});

describe('URL state', () => {
  it('a URL with filters reproduces the same marks after reload and in a fresh page', async () => {
    const facet = await queryData(
      `SELECT region, count(*) AS n FROM units GROUP BY region ORDER BY n DESC, region LIMIT 2`
    );
    const regions = facet.map((r) => String(r.region));
    const qs = new URLSearchParams([
      ['v', '1'],
      ['m', 'vehicle_operation'],
      ['y', String(seed.year - 1)],
      ...regions.map((r) => ['reg', r] as [string, string])
    ]);
    await open(`/ranking/?${qs}`);
    const first = await marks('ranking');
    expect(first.length).toBeGreaterThan(0);
    const expected = await queryData(
      `SELECT count(*) AS n FROM disclosures d JOIN units u USING (unit_id)
       WHERE d.year = $1 AND u.region IN ($2, $3) AND d.vehicle_operation IS NOT NULL AND d.kind = 'budget'`,
      [seed.year - 1, regions[0], regions[1]]
    );
    expect(first.length).toBe(Number(expected[0].n));
    await page.reload();
    await waitReady(page);
    expect(await marks('ranking')).toEqual(first);
    const other = await ui.another(page.url());
    expect(await ui.marks('ranking', { page: other })).toEqual(first);
    await other.close();
  });

  it('back and forward walk the history of filter changes', async () => {
    await open(`/ranking/?v=1&y=${seed.year}`);
    const urlA = page.url();
    const a = await marks('ranking');
    await page.selectOption('[data-testid="filter-metric"]', 'reception');
    await page.waitForURL(/m=reception/);
    await waitReady(page);
    const urlB = page.url();
    const b = await marks('ranking');
    expect(b).not.toEqual(a);
    await page.goBack();
    await page.waitForURL(urlA);
    await waitReady(page);
    expect(await marks('ranking')).toEqual(a);
    await expect(page.inputValue('[data-testid="filter-metric"]')).resolves.toBe('three_public_total');
    await page.goForward();
    await page.waitForURL(urlB);
    await waitReady(page);
    expect(await marks('ranking')).toEqual(b);
  });

  it('an invalid or hostile URL shows the notice and still draws the view', async () => {
    const hostile = `/ranking/?v=1&m=reception%27%3B%20DROP%20TABLE%20units%3B--&y=abc&evil=%3Cscript%3Ealert(1)%3C%2Fscript%3E&reg=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`;
    await open(hostile);
    const notice = page.locator('[data-testid="url-notice"]');
    await expect(notice.isVisible()).resolves.toBe(true);
    const text = await notice.innerText();
    expect(text).toContain('evil');
    expect(text).toContain('m=');
    expect(text).toContain('y=abc');
    // the hostile text is shown as text, never as markup
    await expect(page.locator('main script, main img').count()).resolves.toBe(0);
    // the hostile values change nothing but the notice: the marks are those of the default view
    const hostileMarks = await marks('ranking');
    expect(hostileMarks.length).toBeGreaterThan(100);
    await open('/ranking/?v=1');
    expect(await marks('ranking')).toEqual(hostileMarks);
    // a unit id the data does not hold is named too
    await open('/unit/?v=1&unit=no-such-unit');
    await expect(page.locator('[data-testid="url-notice"]').innerText()).resolves.toContain('no-such-unit');
    await screenshot(page, 'notice');
  });
});

describe('hostile input (issue 10)', () => {
  it('a value another view accepts but this one does not gives the usual notice, not an error', async () => {
    await open('/percapita/?v=1&m=staff_actual');
    const notice = page.locator('[data-testid="url-notice"]');
    await expect(notice.innerText()).resolves.toContain('m=staff_actual');
    await expect(page.locator('main').innerText()).resolves.not.toContain('per-capita needs');
    expect((await marks('percapita')).length).toBeGreaterThan(50);
  });

  it('a link over 16 KB opens the view', async () => {
    const regions = Array.from({ length: 100 }, (_, i) => `reg=${encodeURIComponent(`区域${i}`.repeat(12))}`);
    const url = `/ranking/?v=1&${regions.join('&')}`;
    expect(url.length).toBeGreaterThan(16 * 1024);
    const res = await page.goto(baseUrl + url);
    expect(res?.status()).toBe(200);
    await waitReady(page);
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/431|414|too long/i);
  });

  it('table cells isolate their text and let long names wrap', async () => {
    await open('/ranking/?v=1');
    await page.click('[data-testid="toggle-table"]');
    const cell = page.locator('[data-testid="table-ranking"] tbody td').nth(1);
    await expect(cell.evaluate((td) => getComputedStyle(td).overflowWrap)).resolves.toBe('anywhere');
    await expect(cell.locator('bdi').evaluate((b) => getComputedStyle(b).unicodeBidi)).resolves.toBe(
      'isolate'
    );
  });
});

describe('unit page', () => {
  it("shows the seed's tables with source lines and its findings", async () => {
    await open(`/unit/?v=1&unit=${seed.unit_id}`);
    await expect(page.locator('[data-testid="unit-page"] h2').innerText()).resolves.toContain(
      '乌尔禾区人民政府办公室'
    );
    const tables = await page.$$eval('[data-testid^="unit-table-"]', (els) =>
      els.map((e) => e.getAttribute('data-testid')).filter((x) => /unit-table-\d+$/.test(x ?? ''))
    );
    const stored = await queryData(
      `SELECT DISTINCT table_no FROM line_items WHERE doc_id = $1 AND table_no IS NOT NULL ORDER BY 1`,
      [seed.doc_id]
    );
    expect(tables).toEqual(stored.map((r) => `unit-table-${r.table_no}`));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    // 表6 (基本支出): 302 17 公务接待费 19.75, from source line 599 of the seed
    const row = page.locator('[data-testid="unit-table-6"] tr', { hasText: '公务接待费' }).first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain('30217');
    expect(cells).toContain('19.75');
    expect(cells).toContain('第 599 行'); // its source, a button that shows the line in place
    const findings = await queryData(`SELECT count(*) AS n FROM findings WHERE doc_id = $1`, [seed.doc_id]);
    const n = Number(findings[0].n);
    expect(n).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="unit-findings-table"] tbody tr').count()).resolves.toBe(n);
    await screenshot(page, 'unit');
  });

  it('a real PDF’s unit page: both scopes of one year reachable, figures traced to their page', async () => {
    const docs = await queryData(
      `SELECT unit_id, doc_id, scope FROM disclosures WHERE unit_name = '上海市普陀区商务委员会' ORDER BY scope`
    );
    expect(docs.map((d) => d.scope)).toEqual(['department', 'unit']);
    await open(`/unit/?v=1&unit=${docs[0].unit_id}&y=2025`);
    const chips = await page.locator('[data-testid="unit-page"] nav.docs a').allInnerTexts();
    expect(chips.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      '2025 预算（部门）',
      '2025 预算（单位）'
    ]);
    await page.locator('[data-testid="unit-page"] nav.docs a', { hasText: '单位' }).click();
    await page.waitForURL(/scope=unit/);
    await waitReady(page);
    await expect(page.locator('[data-testid="unit-page"]').innerText()).resolves.toContain(
      'putuo-commerce-2025-unit-budget.pdf'
    );
    // 表10 (the 三公 table, its 9th table): 公务接待费 1.00 on page 21
    const row = page.locator('[data-testid="unit-table-10"] tr', { hasText: '公务接待费' }).first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain('1.00');
    expect(cells).toContain('21');
  });
});

describe('language', () => {
  it('switches to English and back', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    await page.click('[data-testid="lang-switch"]');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.locator('[data-testid="tab-ranking"]').innerText()).resolves.toBe('Ranking');
    await expect(page.locator('figure.chart .title').innerText()).resolves.toContain('Official reception');
    await expect(page.locator('[data-testid="synthetic-badge"]').first().innerText()).resolves.toBe(
      'synthetic'
    );
    // the marks do not change with the language
    expect((await marks('ranking')).find(([id]) => id === seed.unit_id)).toEqual([seed.unit_id, 19.75]);
    await screenshot(page, 'ranking-en');
    // the choice survives a reload
    await page.reload();
    await waitReady(page);
    await expect(page.locator('[data-testid="tab-ranking"]').innerText()).resolves.toBe('Ranking');
    await page.click('[data-testid="lang-switch"]');
    await expect(page.locator('[data-testid="tab-ranking"]').innerText()).resolves.toBe('排名');
  });
});

describe('every view', () => {
  const views: [string, string][] = [
    ['trends', '/trends/?v=1&m=reception'],
    ['composition', '/composition/?v=1'],
    ['staffing', '/staffing/?v=1'],
    ['benchmark', '/benchmark/?v=1&peers=all'],
    ['quality', '/quality/?v=1'],
    ['sql', '/sql/?v=1']
  ];
  for (const [view, path] of views) {
    it(`${view} draws on the real data`, async () => {
      await open(path);
      await expect(page.locator('[data-testid="load-error"]').count()).resolves.toBe(0);
      if (['trends', 'composition', 'staffing', 'benchmark'].includes(view))
        expect((await marks(view)).length).toBeGreaterThan(0);
      await screenshot(page, view);
    });
  }

  it('the benchmark opens on the seed by default and flags its percentiles', async () => {
    await open(`/benchmark/?v=1&unit=${seed.unit_id}&peers=all`);
    const pts = await page.$$eval('[data-testid="chart-benchmark"] [data-metric]', (els) =>
      els.map((e) => ({
        m: e.getAttribute('data-metric'),
        v: Number(e.getAttribute('data-value')),
        p: Number(e.getAttribute('data-percentile'))
      }))
    );
    const reception = pts.find((x) => x.m === 'reception')!;
    expect(reception.v).toBe(19.75);
    expect(reception.p).toBeGreaterThanOrEqual(0);
    expect(reception.p).toBeLessThanOrEqual(100);
  });

  it('trends mark a year taken from the next year’s narrative as estimated', async () => {
    await open(`/trends/?v=1&m=reception&u=${seed.unit_id}`);
    const pts = await page.$$eval('[data-testid="chart-trends"] [data-unit-id]', (els) =>
      els.map((e) => ({
        y: Number(e.getAttribute('data-year')),
        v: Number(e.getAttribute('data-value')),
        est: e.getAttribute('data-estimated')
      }))
    );
    const own = pts.find((p) => p.y === seed.year)!;
    expect(own).toEqual({ y: seed.year, v: 19.75, est: 'false' });
    const prev = await queryData(`SELECT prev_reception FROM disclosures WHERE doc_id = $1`, [seed.doc_id]);
    if (prev[0].prev_reception !== null) {
      expect(pts.find((p) => p.y === seed.year - 1)).toEqual({
        y: seed.year - 1,
        v: Number(prev[0].prev_reception),
        est: 'true'
      });
    }
    // the table and its CSV say where each value comes from in words, the same words (never a bare yes)
    const t = await shownTable(page, 'trends');
    const years = column(t, '年度');
    const sources = column(t, '数据来源');
    expect(sources[years.indexOf(String(seed.year))]).toBe('本年文档');
    if (prev[0].prev_reception !== null)
      expect(sources[years.indexOf(String(seed.year - 1))]).toBe('次年文档所述上年数');
    for (const s of sources) expect(['本年文档', '次年文档所述上年数', '—']).toContain(s);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('figure.chart [data-testid="export-csv"]')
    ]);
    const csv = parseCsv(readFileSync(await dl.path(), 'utf8'));
    const at = csv[0].indexOf('数据来源');
    expect(csv.slice(1, 1 + sources.length).map((r) => r[at] || '—')).toEqual(sources);
  });

  it('the SQL console runs a SELECT and refuses anything else', async () => {
    await open('/sql/?v=1');
    await page.fill(
      '[data-testid="sql-input"]',
      `SELECT unit_name, reception FROM disclosures WHERE doc_id = '${seed.doc_id}'`
    );
    await page.click('[data-testid="sql-run"]');
    await page.waitForURL(/q=/);
    await waitReady(page);
    await expect(page.locator('[data-testid="sql-result-table"] tbody').innerText()).resolves.toContain(
      '19.75'
    );
    await page.fill('[data-testid="sql-input"]', 'DROP TABLE units');
    await page.click('[data-testid="sql-run"]');
    await page.waitForURL(/DROP/);
    await waitReady(page);
    await expect(page.locator('[data-testid="sql-error"]').isVisible()).resolves.toBe(true);
    await page.fill('[data-testid="sql-input"]', "SELECT * FROM read_csv('http://example.com/x.csv')");
    await page.click('[data-testid="sql-run"]');
    await page.waitForURL(/read_csv/);
    await waitReady(page);
    await expect(page.locator('[data-testid="sql-error"]').innerText()).resolves.toContain('read_csv');
  });
});

describe('app shell', () => {
  it('the root opens the ranking with the same query', async () => {
    await page.goto(`${baseUrl}/?v=1&m=reception&y=${seed.year}`);
    await page.waitForURL(/\/ranking\/\?v=1&m=reception/);
    await waitReady(page);
    expect((await marks('ranking')).find(([id]) => id === seed.unit_id)).toEqual([seed.unit_id, 19.75]);
  });

  it('the tabs carry the shared filters to the next view', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    await page.click('[data-testid="tab-percapita"]');
    await page.waitForURL(/\/percapita\//);
    await waitReady(page);
    expect(page.url()).toContain('m=reception');
    expect(page.url()).toContain(`y=${seed.year}`);
    expect((await marks('percapita')).find(([id]) => id === seed.unit_id)![1]).toBeCloseTo(19.75 / 11, 4);
  });

  it('copy link puts the view’s URL on the clipboard', async () => {
    await ui.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    await page.click('[data-testid="copy-link"]');
    await page.locator('[data-testid="copy-link"]', { hasText: '链接已复制' }).waitFor({ timeout: 5000 });
    // the page's URL, naming its language (so that the link opens as it was copied)
    const expected = new URL(page.url());
    expected.searchParams.set('lang', 'zh');
    expected.searchParams.sort();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    copied.searchParams.sort();
    expect(copied.href).toBe(expected.href);
  });

  it('says in plain words when the data cannot be loaded', async () => {
    const other = await ui.session.context.newPage();
    await other.route('**/data/manifest.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await other.goto(`${baseUrl}/ranking/?v=1`);
    await waitReady(other);
    const err = other.locator('[data-testid="load-error"]');
    await expect(err.isVisible()).resolves.toBe(true);
    const text = await err.innerText();
    expect(text).toContain('数据载入失败');
    expect(text).toContain('manifest.json');
    expect(text).toContain('404');
    await screenshot(other, 'load-error');
    await other.close();
  });
});

describe('serving', () => {
  it('answers HTTP range requests for the Parquet', async () => {
    const r = await fetch(`${baseUrl}/data/disclosures.parquet`, { headers: { Range: 'bytes=0-3' } });
    expect(r.status).toBe(206);
    expect(Buffer.from(await r.arrayBuffer()).toString('latin1')).toBe('PAR1');
  });
});
