// Issue 11: no internal name on screen or in a file, and every export says what it shows. The built site,
// the real DuckDB-WASM over the default data, Debian's Chromium; the downloads are read back as files.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { queryData, seedUnit } from './data';
import { parseCsv } from './csv';

const ui = useSession({ width: 1400, height: 1000 });
const page = ui.page;
let seed: { unit_id: string; doc_id: string; year: number };

/** Internal names that must not reach a reader: a cell (or header) that is one of them. */
const INTERNAL_CELL =
  /^(summary|income|functional|economic|project|three_public|narrative|income_current|fiscal_total|total|basic|personnel|public|budget|final|published|synthetic|department|unit|three_public_total|prev_[a-z_]+|[a-z_]+\.chg)$/;
/** The cells of a table's text (rows by line, cells by tab) that are internal names. */
const internalIn = (cells: string[]) => cells.map((c) => c.trim()).filter((c) => INTERNAL_CELL.test(c));
const cellsOf = (text: string) => text.split(/[\t\n]/);

async function open(path: string, lang: 'zh' | 'en' = 'zh') {
  await page.evaluate((l) => localStorage.setItem('gongkai.lang', l), lang).catch(() => {});
  await page.goto(ui.baseUrl + path);
  await page.evaluate((l) => localStorage.setItem('gongkai.lang', l), lang);
  await page.reload();
  await waitReady(page);
}

