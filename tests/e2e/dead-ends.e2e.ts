// Issue 11: no dead ends. Bars and table rows open the unit page (click and keyboard), tooltips say value,
// unit and source, the bar colours have a legend, an empty view says why it is empty (an empty dataset is
// not blamed on the filters), unknown parameters leave the address once noticed, and a missing page is a
// real 404 page in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { seedUnit } from './data';
import { serveStatic } from '../../scripts/static-server.mjs';

const { page, open, baseUrl } = useSession({ width: 1400, height: 1000 });
let seed: { unit_id: string; doc_id: string; year: number };

const unitOfUrl = () => new URL(page.url()).searchParams.get('unit');

beforeAll(async () => {
  seed = await seedUnit();
});

describe('bars and rows lead to the unit page', () => {
  it('a click on a bar opens its unit on the ranking’s year', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    await page.click(`[data-testid="chart-ranking"] .mark[data-unit-id="${seed.unit_id}"]`);
    await page.waitForURL(/\/unit\//);
    await waitReady(page);
    expect(unitOfUrl()).toBe(seed.unit_id);
    expect(new URL(page.url()).searchParams.get('y')).toBe(String(seed.year));
    await expect(page.locator('[data-testid="unit-page"]').getAttribute('data-unit-id')).resolves.toBe(
      seed.unit_id
    );
  });

  it('by keyboard: Tab reaches the bars as links, Enter opens the focused unit', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const first = page.locator('[data-testid="chart-ranking"] .mark').first();
    await expect(first.getAttribute('role')).resolves.toBe('link');
    await expect(first.getAttribute('tabindex')).resolves.toBe('0');
    const id = await first.getAttribute('data-unit-id');
    await first.focus();
    // focus shows the tooltip as the pointer does
    await expect(page.locator('[data-testid="chart-tip"]').innerText()).resolves.toContain('万元');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/unit\//);
    expect(unitOfUrl()).toBe(id);
  });

  it('the bars of the composition open their unit too', async () => {
    await open(`/composition/?v=1&y=${seed.year}`);
    const mark = page
      .locator(`[data-testid="chart-composition"] .mark[data-unit-id]:not([width="0"])`)
      .first();
    const id = await mark.getAttribute('data-unit-id');
    await mark.click();
    await page.waitForURL(/\/unit\//);
    expect(unitOfUrl()).toBe(id);
  });

  it('a click anywhere on a table row opens its unit', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    await page.click('figure.chart [data-testid="toggle-table"]');
    const row = page.locator('[data-testid="table-ranking"] tbody tr', { hasText: '乌尔禾区人民政府办公室' });
    // the value cell, not the link
    await row.locator('td.num').nth(1).click();
    await page.waitForURL(/\/unit\//);
    expect(unitOfUrl()).toBe(seed.unit_id);
  });
});

describe('tooltips and legend', () => {
  it('hovering a bar shows its value with its unit and its source, not a bare <title>', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const bar = page.locator(`[data-testid="chart-ranking"] .mark[data-unit-id="${seed.unit_id}"]`);
    await expect(bar.locator('title').count()).resolves.toBe(0);
    await bar.hover();
    const tip = await page.locator('[data-testid="chart-tip"]').innerText();
    expect(tip).toContain('乌尔禾区人民政府办公室');
    expect(tip).toContain('19.75 万元');
    expect(tip).toContain(`公开数据 · ${seed.year} 预算`);
    await screenshot(page, 'ui-a-tooltip');
    const synthetic = page.locator('[data-testid="chart-ranking"] .mark[data-synthetic="true"]').first();
    await synthetic.hover();
    await expect(page.locator('[data-testid="chart-tip"]').innerText()).resolves.toContain('合成数据');
  });

  it('the scatter and stacked marks say value, unit and source as well', async () => {
    await open(`/staffing/?v=1&y=${seed.year}`);
    const dot = page.locator('[data-testid="chart-staffing-scatter"] .mark[data-synthetic]').first();
    await expect(dot.getAttribute('data-tip')).resolves.toMatch(/\n来源：(公开数据|合成数据)$/);
    const bar = page.locator('[data-testid="chart-staffing"] .mark').first();
    await expect(bar.getAttribute('data-tip')).resolves.toMatch(/\n人\n来源：(公开数据|合成数据)$/);
    await open(`/composition/?v=1&y=${seed.year}`);
    const part = page.locator('[data-testid="chart-composition"] .mark').first();
    await expect(part.getAttribute('data-tip')).resolves.toMatch(/\n万元\n来源：(公开数据|合成数据)$/);
  });

  it('a legend tells the darker published bars from the synthetic ones', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const legend = page.locator('[data-testid="chart-ranking"] [data-testid="source-legend"]');
    await expect(legend.textContent()).resolves.toContain('公开数据（深色）');
    await expect(legend.textContent()).resolves.toContain('合成数据（浅色）');
    const fills = await legend.locator('rect').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    const published = await page
      .locator(`[data-testid="chart-ranking"] .mark[data-synthetic="false"]`)
      .first()
      .getAttribute('fill');
    expect(fills[0]).toBe(published);
    // only synthetic units shown: the legend names only them
    await open(`/ranking/?v=1&m=reception&y=${seed.year}&src=synthetic`);
    await expect(legend.textContent()).resolves.not.toContain('公开数据');
  });
});

