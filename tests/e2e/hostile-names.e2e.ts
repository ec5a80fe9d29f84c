// Hostile unit names (issue 10): copies of the template fixture whose unit is named like a spreadsheet
// formula, an HTML tag, a script, a right-to-left override or one long unbreakable word go through the real
// ingest CLI; the built site serves that Parquet at /data/ and real Chromium opens every view on it. The names
// must stay inert text everywhere: no markup, no script run, no dialog, no reordered text, no table pushed out
// of its card, every CSV cell a spreadsheet would evaluate quote-prefixed, the SVG with the names escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { serveStatic } from '../../scripts/static-server.mjs';
import { screenshot } from './browser';
import { useSession } from './session';
import { parseCsv } from './csv';

const TEMPLATE_UNIT = '示例市测试局';
const LONG_WORD = 'W'.repeat(56) + '示例局';
const IMG = '<img/src/onerror=window.__pwned=1>示例局';
const SCRIPT = '示例<script>window.__pwned=1</script>局';
const FORMULA = '=1+1+cmd|局';

/** Each name as written in the document, and as the ingest stores it (null: no name found). */
const NAMES: { written: string; stored: string | null }[] = [
  { written: FORMULA, stored: FORMULA },
  // the ingest writes ASCII parentheses in names as full-width ones
  { written: '@SUM(A1)示例局', stored: '@SUM（A1）示例局' },
  { written: '+示例局', stored: '+示例局' },
  { written: '-示例局', stored: '-示例局' },
  // bidi controls are removed in the normalisation
  { written: '示例\u202E市反向局', stored: '示例市反向局' },
  // white space inside a name is removed (a name is never spaced), parentheses made full-width
  { written: '<img src=x onerror=alert(1)>示例局', stored: '<imgsrc=xonerror=alert（1）>示例局' },
  // an <img> that stays a live payload after the ingest's clean-up, were it ever parsed as HTML
  { written: IMG, stored: IMG },
  { written: SCRIPT, stored: SCRIPT },
  { written: LONG_WORD, stored: LONG_WORD },
  // names over 60 characters are not taken for a unit name: the record is kept without one
  { written: '长'.repeat(78) + '示例局', stored: null }
];
const STORED = NAMES.map((n) => n.stored).filter((n): n is string => n !== null);
const YEARS = [2023, 2024];

let work: string;
let out: string;
let server: { url: string; close: () => Promise<void> };
// after the tests: no dialog, no script error, nothing outside 127.0.0.1
const ui = useSession({ width: 1000, height: 900, site: () => server.url });
const page = ui.page;
const unitIds = new Map<string, string>();
const figures = new Map<string, number>(); // stored name → its 2024 三公 total

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    for (const t of ['disclosures', 'units'])
      await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(out, `${t}.parquet`)}')`);
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  const inputs = join(work, 'in');
  out = join(work, 'out');
  mkdirSync(inputs);
  const template = readFileSync('tests/fixtures/template-2024.txt', 'utf8');
  NAMES.forEach(({ written }, i) => {
    for (const year of YEARS) {
      let text = template.split(TEMPLATE_UNIT).join(written).split('2024').join(String(year));
      // the older year's narrative states another 三公 total than its table: a finding for the quality view
      if (year !== 2024)
        text = text.replace('“三公”经费预算数为 15.00 万元', '“三公”经费预算数为 16.00 万元');
      writeFileSync(join(inputs, `unit${i}-${year}.txt`), text);
    }
  });
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'src/cli/ingest.ts',
      '--out',
      out,
      '--source-kind',
      'synthetic',
      '--quiet',
      inputs
    ],
    { encoding: 'utf8' }
  );
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
  for (const row of await query(`SELECT unit_id, unit_name FROM units WHERE unit_name IS NOT NULL`))
    unitIds.set(String(row.unit_name), String(row.unit_id));
  for (const row of await query(
    `SELECT unit_name, three_public_total FROM disclosures WHERE year = 2024 AND unit_name IS NOT NULL`
  ))
    figures.set(String(row.unit_name), Number(row.three_public_total));

  server = await serveStatic('build', { host: '127.0.0.1', port: 0, mounts: { '/data/': out } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(path: string) {
  await ui.open(path);
  await expect(page.locator('[data-testid="load-error"]').count()).resolves.toBe(0);
}

/** The page as it stands: nothing a name could have turned into markup or script, no bidi control. */
async function expectInert(): Promise<string> {
  const got = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    markup: document.querySelectorAll('main img, main script, main iframe, main object, main embed').length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    text: document.querySelector('main')?.textContent ?? '',
    body: document.body.textContent ?? '',
    title: document.title,
    // a long name never makes the page scroll sideways
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
  }));
  expect(got.overflow).toBeLessThanOrEqual(0);
  expect(got.pwned).toBeUndefined();
  expect(got.markup).toBe(0);
  expect(got.handlers).toBe(0);
  expect(got.body + got.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  expect(ui.dialogs).toEqual([]);
  return got.text;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Every cell a spreadsheet would evaluate is quote-prefixed; gives the parsed rows. */
function expectNeutralCsv(text: string): string[][] {
  const rows = parseCsv(text);
  expect(rows.length).toBeGreaterThan(0);
  const live = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !PLAIN_NUMBER.test(c));
  expect(live).toEqual([]);
  return rows;
}