async function download(selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

beforeAll(async () => {
  seed = await seedUnit();
});

describe('names, not internal names', () => {
  it('the unit page in English names sections, measures, level and category', async () => {
    await open(`/unit/?v=1&unit=${seed.unit_id}`, 'en');
    const meta = await page.locator('[data-testid="unit-page"] .meta').innerText();
    expect(meta).toContain('District/county');
    expect(meta).not.toContain('区县级');
    const table3 = page.locator('[data-testid="unit-table-3"] table');
    const text = await table3.innerText();
    expect(text).toContain('By function');
    expect(text).toMatch(/\bBasic\b/);
    expect(internalIn(cellsOf(text))).toEqual([]);
    const t1 = await page.locator('[data-testid="unit-table-1"] table').innerText();
    expect(t1).toContain('Overview');
    expect(internalIn(cellsOf(t1))).toEqual([]);
    // its CSV: the same words, the document named under the rows
    const csv = parseCsv(
      (await download('[data-testid="unit-table-3"] [data-testid="export-csv"]')).bytes.toString('utf8')
    );
    expect(csv[0]).toContain('Section');
    const body = csv.filter((r) => !r[0].startsWith('#'));
    expect(internalIn(body.flat())).toEqual([]);
    const notes = csv.filter((r) => r[0].startsWith('# ')).map((r) => r[0]);
    expect(notes.join('\n')).toContain('乌尔禾区');
    expect(notes.join('\n')).toContain('Source file');
    await screenshot(page, 'ui-a-unit-en');
  });

  it('the ranking of a change shows the base it is computed from, named (no ".chg" column of dashes)', async () => {
    await open(`/ranking/?v=1&m=three_public_total.chg&y=${seed.year}`);
    await page.click('figure.chart [data-testid="toggle-table"]');
    const heads = await page.locator('[data-testid="table-ranking"] th').allInnerTexts();
    expect(heads.join('|')).not.toMatch(/\.chg|prev_/);
    expect(internalIn(heads)).toEqual([]);
    // the like-for-like base: the same kind's prior value (NULL, shown —, where no document states one)
    expect(heads).toContain('上年同口径数（万元）');
    const col = heads.indexOf('上年同口径数（万元）');
    const cells = await page
      .locator(`[data-testid="table-ranking"] tbody tr td:nth-child(${col + 1})`)
      .allInnerTexts();
    expect(cells.length).toBeGreaterThan(10);
    const stated = cells.filter((c) => c.trim() !== '—');
    expect(stated.length).toBeGreaterThan(10);
    for (const c of stated) expect(c.trim()).toMatch(/^-?[\d,]+(\.\d+)?$/);
  });
});

describe('self-describing exports', () => {
  it('the ranking CSV: readable headers, words for coded values, numbers at the source precision, notes', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}`);
    const file = await download('figure.chart [data-testid="export-csv"]');
    expect(file.name).toMatch(/\.csv$/);
    const rows = parseCsv(file.bytes.toString('utf8'));
    const head = rows[0];
    for (const h of ['单位名称', '级次', '类别', '类型', '来源', '公务接待费']) expect(head).toContain(h);
    expect(internalIn(head)).toEqual([]);
    expect(internalIn(rows.slice(1).flat())).toEqual([]);
    const body = rows.slice(1).filter((r) => r.length === head.length);
    expect(body.length).toBeGreaterThan(100);
    const src = head.indexOf('来源');
    const kinds = new Set(body.map((r) => r[head.indexOf('类型')]));
    for (const k of kinds) expect(['预算', '决算']).toContain(k);
    expect(new Set(body.map((r) => r[src]))).toEqual(new Set(['公开数据', '合成数据']));
    // every number as the data states it: at most 4 decimals (万元 to 4 places), no float noise
    const value = head.indexOf('公务接待费');
    for (const r of body) expect(r[value]).toMatch(/^-?\d+(\.\d{1,4})?$/);
    const seedRow = body.find((r) => r.some((c) => c.includes('乌尔禾区人民政府办公室')))!;
    expect(seedRow[value]).toBe('19.75');
    expect(seedRow[src]).toBe('公开数据');
    // notes after the rows: title, filters, data date, synthetic note
    const notes = rows.filter((r) => r[0].startsWith('# ')).map((r) => r[0]);
    expect(notes[0]).toContain(`${seed.year} 预算 公务接待费（万元）`);
    expect(notes.join('\n')).toMatch(/数据：20\d\d–20\d\d 年度的文档/);
    expect(notes.join('\n')).toContain('本图包含合成数据');
  });

  it('a per-capita CSV has no float noise from its division', async () => {
    await open(`/percapita/?v=1&y=${seed.year}`);
    const rows = parseCsv((await download('figure.chart [data-testid="export-csv"]')).bytes.toString('utf8'));
    const body = rows.slice(1).filter((r) => r.length === rows[0].length);
    expect(body.length).toBeGreaterThan(50);
    for (const c of body.flat()) expect(c).not.toMatch(/\d\.\d{5,}/);
  });

  it('SVG and PNG carry title, filters, data date and the synthetic note; a long real name is whole', async () => {
    await open(`/ranking/?v=1&m=reception&y=${seed.year}&src=published&src=synthetic`);
    const svg = (await download('figure.chart [data-testid="export-svg"]')).bytes.toString('utf8');
    expect(svg).toContain('data-testid="export-frame"');
    expect(svg).toContain(`${seed.year} 预算 公务接待费（万元）`);
    expect(svg).toContain('来源：公开数据、合成数据');
    expect(svg).toMatch(/数据：20\d\d–20\d\d 年度的文档/);
    expect(svg).toContain('本图包含合成数据');
    // the real unit's long name: every character of it in the image (wrapped into two lines, not cut)
    const [{ unit_name }] = await queryData(`SELECT unit_name FROM units WHERE unit_id = $1`, [seed.unit_id]);
    const texts = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join('');
    expect(texts).toContain(String(unit_name));
    expect(svg).not.toMatch(new RegExp(`${String(unit_name).slice(0, 6)}[^<]*…`));

    const png = (await download('figure.chart [data-testid="export-png"]')).bytes;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const chart = await page.locator('[data-testid="chart-ranking"]').boundingBox();
    // 2× the framed image: wider than nothing, taller than the chart alone (the header is in it)
    const w = png.readUInt32BE(16);
    const h = png.readUInt32BE(20);
    expect(w).toBe(Math.ceil(2 * Math.round(chart!.width)));
    expect(h).toBeGreaterThan(2 * chart!.height + 60);
  });
});
