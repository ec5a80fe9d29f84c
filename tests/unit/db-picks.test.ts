// docs_mem's pick flags (one document per unit and year) against the rule they stand for, written out as the
// anti-join it replaced: no other document of the same unit and year (and kind, and source, when those are
// filtered) ranks before it, a budget before a final account, then the smaller doc_id. Run on the browser's
// engine (DuckDB-WASM 1.28.0) over rows made to hit every case: one document, budget + final, two budgets,
// a NULL kind, a NULL unit, a unit with a published and a synthetic document in one year.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsMemSelect, manifestSeveral, pickColumn } from '../../src/lib/db/views';
import { openParquetDir, type WasmDb } from './helpers/wasm-db';

const ROWS: [string, string | null, number, string | null, string, string | null][] = [
  // doc_id, unit_id, year, kind, source_kind, region
  ['a1', 'A', 2023, 'budget', 'synthetic', '示例市'],
  ['b1', 'B', 2023, 'final', 'synthetic', null],
  ['b2', 'B', 2023, 'budget', 'synthetic', null],
  ['c2', 'C', 2023, 'budget', 'synthetic', '示例市'],
  ['c1', 'C', 2023, 'budget', 'synthetic', '示例市'],
  ['c3', 'C', 2023, 'final', 'synthetic', '示例市'],
  ['c4', 'C', 2024, 'final', 'synthetic', '示例市'],
  ['d1', 'D', 2023, null, 'synthetic', null],
  ['d2', 'D', 2023, null, 'synthetic', null],
  ['d3', 'D', 2023, 'final', 'synthetic', null],
  ['n1', null, 2023, 'budget', 'synthetic', null],
  ['n2', null, 2023, 'budget', 'synthetic', null],
  ['e2', 'E', 2023, 'budget', 'published', null],
  ['e1', 'E', 2023, 'final', 'synthetic', null],
  ['e3', 'E', 2023, 'budget', 'synthetic', null]
];

const lit = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`;
const VALUES = `SELECT * FROM (VALUES ${ROWS.map((r) => `(${r.map(lit).join(', ')})`).join(', ')})
  AS t(doc_id, unit_id, year, kind, source_kind, region)`;

const KR = (a: string) => `(CASE ${a}.kind WHEN 'budget' THEN 0 ELSE 1 END)`;
/** the rule, as the anti-join the views used before docs_mem */
const reference = (
  sameKind: boolean,
  sameSource: boolean
) => `SELECT d.doc_id FROM raw_docs d WHERE NOT EXISTS (
  SELECT 1 FROM raw_docs e WHERE e.unit_id = d.unit_id AND e.year = d.year
    ${sameKind ? 'AND e.kind = d.kind' : ''} ${sameSource ? 'AND e.source_kind = d.source_kind' : ''}
    AND (${KR('e')} < ${KR('d')} OR (${KR('e')} = ${KR('d')} AND e.doc_id < d.doc_id))
) ORDER BY 1`;

let dir: string;
let db: WasmDb;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-picks-'));
  db = await openParquetDir(dir);
  await db.query(`CREATE TABLE raw_docs AS ${VALUES}`);
  await db.query(`CREATE TABLE units AS SELECT * FROM (VALUES ('A', '示例市甲区', '区县级', '教育'), ('C', NULL, '市级', '公安'))
    AS t(unit_id, region, level, category)`);
  await db.query(`CREATE TABLE docs_mem AS ${docsMemSelect('SELECT * FROM raw_docs')}`);
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('docs_mem pick flags', () => {
  for (const [sameKind, sameSource] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true]
  ]) {
    const col = pickColumn(sameKind, sameSource);
    it(`${col}: the documents the anti-join keeps`, async () => {
      const want = (await db.query(reference(sameKind, sameSource))).map((r) => r.doc_id);
      const got = (await db.query(`SELECT doc_id FROM docs_mem WHERE ${col} ORDER BY 1`)).map(
        (r) => r.doc_id
      );
      expect(got).toEqual(want);
      expect(got.length).toBeLessThan(ROWS.length);
    });
  }

  it('every document once, with its unit’s region (else its own), level and category', async () => {
    const rows = await db.query('SELECT doc_id, _region, _level, _category FROM docs_mem');
    expect(rows).toHaveLength(ROWS.length);
    expect(rows.find((r) => r.doc_id === 'a1')).toEqual({
      doc_id: 'a1',
      _region: '示例市甲区',
      _level: '区县级',
      _category: '教育'
    });
    expect(rows.find((r) => r.doc_id === 'c1')).toMatchObject({ _region: '示例市', _level: '市级' });
    expect(rows.find((r) => r.doc_id === 'b1')).toMatchObject({ _region: null, _level: null });
    expect(new Set(rows.map((r) => r.doc_id)).size).toBe(ROWS.length);
  });

  it('without a unit-year of several documents (as the manifest states) every flag is true', async () => {
    await db.query(`CREATE TABLE single_docs AS SELECT * FROM raw_docs WHERE doc_id IN ('a1', 'b1', 'c4')`);
    await db.query(`CREATE TABLE docs_single AS ${docsMemSelect('SELECT * FROM single_docs', false)}`);
    const flags = 'doc_id, _region, _level, _pick, _pick_kind, _pick_source, _pick_kind_source';
    const cheap = await db.query(`SELECT ${flags} FROM docs_single ORDER BY doc_id`);
    await db.query(`CREATE TABLE docs_ranked AS ${docsMemSelect('SELECT * FROM single_docs')}`);
    expect(cheap).toEqual(await db.query(`SELECT ${flags} FROM docs_ranked ORDER BY doc_id`));
    expect(cheap.every((r) => r._pick && r._pick_kind && r._pick_source && r._pick_kind_source)).toBe(true);
    expect(manifestSeveral({ unit_years_with_several_documents: 0 })).toBe(false);
    expect(manifestSeveral({ unit_years_with_several_documents: 3 })).toBe(true);
    expect(manifestSeveral({})).toBe(true);
    expect(manifestSeveral(null)).toBe(true);
  });
});
