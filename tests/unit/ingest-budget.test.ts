// The per-document time and memory budgets of the ingest's worker threads (every run parses in at least one):
// a document that parses for longer than the time budget, or needs more heap than the memory budget, is
// rejected with its name and the reason, its worker is replaced, and the batch goes on with the same output as
// without that document.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runIngest } from '../../src/cli/ingest';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = readFileSync(join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt'), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Distinct copies of the seed: n + 1 blank lines in front shift its line numbers (a new doc_id). */
const copy = (n: number) => '\n'.repeat(n + 1) + SEED;

const quietIo = { stderr: () => {}, isTTY: false };
const files = (dir: string) =>
  Object.fromEntries(
    ['disclosures', 'line_items', 'projects', 'findings', 'units'].map((t) => [
      t,
      readFileSync(join(dir, `${t}.parquet`)).toString('hex')
    ])
  );

describe('per-document time budget (worker threads)', () => {
  it('rejects the document over the budget, replaces its worker and keeps every other document', async () => {
    const withBig = join(root, 'with-big');
    const without = join(root, 'without');
    mkdirSync(withBig);
    mkdirSync(without);
    for (let i = 0; i < 12; i++) {
      const name = `${i < 6 ? 'a' : 'z'}-${String(i).padStart(2, '0')}.txt`;
      writeFileSync(join(withBig, name), copy(i));
      writeFileSync(join(without, name), copy(i));
    }
    // ~15 MB of text: seconds of parsing, far over a 1.5 s budget
    writeFileSync(join(withBig, 'm-big.txt'), SEED.repeat(400));
    const old = process.env.GONGKAI_INGEST_BUDGET_S;
    process.env.GONGKAI_INGEST_BUDGET_S = '1.5';
    try {
      const t = performance.now();
      const a = await runIngest(
        ['--out', join(root, 'out-a'), '--jobs', '2', '--quiet', '--relative-to', withBig, withBig],
        quietIo
      );
      const seconds = (performance.now() - t) / 1000;
      const b = await runIngest(
        ['--out', join(root, 'out-b'), '--jobs', '2', '--quiet', '--relative-to', without, without],
        quietIo
      );
      const big = a.report!.entries.find((e) => e.file.endsWith('m-big.txt'))!;
      expect(big.status).toBe('rejected');
      expect(big.reasons.join(' ')).toMatch(/m-big\.txt: over the time budget of 1\.5 s/);
      const others = a.report!.entries.filter((e) => e !== big);
      expect(others).toHaveLength(12);
      for (const e of others) expect([e.file, e.status, e.reasons]).toEqual([e.file, 'ok', []]);
      expect(a.manifest!.rows).toEqual(b.manifest!.rows);
      // byte-identical Parquet: the documents of the lost shard were parsed again into the new one
      const [fa, fb] = [files(join(root, 'out-a')), files(join(root, 'out-b'))];
      for (const t of Object.keys(fa)) expect(fa[t] === fb[t], t).toBe(true);
      expect(seconds).toBeLessThan(30);
    } finally {
      if (old === undefined) delete process.env.GONGKAI_INGEST_BUDGET_S;
      else process.env.GONGKAI_INGEST_BUDGET_S = old;
    }
  }, 60_000);
});

describe('per-worker memory budget', () => {
  it('rejects the document over the budget in a one-job run, and the output equals a run without it', async () => {
    const withBig = join(root, 'mem-with-big');
    const without = join(root, 'mem-without');
    mkdirSync(withBig);
    mkdirSync(without);
    for (let i = 0; i < 6; i++) {
      const name = `${i < 3 ? 'a' : 'z'}-${String(i).padStart(2, '0')}.txt`;
      writeFileSync(join(withBig, name), copy(i));
      writeFileSync(join(without, name), copy(i));
    }
    // ~16 MB of text: its parse needs far more than a 64 MB heap (a one-page document needs a few MB)
    writeFileSync(join(withBig, 'm-big.txt'), SEED.repeat(400));
    const old = process.env.GONGKAI_INGEST_MEMORY_MB;
    process.env.GONGKAI_INGEST_MEMORY_MB = '64';
    try {
      const t = performance.now();
      // no --jobs: under 200 files, one worker thread, under the same budgets
      const a = await runIngest(
        ['--out', join(root, 'mem-a'), '--quiet', '--relative-to', withBig, withBig],
        quietIo
      );
      const seconds = (performance.now() - t) / 1000;
      const b = await runIngest(
        ['--out', join(root, 'mem-b'), '--quiet', '--relative-to', without, without],
        quietIo
      );
      expect([a.jobs, a.exitCode, b.exitCode]).toEqual([1, 2, 0]);
      const big = a.report!.entries.find((e) => e.file.endsWith('m-big.txt'))!;
      expect(big.status).toBe('rejected');
      expect(big.reasons.join(' ')).toMatch(/m-big\.txt: over the memory budget of 64 MB/);
      const others = a.report!.entries.filter((e) => e !== big);
      expect(others).toHaveLength(6);
      for (const e of others) expect([e.file, e.status, e.reasons]).toEqual([e.file, 'ok', []]);
      expect(others).toEqual(b.report!.entries);
      expect(a.manifest!.rows).toEqual(b.manifest!.rows);
      const [fa, fb] = [files(join(root, 'mem-a')), files(join(root, 'mem-b'))];
      for (const t of Object.keys(fa)) expect(fa[t] === fb[t], t).toBe(true);
      expect(seconds).toBeLessThan(20);
    } finally {
      if (old === undefined) delete process.env.GONGKAI_INGEST_MEMORY_MB;
      else process.env.GONGKAI_INGEST_MEMORY_MB = old;
    }
  }, 60_000);
});