/** Click an export button and give the downloaded file's text. */
async function download(selector: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await dl.path(), 'utf8');
}

describe('the ingest', () => {
  it('keeps each hostile name as text, strips the bidi override, refuses an over-long name', async () => {
    const stored = (await query(`SELECT DISTINCT unit_name FROM units ORDER BY 1`)).map((r) => r.unit_name);
    expect(new Set(stored)).toEqual(new Set([...STORED, null]));
    expect(stored.some((n) => typeof n === 'string' && n.includes('\u202E'))).toBe(false);
    const report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as {
      entries: { file: string; status: string; reasons: string[] }[];
    };
    const unnamed = report.entries.filter((e) => e.status !== 'ok');
    expect(unnamed.map((e) => e.file.replace(/^.*\//, '')).sort()).toEqual([
      'unit9-2023.txt',
      'unit9-2024.txt'
    ]);
    for (const e of unnamed) expect(e.reasons).toContain('unit name not found');
    expect(figures.get(FORMULA)).toBe(15);
  });
});

describe('every view', () => {
  it('ranking: names as text in chart and table, the table in its card, CSV and SVG neutralised', async () => {
    await open('/ranking/?v=1&y=2024');
    let text = await expectInert();
    // chart labels may be shortened: the <img> name is drawn as text
    expect(text).toContain('<img/src');
    await page.click('figure.chart [data-testid="toggle-table"]');
    text = await expectInert();
    for (const name of STORED) expect(text).toContain(name);
    await expect(
      page.locator('[data-testid="table-ranking"] td bdi', { hasText: IMG }).first().innerText()
    ).resolves.toBe(IMG);
    // the long word wraps inside its cell: the table's scroll box stays within its card (a table with many
    // columns scrolls sideways inside it)
    const box = await page.evaluate((word) => {
      const fig = document.querySelector('figure.chart')!.getBoundingClientRect();
      const table = document
        .querySelector('[data-testid="table-ranking"]')!
        .parentElement!.getBoundingClientRect();
      const cell = [...document.querySelectorAll('[data-testid="table-ranking"] td bdi')]
        .find((b) => b.textContent === word)!
        .closest('td')!;
      const lineHeight = parseFloat(getComputedStyle(cell).lineHeight) || 20;
      return {
        figRight: fig.right,
        tableRight: table.right,
        cellHeight: cell.getBoundingClientRect().height,
        lineHeight
      };
    }, LONG_WORD);
    expect(box.tableRight).toBeLessThanOrEqual(box.figRight);
    expect(box.cellHeight).toBeGreaterThan(1.5 * box.lineHeight);
    await screenshot(page, 'hostile-ranking-table');

    const rows = expectNeutralCsv(await download('figure.chart [data-testid="export-csv"]'));
    const cells = rows.flat();
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain(`'@SUM（A1）示例局`);
    expect(cells).toContain(`'+示例局`);
    expect(cells).toContain(`'-示例局`);
    expect(cells).toContain(IMG);
    expect(cells).toContain(SCRIPT);
    // numbers unchanged: the formula unit's row holds its 三公 total as a plain number
    const formulaRow = rows.find((r) => r.includes(`'${FORMULA}`))!;
    expect(formulaRow).toContain(String(figures.get(FORMULA)));

    await page.click('figure.chart [data-testid="toggle-table"]');
    const svg = await download('figure.chart [data-testid="export-svg"]');
    expect(svg).not.toMatch(/<(script|img|iframe|foreignObject)\b/i);
    expect(svg).toContain('&lt;img/src');
    expect(svg).not.toContain('\u202E');
  });

  it('trends, composition, staffing, per capita draw with the names inert', async () => {
    const ids = STORED.map((n) => `u=${unitIds.get(n)}`).join('&');
    for (const path of [
      `/trends/?v=1&${ids}`,
      '/composition/?v=1&y=2024',
      '/staffing/?v=1&y=2024',
      '/percapita/?v=1&y=2024'
    ]) {
      await open(path);
      const text = await expectInert();
      expect(await page.locator('figure.chart svg [data-unit-id]').count()).toBeGreaterThan(0);
      expect(text, path).toMatch(/<img\/src|示例<script>|=1\+1\+cmd/);
      await page.click('figure.chart [data-testid="toggle-table"]');
      const table = await expectInert();
      expect(table, path).toContain(IMG);
      expect(table, path).toContain(SCRIPT);
      expectNeutralCsv(await download('figure.chart [data-testid="export-csv"]'));
    }
  });

  it('benchmark of a hostile unit', async () => {
    await open(`/benchmark/?v=1&unit=${unitIds.get(IMG)}&peers=all`);
    const text = await expectInert();
    expect(text).toContain(IMG);
    expect(await page.locator('[data-testid="chart-benchmark"] [data-metric]').count()).toBeGreaterThan(0);
    expectNeutralCsv(await download('figure.chart [data-testid="export-csv"]'));
  });

  it('the unit page of each hostile unit shows its name as its heading, its CSVs neutralised', async () => {
    for (const name of STORED) {
      await open(`/unit/?v=1&unit=${unitIds.get(name)}&y=2024`);
      await expectInert();
      const h2 = page.locator('[data-testid="unit-page"] h2 bdi');
      await expect(h2.innerText()).resolves.toBe(name);
      // the heading stays within the page
      const [head, article] = await Promise.all([
        h2.boundingBox(),
        page.locator('[data-testid="unit-page"]').boundingBox()
      ]);
      expect(head!.x + head!.width).toBeLessThanOrEqual(article!.x + article!.width + 1);
      await expect(page.locator('[data-testid="unit-figures"] tbody tr').count()).resolves.toBeGreaterThan(0);
    }
    await screenshot(page, 'hostile-unit');
    await open(`/unit/?v=1&unit=${unitIds.get(FORMULA)}&y=2023`);
    for (const block of ['unit-findings', 'unit-figures', 'unit-table-1']) {
      const rows = expectNeutralCsv(await download(`[data-testid="${block}"] [data-testid="export-csv"]`));
      expect(rows.length, block).toBeGreaterThan(1);
    }
  });

  it('quality: the findings name the units as text, the CSV neutralised', async () => {
    await open('/quality/?v=1');
    const text = await expectInert();
    for (const name of [FORMULA, IMG, SCRIPT, '+示例局', '-示例局']) expect(text).toContain(name);
    await screenshot(page, 'hostile-quality');
    const csvs = await page.locator('[data-testid="export-csv"]').count();
    expect(csvs).toBeGreaterThan(0);
    let names = 0;
    for (let i = 0; i < csvs; i++) {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="export-csv"]').nth(i).click()
      ]);
      const cells = expectNeutralCsv(readFileSync(await dl.path(), 'utf8')).flat();
      if (cells.includes(`'${FORMULA}`)) names++;
      expect(cells).not.toContain(FORMULA);
    }
    expect(names).toBeGreaterThan(0);
  });

  it('the SQL console shows unit_name as text and neutralises its CSV', async () => {
    await open(
      `/sql/?v=1&q=${encodeURIComponent('SELECT unit_name, year FROM disclosures ORDER BY unit_name, year')}`
    );
    await page.locator('[data-testid="sql-result-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    const text = await expectInert();
    for (const name of STORED) expect(text).toContain(name);
    const cells = expectNeutralCsv(
      await download('[data-testid="sql-result"] [data-testid="export-csv"]')
    ).flat();
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain(IMG);
    expect(cells).toContain('2024');
  });
});
