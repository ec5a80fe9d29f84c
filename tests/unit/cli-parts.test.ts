// The ingest command's pure parts: the input walk, the report, the duplicate rule, progress, option checks,
// and one file through ingestFileInto (read errors, unsupported files) without a child process.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverInputs, unsupportedReason } from '../../src/lib/ingest/files';
import {
  buildReport,
  countFigures,
  exitCodeOf,
  rejectDuplicates,
  rejectedEntry,
  type ReportEntry
} from '../../src/lib/ingest/report';
import { openShard } from '../../src/lib/ingest/parquet';
import { ingestFileInto } from '../../src/cli/ingest-file';
import { parseCli, UsageError } from '../../src/cli/ingest';
import { progressLine, startProgress } from '../../src/cli/progress';
import { FIGURE_NAMES, type DisclosureRow } from '../../src/lib/model';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-parts-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('discoverInputs', () => {
  it('walks folders recursively, sorted by path, keeping other types as unsupported and skipping hidden entries', () => {
    const d = tempDir();
    mkdirSync(join(d, 'b/c'), { recursive: true });
    mkdirSync(join(d, '.git'));
    for (const f of [
      'b/c/z.TXT',
      'b/a.html',
      'a.htm',
      'b/c/notes.json',
      'x.docx',
      '.git/h.txt',
      'b/.hidden.txt'
    ])
      writeFileSync(join(d, f), 'x');
    symlinkSync(join(d, 'a.htm'), join(d, 'b/link.txt'));
    const { files, missing } = discoverInputs([d]);
    expect(missing).toEqual([]);
    writeFileSync(join(d, 'b/c/y.PDF'), 'x');
    expect(files.map((f) => [f.file.slice(d.length + 1), f.unsupported ?? null])).toEqual([
      ['a.htm', null],
      ['b/a.html', null],
      ['b/c/notes.json', 'unsupported file type .json: gongkai reads .pdf, .txt, .html and .htm'],
      ['b/c/z.TXT', null],
      ['b/link.txt', null],
      ['x.docx', 'unsupported file type .docx: gongkai reads .pdf, .txt, .html and .htm']
    ]);
    expect(discoverInputs([join(d, 'b/c')]).files.map((f) => f.file.slice(d.length + 1))).toEqual([
      'b/c/notes.json',
      'b/c/y.PDF',
      'b/c/z.TXT'
    ]);
  });

  it('takes a named unsupported file as a rejected entry, names missing inputs, keeps each file once', () => {
    const d = tempDir();
    writeFileSync(join(d, 'doc.docx'), 'x');
    writeFileSync(join(d, 'doc.txt'), 'x');
    const { files, missing } = discoverInputs([
      join(d, 'doc.docx'),
      d,
      join(d, 'doc.txt'),
      join(d, 'nope.txt')
    ]);
    expect(missing).toEqual([join(d, 'nope.txt')]);
    expect(files.map((f) => [f.file.slice(d.length + 1), f.unsupported ?? null])).toEqual([
      ['doc.docx', 'unsupported file type .docx: gongkai reads .pdf, .txt, .html and .htm'],
      ['doc.txt', null]
    ]);
    const again = discoverInputs([`${d}/./`, `${d}//doc.txt`]).files.map((f) => f.file);
    expect(again).toEqual([`${d}/doc.docx`, `${d}/doc.txt`]);
    const relative = discoverInputs([join(d, 'doc.docx'), d], { relativeTo: d });
    expect(relative.files.map((f) => f.file)).toEqual(['doc.docx', 'doc.txt']);
    expect(unsupportedReason('README')).toBe(
      'unsupported file type (no extension): gongkai reads .pdf, .txt, .html and .htm'
    );
  });
});

const entry = (
  ord: number,
  file: string,
  docId: string | null,
  status: ReportEntry['status'] = 'ok'
): ReportEntry => ({
  ord,
  file,
  status,
  doc_id: docId,
  reasons: [],
  counts: { line_items: 10, projects: 2, findings: 1, figures: 5 }
});

