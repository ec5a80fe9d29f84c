// Source in place on the unit page: clicking (or Enter on) a figure's, a finding's or a PDF figure's source
// shows the document's own lines around it without leaving the page, read from source_text.parquet by range
// request — never the whole file.
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { screenshot } from './browser';
import { useSession } from './session';
import { queryData, seedUnit } from './data';

const { page, open } = useSession();
const SEED_FILE = 'data/disclosures/000_f7859c67d4b429b5.txt';
const seedLines = readFileSync(SEED_FILE, 'utf8').split(/\r?\n/);
let seed: { unit_id: string; doc_id: string; year: number };

/** every GET of source_text.parquet (and figure_sources.parquet): the Range asked for and the bytes of the body
 * (a HEAD, which DuckDB sends first to learn the size, carries no body) */
interface Read {
  range: string;
  status: number;
  bytes: number;
}
const reads: Read[] = [];
const figureReads: Read[] = [];
const onResponse = async (r: Response) => {
  const file = /\/data\/(source_text|figure_sources)\.parquet$/.exec(r.url())?.[1];
  if (!file || r.request().method() !== 'GET') return;
  const read = {
    range: r.request().headers()['range'] ?? '',
    status: r.status(),
    bytes: (await r.body()).length
  };
  (file === 'figure_sources' ? figureReads : reads).push(read);
};

beforeAll(async () => {
  page.on('response', (r) => void onResponse(r));
  seed = await seedUnit();
});

/** Open the source of a table row (its n-th source button) and return the panel. */
async function openSource(row: ReturnType<Page['locator']>, n = 0) {
  await row.locator('[data-testid="source-ref"]').nth(n).click();
  const panel = row.locator('[data-testid="source-panel"]');
  await panel.locator('[data-testid="source-excerpt"]').first().waitFor();
  return panel;
}

const sum = (xs: { bytes: number }[]) => xs.reduce((a, b) => a + b.bytes, 0);

describe('the source text in place', () => {
  it('shows the line that states 公务接待费 19.75 when its figure is clicked, without leaving the page', async () => {
    await open(`/unit/?v=1&unit=${seed.unit_id}`);
    const opened = [...reads];
    const before = reads.length;
    const url = page.url();
    const row = page.locator('[data-testid="unit-figures-table"] tbody tr', { hasText: '公务接待费' });
    await expect(row.locator('td').nth(1).innerText()).resolves.toBe('19.75');
    const panel = await openSource(row);
    expect(page.url()).toBe(url);
    const hit = panel.locator('li.hit');
    await expect(hit.count()).resolves.toBe(1);
    await expect(hit.getAttribute('data-line')).resolves.toBe('759');
    await expect(hit.innerText()).resolves.toContain('公务接待费 19.75 19.75');
    expect(seedLines[758]).toBe('公务接待费 19.75 19.75');
    const text = await panel.innerText();
    expect(text).toContain('第 759 行');
    // the lines around it, as the document writes them
    expect(text).toContain(seedLines[754].trim()); // "合计 47.35 47.35"
    await screenshot(page, 'source-figure');
    // the text came by range requests, and not the whole file
    const fetched = reads.slice(before);
    const size = statSync('build/data/source_text.parquet').size;
    console.log(
      `[source-text] page open (engine start included): ${opened.length} requests, ${sum(opened)} bytes of source_text.parquet; ` +
        `${figureReads.length} requests, ${sum(figureReads)} bytes of figure_sources.parquet (${statSync('build/data/figure_sources.parquet').size} bytes); ` +
        `first source shown: ${fetched.length} requests, ${sum(fetched)} bytes of source_text.parquet (${size} bytes)`
    );
    console.log(`[source-text] requests: ${JSON.stringify({ opened, figureReads, fetched })}`);
    expect(fetched.length).toBeGreaterThan(0);
    for (const r of fetched) expect(r.range, JSON.stringify(r)).toMatch(/^bytes=\d+-\d+$/);
    expect(sum(fetched)).toBeLessThan(size / 2);
    // Escape closes it
    await panel.locator('.close').focus();
    await page.keyboard.press('Escape');
    await expect(row.locator('[data-testid="source-panel"]').count()).resolves.toBe(0);
  });

  it('opens a prior-year source with the keyboard: the change and the amount it is taken from', async () => {
    const row = page.locator('[data-testid="unit-figures-table"] tbody tr', { hasText: '公务接待费' });
    const before = reads.length;
    await row.locator('[data-testid="source-ref"]').nth(1).focus();
    await page.keyboard.press('Enter');
    const panel = row.locator('[data-testid="source-panel"]');
    await panel.locator('[data-testid="source-excerpt"]').first().waitFor();
    const hits = await panel
      .locator('li.hit')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(hits).toEqual(expect.arrayContaining(['1080', '1092']));
    expect(await panel.locator('li[data-line="1092"]').innerText()).toContain('1.25 万元');
    // the document's text was read once: the second source needs no new request
    expect(reads.length).toBe(before);
    await page.keyboard.press('Escape');
  });

  it("shows a finding's source lines the same way", async () => {
    const [f] = await queryData(
      `SELECT source_lines FROM findings WHERE doc_id = $1 AND source_lines <> ''
       ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "check", source_lines, message_en LIMIT 1`,
      [seed.doc_id]
    );
    const lines = String(f.source_lines).split(',');
    const row = page.locator('[data-testid="unit-findings-table"] tbody tr').first();
    const panel = await openSource(row);
    const hits = await panel
      .locator('li.hit')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(hits.sort()).toEqual([...lines].sort());
    for (const n of lines)
      expect(await panel.locator(`li[data-line="${n}"] .text`).innerText()).toBe(
        seedLines[Number(n) - 1].trim()
      );
    await screenshot(page, 'source-finding');
    await page.keyboard.press('Escape');
  });

  it("shows a PDF figure's page, the line marked", async () => {
    const [d] = await queryData(
      `SELECT d.doc_id, d.unit_id, d.year, d.reception, f.source_lines, f.source_pages FROM disclosures d
       JOIN read_parquet('build/data/figure_sources.parquet') f ON f.doc_id = d.doc_id AND f.figure = 'reception'
       WHERE d.source_file LIKE '%putuo-wanli-2023-dept-budget.pdf'`
    );
    expect(d.source_pages).toBe('28');
    await open(`/unit/?v=1&unit=${d.unit_id}&y=${d.year}`);
    const row = page.locator('[data-testid="unit-figures-table"] tbody tr', { hasText: '公务接待费' });
    await expect(row.locator('[data-testid="source-ref"]').first().innerText()).resolves.toContain(
      '第 28 页'
    );
    const panel = await openSource(row);
    const ex = panel.locator('[data-testid="source-excerpt"]');
    await expect(ex.count()).resolves.toBe(1);
    await expect(ex.getAttribute('data-page')).resolves.toBe('28');
    expect(await ex.locator('h4').innerText()).toContain('第 28 页');
    const hit = ex.locator('li.hit');
    await expect(hit.getAttribute('data-line')).resolves.toBe(String(d.source_lines));
    expect(await hit.innerText()).toContain('1.35');
    // the whole page: every line the ingest read on page 28, in order
    const pageLines = await queryData(
      `SELECT line FROM read_parquet('build/data/source_text.parquet') WHERE doc_id = $1 AND page = 28 ORDER BY line`,
      [String(d.doc_id)]
    );
    expect(pageLines.length).toBeGreaterThan(1);
    const shown = await ex
      .locator('li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
    expect(shown).toEqual(pageLines.map((r) => Number(r.line)));
    await screenshot(page, 'source-pdf-page');
  });
});
