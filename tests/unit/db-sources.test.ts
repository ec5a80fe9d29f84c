// Source in place, in the browser's engine: a document's figure sources and referenced lines read with its
// doc_id bound (DuckDB-WASM 1.28.0 over the fixture's Parquet), and cut into the excerpts the unit page shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { writeFixture } from './helpers/db-fixture';
import { openWasmDb } from './helpers/wasm-node';
import * as q from '../../src/lib/db/queries';
import type { Db } from '../../src/lib/db/queries';
import { linesText, pagesText, sourceText } from '../../src/lib/i18n/sources';

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = await writeFixture();
  db = await openWasmDb(dir);
});
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('source queries', () => {
  it('bind the doc_id and read only that document', async () => {
    for (const query of [q.figureSourcesQuery('x'), q.sourceTextQuery('x')]) {
      expect(query.params).toEqual(['x']);
      expect(query.sql).not.toContain("'x'");
    }
    const figs = await db.query<q.FigureSourceRow>(q.figureSourcesQuery('u2-2023-budget'));
    expect(figs).toEqual([
      { figure: 'prev_reception', source_lines: '1092,1080', source_pages: '' },
      { figure: 'reception', source_lines: '755', source_pages: '' }
    ]);
    const text = await db.query<q.SourceTextRow>(q.sourceTextQuery('u2-2023-budget'));
    expect(text.map((r) => r.line)).toEqual([752, 753, 754, 755, 756, 757, 758]);
    expect(text[3]).toEqual({ line: 755, page: null, text: '公务接待费 19.75 19.75' });
    // a doc_id that is an injection attempt is just a value that matches nothing
    expect(await db.query(q.sourceTextQuery("u2-2023-budget' OR '1'='1"))).toEqual([]);
  });
});

describe('sourceExcerpts', () => {
  const text = (n: number, page: number | null = null) => ({ line: n, page, text: `L${n}` });
  it('shows a text line with the stored lines around it, the line marked', async () => {
    const rows = await db.query<q.SourceTextRow>(q.sourceTextQuery('u2-2023-budget'));
    const [ex, ...rest] = q.sourceExcerpts(rows, [755]);
    expect(rest).toEqual([]);
    expect(ex.page).toBeNull();
    expect(ex.hits).toEqual([755]);
    expect(ex.lines.map((l) => [l.line, l.hit])).toEqual([
      [752, false],
      [753, false],
      [754, false],
      [755, true],
      [756, false],
      [757, false],
      [758, false]
    ]);
  });
  it('merges overlapping windows, keeps distant ones apart, and says when a line was not stored', () => {
    const rows = [1, 3, 5, 7, 9, 11, 13, 40, 41, 42, 43, 44, 45, 46].map((n) => text(n));
    const ex = q.sourceExcerpts(rows, [43, 3, 5, 99]);
    expect(ex.map((e) => [e.hits, e.lines.map((l) => l.line)])).toEqual([
      [
        [3, 5],
        [1, 3, 5, 7, 9, 11]
      ],
      [[43], [40, 41, 42, 43, 44, 45, 46]],
      [[99], []]
    ]);
  });
  it('shows a PDF line with its whole page, and each page once', () => {
    const rows = [text(1, 1), text(2, 1), text(3, 2), text(4, 2), text(5, 2), text(6, 3)];
    const ex = q.sourceExcerpts(rows, [5, 3, 1]);
    expect(ex.map((e) => [e.page, e.hits, e.lines.map((l) => `${l.line}${l.hit ? '*' : ''}`)])).toEqual([
      [1, [1], ['1*', '2']],
      [2, [3, 5], ['3*', '4', '5*']]
    ]);
  });
  it('reads line lists as the tables write them', () => {
    expect(q.sourceLineList('1092,1080,1092')).toEqual([1092, 1080]);
    expect(q.sourceLineList(755)).toEqual([755]);
    expect(q.sourceLineList(null)).toEqual([]);
    expect(q.sourceLineList('')).toEqual([]);
  });
});

describe('source words', () => {
  it('name lines and pages in zh and en', () => {
    expect(linesText('zh', [759])).toBe('第 759 行');
    expect(linesText('en', [759])).toBe('line 759');
    expect(linesText('en', [1080, 1092])).toBe('lines 1080, 1092');
    expect(pagesText('zh', [28])).toBe('第 28 页');
    expect(sourceText('zh', [467], [28])).toBe('第 28 页 第 467 行');
    expect(sourceText('en', [467], [28])).toBe('page 28, line 467');
    expect(sourceText('en', [1, 2], [])).toBe('lines 1, 2');
  });
});