describe('honest empty states', () => {
  it('filters that keep nothing are named as the reason', async () => {
    // the real sample unit has one year; another year with it chosen shows nothing
    await open(`/ranking/?v=1&m=reception&y=${seed.year - 3}&u=${seed.unit_id}`);
    const note = page.locator('[data-testid="empty-state"]');
    await expect(note.getAttribute('data-reason')).resolves.toBe('filters');
    await expect(note.innerText()).resolves.toContain('所选筛选条件下没有数据');
  });

  it('an empty dataset says that the data is empty, not that the filters are', async () => {
    // a real ingest that read no document: five empty Parquet files and their manifest
    const input = mkdtempSync(join(tmpdir(), 'gongkai-empty-in-'));
    const out = mkdtempSync(join(tmpdir(), 'gongkai-empty-out-'));
    spawnSync('sh', ['-c', `echo '这不是一份公开文档' > ${input}/x.txt`]);
    const r = spawnSync('npx', ['tsx', 'src/cli/ingest.ts', '--out', out, '--quiet', input], {
      encoding: 'utf8'
    });
    expect(r.status).toBe(2);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    const server = await serveStatic('build', { host: '127.0.0.1', port: 0, mounts: { '/data/': out } });
    try {
      for (const view of ['ranking', 'composition', 'percapita']) {
        await page.goto(`${server.url}/${view}/?v=1`);
        await waitReady(page);
        const note = page.locator('[data-testid="empty-state"]');
        await expect(note.getAttribute('data-reason')).resolves.toBe('dataset');
        const text = await note.innerText();
        expect(text).toContain('这份数据是空的');
        expect(text).not.toContain('所选条件下没有数据');
      }
      await screenshot(page, 'ui-a-empty-dataset');
    } finally {
      await server.close();
      rmSync(input, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the address', () => {
  it('an unknown parameter is named in the notice, then removed from the address without a new entry', async () => {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/ranking/?v=1&m=reception&utm_source=chat&y=${seed.year}`);
    await waitReady(page);
    const before = await page.evaluate(() => history.length);
    await expect(page.locator('[data-testid="url-notice"]').innerText()).resolves.toContain('utm_source');
    await page.waitForFunction(() => !location.search.includes('utm_source'));
    const search = new URL(page.url()).searchParams;
    expect(search.get('m')).toBe('reception');
    expect(search.get('y')).toBe(String(seed.year));
    expect(await page.evaluate(() => history.length)).toBe(before);
    // the notice stays on screen after the address was cleaned
    await expect(page.locator('[data-testid="url-notice"]').innerText()).resolves.toContain('utm_source');
  });

  it('a missing page is a 404 with a readable page in zh and en, linking back', async () => {
    const res = await fetch(`${baseUrl}/nonexistent/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    await page.goto(`${baseUrl}/nonexistent/`);
    const err = page.locator('[data-testid="error-page"]');
    await err.waitFor();
    await expect(err.getAttribute('data-status')).resolves.toBe('404');
    await expect(err.innerText()).resolves.toContain('找不到这个页面');
    await screenshot(page, 'ui-a-404-zh');
    await page.click('[data-testid="lang-switch"]');
    await expect(err.innerText()).resolves.toContain('Page not found');
    await screenshot(page, 'ui-a-404-en');
    await page.click('[data-testid="error-home"]');
    await page.waitForURL(/\/ranking\//);
    await waitReady(page);
    await expect(page.locator('[data-testid="chart-ranking"]').count()).resolves.toBe(1);
    await page.evaluate(() => localStorage.setItem('gongkai.lang', 'zh'));
    // a missing data file stays a bare 404 (not the page)
    const data = await fetch(`${baseUrl}/data/nothing.parquet`);
    expect(data.status).toBe(404);
    expect(data.headers.get('content-type')).toContain('text/plain');
  });
});