describe('the report', () => {
  it('keeps the first of each doc_id and rejects later ones as duplicates', () => {
    const { entries, excluded } = rejectDuplicates([
      entry(0, 'a.txt', 'd1'),
      entry(1, 'b.txt', 'd2', 'partial'),
      rejectedEntry(2, 'c.txt', ['c.txt: no text']),
      entry(3, 'd.txt', 'd1'),
      entry(4, 'e.txt', 'd2')
    ]);
    expect(excluded).toEqual([3, 4]);
    expect(entries.map((e) => [e.status, e.reasons])).toEqual([
      ['ok', []],
      ['partial', []],
      ['rejected', ['c.txt: no text']],
      ['rejected', ['duplicate of a.txt']],
      ['rejected', ['duplicate of b.txt']]
    ]);
    expect(entries[3].counts).toEqual({ line_items: 0, projects: 0, findings: 0, figures: 0 });
  });

  it('totals the entries and picks the exit code', () => {
    const report = buildReport([
      entry(1, 'b.txt', 'd2', 'partial'),
      entry(0, 'a.txt', 'd1'),
      rejectedEntry(2, 'c', ['x'])
    ]);
    expect(report.entries.map((e) => e.file)).toEqual(['a.txt', 'b.txt', 'c']);
    expect(report.totals).toEqual({
      inputs: 3,
      ok: 1,
      partial: 1,
      rejected: 1,
      line_items: 20,
      projects: 4,
      findings: 2,
      figures: 10
    });
    expect(exitCodeOf(report.totals)).toBe(2);
    expect(exitCodeOf(buildReport([entry(0, 'a', 'd')]).totals)).toBe(0);
    expect(exitCodeOf(buildReport([]).totals)).toBe(0);
  });

  it('counts the non-null figure columns of a disclosure, prev_ figures included', () => {
    const row = Object.fromEntries(FIGURE_NAMES.map((n) => [n, null])) as unknown as DisclosureRow;
    expect(countFigures(row)).toBe(0);
    expect(countFigures({ ...row, reception: 19.75, overseas_travel: 0, prev_reception: 39.5 })).toBe(3);
    expect(countFigures(null)).toBe(0);
  });
});

describe('progress', () => {
  it('prints count/total, rate and ETA', () => {
    expect(progressLine(500, 2000, 2)).toBe('ingest: 500/2000 documents (25%), 250 docs/s, ETA 6 s');
    expect(progressLine(0, 10, 0)).toBe('ingest: 0/10 documents (0%), 0.0 docs/s, ETA ?');
    expect(progressLine(1000, 121000, 1)).toContain('ETA 2 min 0 s');
  });

  it('throttles updates and stays quiet for a single file', () => {
    let t = 0;
    const out: string[] = [];
    const p = startProgress({ total: 100, write: (s) => out.push(s), isTTY: true, now: () => t });
    for (let i = 1; i <= 100; i++) {
      t += 100;
      p.update(i);
    }
    expect(out.length).toBe(20); // one line each 500 ms over 10 s
    expect(out[0]).toContain('5/100');
    const single: string[] = [];
    const q = startProgress({ total: 1, write: (s) => single.push(s), isTTY: true, now: () => (t += 1000) });
    q.update(1);
    q.end();
    expect(single).toEqual([]);
  });
});

describe('options', () => {
  it('validates the command line', () => {
    expect(parseCli(['--out', 'o', 'a', 'b', '--jobs', '2'])).toEqual({
      out: 'o',
      inputs: ['a', 'b'],
      jobs: 2,
      sourceKind: undefined,
      relativeTo: undefined,
      quiet: false
    });
    expect(() => parseCli(['--out', 'o', '--jobs', '1.5', 'a'])).toThrow(UsageError);
    expect(() => parseCli(['--out', 'o', '--jobs', '65', 'a'])).toThrow(/at most 64/);
    expect(() => parseCli(['--out', '', 'a'])).toThrow(/--out DIR is required/);
  });
});

describe('ingestFileInto', () => {
  it('turns a file that cannot be read or is not supported into a rejected entry naming it', async () => {
    const d = tempDir();
    const shard = await openShard(d, 0);
    const gone = await ingestFileInto(shard, 0, { file: 'gone/doc.txt', path: join(d, 'gone.txt') }, {});
    expect(gone.status).toBe('rejected');
    expect(gone.reasons[0]).toMatch(/^cannot read gone\/doc\.txt: ENOENT/);
    const pdf = await ingestFileInto(
      shard,
      1,
      { file: 'x.doc', path: join(d, 'x.doc'), unsupported: 'unsupported' },
      {}
    );
    expect(pdf).toMatchObject({ status: 'rejected', reasons: ['unsupported'] });
    await shard.finish();
  });
});
