// The reader's own documents (issue 12), in real Chromium against the built site, with served data that holds
// neither document (the template fixture, ingested by the CLI, at /data/): a real published PDF (d04, 上海市
// 普陀区商务委员会 2025) and the real seed text go in through the file input, are read by the ingest in a Web
// Worker, and show in the ranking, the unit page with their findings, the source filter and the SQL console,
// marked as the reader's own; no request leaves 127.0.0.1 and none uploads; they come back after a reload;
// the export equals the CLI's output for the same two files; removing them removes them everywhere.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { sha256Hex } from '../../src/lib/ingest/sha256';
import { TABLES, TABLE_NAMES, parquetFile } from '../../src/lib/model';
import { screenshot, waitReady } from './browser';
import { useSession } from './session';

const ROOT = resolve(import.meta.dirname, '../..');
const D04 = resolve(ROOT, '../shared/realpdfs/docs/d04.pdf');
const SEED = join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt');
const FILES = ['000_f7859c67d4b429b5.txt', 'd04.pdf'];

type Row = Record<string, unknown>;
let work: string;
let server: { url: string; close: () => Promise<void> };
const ui = useSession({ site: () => server.url });
const { page, open } = ui;
const methods: string[] = [];
let cli: { commerce: Row; seed: Row; findings: Map<string, number> };

async function query(dir: string, sql: string, params: (string | number)[] = []): Promise<Row[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    for (const t of TABLE_NAMES)
      await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, parquetFile(t))}')`);
    return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

