// The 35 real published pages in ../shared/realdocs (not copied into the project): the real ingest CLI writes
// Parquet, the shared scorer compares it with the hand-read figures. No wrong figure; at least 90% right.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const DOCS = join(SHARED, 'realdocs/docs');
const SCORER = join(SHARED, 'tools/score-realdocs.mjs');
const out = mkdtempSync(join(tmpdir(), 'gongkai-realdocs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!existsSync(DOCS) || !existsSync(SCORER))('real published pages', () => {
  it('ingests every page and scores no wrong figure, ≥ 90% of stated fields right', () => {
    const ingest = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/ingest.ts', '--out', out, DOCS],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    );
    expect(ingest.status, ingest.stderr).toBe(0);
    const score = spawnSync(process.execPath, [SCORER, out, join(SHARED, 'realdocs/truth.csv')], {
      cwd: ROOT,
      encoding: 'utf8'
    });
    const line = score.stdout.split('\n').find((l) => l.startsWith('realdocs:')) ?? '';
    console.log(line);
    const m = /(\d+)\/(\d+) stated fields right .* (\d+) wrong/.exec(line);
    expect(m, score.stdout).not.toBeNull();
    const [, right, stated, wrong] = m!.map(Number);
    expect(wrong, score.stdout).toBe(0);
    expect(right / stated).toBeGreaterThanOrEqual(0.9);
    expect(score.status).toBe(0);
  }, 120_000);
});
