// The generate CLI: argument checking, the files it writes, nothing half-written left behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGenerateArgs, runGenerate } from '../../src/cli/generate';
import { generateCorpus } from '../../src/lib/generate/index';

const root = mkdtempSync(join(tmpdir(), 'gongkai-gen-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run generate', () => {
  it('parses the documented options and rejects bad ones with the usage', () => {
    const a = parseGenerateArgs([
      '--out',
      'x',
      '--units',
      '12',
      '--years',
      '2019-2024',
      '--seed',
      'S',
      '--inconsistency-rate',
      '0.1'
    ]);
    expect(a).toMatchObject({
      out: 'x',
      units: 12,
      firstYear: 2019,
      lastYear: 2024,
      seed: 'S',
      inconsistencyRate: 0.1
    });
    expect(parseGenerateArgs(['--out=y', '--years=2023']).firstYear).toBe(2023);
    expect(() => parseGenerateArgs(['--units', '3'])).toThrow(/--out is required[\s\S]*usage/);
    expect(() => parseGenerateArgs(['--out', 'x', '--units', '0'])).toThrow(/positive integer/);
    expect(() => parseGenerateArgs(['--out', 'x', '--years', '2024-2019'])).toThrow(/before/);
    expect(() => parseGenerateArgs(['--out', 'x', '--inconsistency-rate', '2'])).toThrow(/between 0 and 1/);
    expect(() => parseGenerateArgs(['--out', 'x', '--colour', 'red'])).toThrow(/unknown option --colour/);
  });

  it("writes each unit-year's documents and one truth file each, and nothing else", async () => {
    const out = join(root, 'fresh');
    const r = await runGenerate({
      out,
      units: 4,
      firstYear: 2022,
      lastYear: 2024,
      seed: 'cli',
      inconsistencyRate: 0.03,
      quiet: true
    });
    // each of the 12 unit-years has a budget, a final account or both
    const n = [
      ...generateCorpus({ units: 4, firstYear: 2022, lastYear: 2024, seed: 'cli', inconsistencyRate: 0.03 })
    ].length;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(r.documents).toBe(n);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(n);
    expect(files.filter((f) => f.endsWith('.truth.json'))).toHaveLength(n);
    expect(new Set(files.map((f) => f.slice(0, 11))).size).toBe(12);
    expect(files).toHaveLength(2 * n);
    expect(readdirSync(root).filter((f) => f.includes('generating'))).toEqual([]);
    const truth = JSON.parse(
      readFileSync(
        join(
          out,
          files.find((f) => f.endsWith('.truth.json'))!
        ),
        'utf8'
      )
    );
    expect(truth.source_kind).toBe('synthetic');
    const doc = files.find((f) => f.endsWith('.txt'))!;
    expect(readFileSync(join(out, doc), 'utf8').split('\n')[0]).toBe(
      '# synthetic: gongkai generator seed=cli'
    );
  });

  it('into a folder that already holds files: keeps them, leaves no temp files, same bytes as a fresh run', async () => {
    const out = join(root, 'busy');
    await runGenerate({
      out: join(root, 'ref'),
      units: 2,
      firstYear: 2023,
      lastYear: 2023,
      seed: 'z',
      quiet: true
    });
    rmSync(out, { recursive: true, force: true });
    await runGenerate({ out, units: 1, firstYear: 2020, lastYear: 2020, seed: 'z', quiet: true });
    writeFileSync(join(out, 'keep.me'), 'x');
    await runGenerate({ out, units: 2, firstYear: 2023, lastYear: 2023, seed: 'z', quiet: true });
    const files = readdirSync(out);
    expect(files).toContain('keep.me');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(join(root, 'ref')))
      expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(root, 'ref', f), 'utf8'));
  });

  it('gives the same files on two threads as on one', async () => {
    const one = join(root, 'one');
    const two = join(root, 'two');
    await runGenerate({
      out: one,
      units: 5,
      firstYear: 2023,
      lastYear: 2024,
      seed: 'jobs',
      quiet: true,
      jobs: 1
    });
    const r = await runGenerate({
      out: two,
      units: 5,
      firstYear: 2023,
      lastYear: 2024,
      seed: 'jobs',
      quiet: true,
      jobs: 2
    });
    expect(r.jobs).toBe(2);
    const files = readdirSync(one).sort();
    expect(readdirSync(two).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
    expect(() => parseGenerateArgs(['--out', 'x', '--jobs', '0'])).toThrow(/--jobs/);
  });
});