function ingest(out: string, inputs: string[], relativeTo?: string) {
  const args = ['tsx', 'src/cli/ingest.ts', '--out', out, '--quiet'];
  if (relativeTo) args.push('--relative-to', relativeTo);
  const r = spawnSync('npx', [...args, ...inputs], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
}

const statuses = () =>
  page.$$eval('[data-testid="local-documents"] > li', (els) =>
    els.map((e) => [e.getAttribute('data-file'), e.getAttribute('data-status')])
  );

async function bars(view: string): Promise<[string, number, string][]> {
  return page.$$eval(`[data-testid="chart-${view}"] [data-unit-id][data-value]`, (els) =>
    els.map(
      (e) =>
        [
          e.getAttribute('data-unit-id')!,
          Number(e.getAttribute('data-value')),
          e.getAttribute('data-local')!
        ] as [string, number, string]
    )
  );
}

const shared = existsSync(D04);

beforeAll(async () => {
  if (!shared) return;
  work = mkdtempSync(join(tmpdir(), 'gongkai-local-'));
  const inputs = join(work, 'inputs');
  mkdirSync(inputs);
  copyFileSync(SEED, join(inputs, FILES[0]));
  copyFileSync(D04, join(inputs, FILES[1]));
  ingest(join(work, 'served'), [join(ROOT, 'tests/fixtures/template-2024.txt')]);
  ingest(
    join(work, 'cli'),
    FILES.map((f) => join(inputs, f)),
    inputs
  );
  const units = await query(
    join(work, 'cli'),
    `SELECT unit_id, doc_id, unit_name, year, three_public_total, reception FROM disclosures ORDER BY unit_name`
  );
  const findings = await query(
    join(work, 'cli'),
    `SELECT doc_id, count(*)::INTEGER AS n FROM findings GROUP BY 1`
  );
  cli = {
    commerce: units.find((u) => u.unit_name === '上海市普陀区商务委员会')!,
    seed: units.find((u) => String(u.unit_name).includes('乌尔禾区人民政府办公室'))!,
    findings: new Map(findings.map((f) => [String(f.doc_id), Number(f.n)]))
  };
  server = await serveStatic(join(ROOT, 'build'), {
    host: '127.0.0.1',
    port: 0,
    mounts: { '/data/': join(work, 'served') }
  });
  page.on('request', (r) => methods.push(`${r.method()} ${r.url()}`));
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!shared)('the reader’s own documents', () => {
  it('reads d04.pdf and the seed through the file input, each line ok', async () => {
    expect(cli.commerce.three_public_total).toBe(1);
    expect(cli.seed.reception).toBe(19.75);
    await open('/ranking/');
    await expect(page.locator('[data-testid="local-limits"]').textContent()).resolves.toContain('50 MB');
    await page.setInputFiles('input[type=file][data-testid=add-documents]', [D04, SEED]);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="local-documents"] > li')].filter((e) =>
          ['ok', 'partial', 'rejected'].includes(e.getAttribute('data-status') ?? '')
        ).length === 2,
      null,
      { timeout: 120_000 }
    );
    expect(await statuses()).toEqual([
      ['d04.pdf', 'ok'],
      [FILES[0], 'ok']
    ]);
    await expect(page.locator('[data-testid="copy-link-local-note"]').isVisible()).resolves.toBe(true);
  });

  it('shows both units in the ranking, marked as the reader’s own', async () => {
    await open('/ranking/?v=1&y=2025&m=three_public_total');
    expect(await bars('ranking')).toContainEqual([cli.commerce.unit_id, 1, 'true']);
    await expect(page.locator('[data-testid="local-chart-note"]').count()).resolves.toBe(1);
    await screenshot(page, 'local-ranking');
    await open('/ranking/?v=1&y=2023&m=reception');
    expect(await bars('ranking')).toContainEqual([cli.seed.unit_id, 19.75, 'true']);
    // the source filter knows them
    await open('/ranking/?v=1&y=2023&m=reception&src=local');
    expect((await bars('ranking')).map((b) => b[0])).toEqual([cli.seed.unit_id]);
  });

  it('rebuilds each unit page with its tables and findings', async () => {
    for (const u of [cli.commerce, cli.seed]) {
      await open(`/unit/?v=1&unit=${u.unit_id}&y=${u.year}`);
      await expect(page.locator('[data-testid="unit-page"] h2').innerText()).resolves.toContain(
        String(u.unit_name)
      );
      await expect(
        page.locator('[data-testid="unit-page"] [data-testid="local-badge"]').count()
      ).resolves.toBe(1);
      // the CLI's findings of the document, one row each (the seed has 4; d04 states nothing contradictory)
      const n = cli.findings.get(String(u.doc_id)) ?? 0;
      if (u === cli.seed) expect(n).toBeGreaterThan(0);
      await expect(page.locator('[data-testid="unit-findings-table"] tbody tr').count()).resolves.toBe(n);
    }
    // the seed's 表6: 302 17 公务接待费 19.75 from source line 599
    const row = page.locator('[data-testid="unit-table-6"] tr', { hasText: '公务接待费' }).first();
    const cells = await row.locator('td').allInnerTexts();
    // its source is a button that shows the line in place (from the local source_text rows)
    expect(cells).toEqual(expect.arrayContaining(['30217', '19.75', '第 599 行']));
    await screenshot(page, 'local-unit');
  });

  it('gives the SQL console their rows', async () => {
    const q = encodeURIComponent(
      "SELECT count(*) AS n FROM disclosures d JOIN units u USING (unit_id) WHERE d.source_kind = 'local'"
    );
    await open(`/sql/?v=1&q=${q}`);
    await expect(page.locator('[data-testid="sql-result"] tbody td').first().innerText()).resolves.toBe('2');
  });

  it('keeps them after a reload', async () => {
    await page.reload();
    await waitReady(page);
    await open('/ranking/?v=1&y=2025&m=three_public_total');
    expect(await bars('ranking')).toContainEqual([cli.commerce.unit_id, 1, 'true']);
    expect((await statuses()).map((x) => x[1])).toEqual(['ok', 'ok']);
  });

  it('exports the same rows, ids and manifest as the CLI for the same two files', async () => {
    await page.locator('[data-testid="local-panel"] summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="local-export"]').click()
    ]);
    const zip = join(work, 'export.zip');
    await download.saveAs(zip);
    const dir = join(work, 'export');
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const cliDir = join(work, 'cli');
    for (const t of TABLE_NAMES) {
      const cols = TABLES[t].map((c) => `"${c.name}"`).join(', ');
      // the file's own order: no ORDER BY
      const sql = `SELECT ${cols} FROM read_parquet('%s')`;
      const mine = await query(dir, sql.replace('%s', join(dir, parquetFile(t))));
      const theirs = await query(cliDir, sql.replace('%s', join(cliDir, parquetFile(t))));
      expect(mine.length, t).toBe(theirs.length);
      expect(mine, t).toEqual(theirs);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const theirs = JSON.parse(readFileSync(join(cliDir, 'manifest.json'), 'utf8'));
    // the CLI also writes its docs view (derived from the tables; the browser makes its own from these)
    const facts = (m: Row) => ({ ...m, files: undefined, report: undefined, docs_view: undefined });
    expect(facts(manifest)).toEqual(facts(theirs));
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dir, f.file));
      expect(f.sha256).toBe(sha256Hex(bytes));
      expect(f.bytes).toBe(bytes.length);
    }
    const report = JSON.parse(readFileSync(join(dir, 'ingest-report.json'), 'utf8'));
    expect(report).toEqual(JSON.parse(readFileSync(join(cliDir, 'ingest-report.json'), 'utf8')));
    writeFileSync(join(work, 'ok'), '');
  });

  it('removes them everywhere', async () => {
    await page.locator('[data-testid="local-remove-all"]').click();
    await expect
      .poll(() => page.locator('[data-testid="local-documents"] > li').count(), { timeout: 30_000 })
      .toBe(0);
    await open('/ranking/?v=1&y=2025&m=three_public_total');
    expect((await bars('ranking')).map((b) => b[0])).not.toContain(cli.commerce.unit_id);
    await page.reload();
    await waitReady(page);
    await expect(page.locator('[data-testid="local-documents"] > li').count()).resolves.toBe(0);
    // the unit is unknown now: the page does not show it (it falls back to a unit the data holds)
    await open(`/unit/?v=1&unit=${cli.seed.unit_id}`);
    await expect(
      page.locator(`[data-testid="unit-page"][data-unit-id="${cli.seed.unit_id}"]`).count()
    ).resolves.toBe(0);
    const q = encodeURIComponent("SELECT count(*) AS n FROM disclosures WHERE source_kind = 'local'");
    await open(`/sql/?v=1&q=${q}`);
    await expect(page.locator('[data-testid="sql-result"] tbody td').first().innerText()).resolves.toBe('0');
  });

  it('sent nothing anywhere: every request to 127.0.0.1, none uploads', () => {
    const outside = ui.session.requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
    expect(outside).toEqual([]);
    const writes = methods.filter((m) => !/^(GET|HEAD) /.test(m));
    expect(writes).toEqual([]);
    // pdf.js's CMaps or fonts, when asked for, came from the app itself
    expect(methods.some((m) => m.includes('/_app/immutable/workers/'))).toBe(true);
  });
});
