// "From a folder of documents to your own dashboard", as the README walks through it: the ingest CLI on a folder
// (a published PDF, the real sample as text, and a spreadsheet it must name as skipped), then `npm start -- --data
// DIR` (scripts/start.mjs, built into its own folder here so the other e2e tests keep build/), then real Chromium
// on what it serves: the two units and their figures, and nothing else.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './session';

const SEED = 'data/disclosures/000_f7859c67d4b429b5.txt';
const PDF = 'data/disclosures/shanghai/putuo-commerce-2025-dept-budget.pdf';

let work: string;
let out: string;
let ingest: { status: number | null; stderr: string };
let server: ChildProcess | undefined;
let url = '';
const ui = useSession({ site: () => url });

/** Start `npm start -- --data out` (the script itself) and resolve with the URL it prints once serving. */
function start(dataDir: string, buildDir: string): Promise<string> {
  return new Promise((done, fail) => {
    server = spawn(process.execPath, ['scripts/start.mjs', '--data', dataDir], {
      env: { ...process.env, PORT: '0', GONGKAI_BUILD_DIR: buildDir },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let said = '';
    const listen = (d: Buffer) => {
      said += d.toString('utf8');
      const m = /serving \S+ on (http:\/\/127\.0\.0\.1:\d+)\//.exec(said);
      if (m) done(m[1]);
    };
    server.stdout!.on('data', listen);
    server.stderr!.on('data', listen);
    server.on('exit', (code) =>
      fail(new Error(`npm start exited ${code} before serving:\n${said.slice(-2000)}`))
    );
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gongkai-start-data-'));
  const docs = join(work, 'my-county');
  out = join(work, 'my-data');
  mkdirSync(docs);
  copyFileSync(SEED, join(docs, 'urho-office-2023-budget.txt'));
  copyFileSync(PDF, join(docs, 'commerce-2025-budget.pdf'));
  writeFileSync(join(docs, 'list-of-units.xlsx'), 'PK not a disclosure');
  const r = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'src/cli/ingest.ts', '--out', out, docs],
    { encoding: 'utf8' }
  );
  ingest = { status: r.status, stderr: r.stderr };
  url = await start(out, join(work, 'site'));
}, 600_000);

afterAll(async () => {
  server?.removeAllListeners('exit');
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm start -- --data DIR on a folder of your own documents', () => {
  it('the ingest reads both documents, names the spreadsheet it skipped and exits 2', () => {
    expect(ingest.status).toBe(2);
    expect(ingest.stderr).toContain('skipped 1 file (not read):');
    expect(ingest.stderr).toMatch(/skipped \S*list-of-units\.xlsx: unsupported file type \.xlsx/);
    expect(ingest.stderr).toMatch(/3 documents in [\d.]+ s .*: 2 ok, 0 partial, 1 rejected/);
  });

  it('serves that folder’s data and no other', async () => {
    const served = await (await fetch(`${url}/data/manifest.json`)).json();
    expect(served).toEqual(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(served.rows.disclosures).toBe(2);
  });

  it('shows both units in the ranking, and the seed’s 公务接待费 19.75 on its unit page', async () => {
    const { page, open } = ui;
    await open('/ranking/?v=1&m=three_public_total&y=2025');
    const names = await page
      .locator('[data-testid="chart-ranking"] [data-unit-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tip') ?? ''));
    expect(names.join(' ')).toContain('上海市普陀区商务委员会');
    await open('/ranking/?v=1&m=reception&y=2023');
    const row = page.locator('[data-testid="chart-ranking"] [data-unit-id]').first();
    const unitId = await row.getAttribute('data-unit-id');
    await open(`/unit/?v=1&unit=${unitId}`);
    await expect(page.locator('[data-testid="unit-page"] h2').innerText()).resolves.toContain(
      '乌尔禾区人民政府办公室'
    );
    const cells = await page
      .locator('[data-testid="unit-table-6"] tr', { hasText: '公务接待费' })
      .first()
      .locator('td')
      .allInnerTexts();
    expect(cells).toContain('19.75');
    expect(ui.session.requests.filter((r) => !r.startsWith(url) && !/^(data|blob):/.test(r))).toEqual([]);
  });
});

describe('npm start -- --data with a folder that is not an ingest output', () => {
  it('exits 1 and says how to make one', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--data', work], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('holds no manifest.json');
    expect(r.stderr).toContain(`npm run ingest -- --out ${work}`);
  });
});
