// The docs view the ingest writes (docs_view.parquet, model/docs-view.ts) is what the browser would have made
// at start from disclosures and units: the same rows and values, read by DuckDB-WASM 1.28.0. A folder
// without it (written before it existed) still opens, with docs_mem made in the engine. The unit page's
// source tables are made on first use.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_VIEW_EXTRA, DOCS_VIEW_FILE, docsViewSelect } from '../../src/lib/model';
import { openParquetDir, type WasmDb } from './helpers/wasm-db';
import { openWasmData } from './helpers/wasm-node';
import { figureSourcesQuery, sourceTextQuery } from '../../src/lib/db/sources';

const DATA = 'data/parquet';
let db: WasmDb;
let manifest: { rows: Record<string, number>; docs_view?: { file: string; rows: number; bytes: number } };

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8'));
  db = await openParquetDir(DATA);
  await db.query(`CREATE TABLE units AS SELECT * FROM 'units.parquet'`);
});
afterAll(() => db?.close());

const computed = docsViewSelect(`SELECT * FROM 'disclosures.parquet'`);

describe('the ingest’s docs view', () => {
  it('is listed in the manifest with its rows and bytes', () => {
    expect(manifest.docs_view?.file).toBe(DOCS_VIEW_FILE);
    expect(manifest.docs_view?.rows).toBe(manifest.rows.disclosures);
    expect(manifest.docs_view?.bytes).toBe(readFileSync(join(DATA, DOCS_VIEW_FILE)).length);
  });

  it('has the columns, in order and of the types, the browser’s own docs_mem has', async () => {
    const mine = await db.query(`DESCRIBE SELECT * FROM '${DOCS_VIEW_FILE}'`);
    const theirs = await db.query(`DESCRIBE ${computed}`);
    expect(mine.map((r) => [r.column_name, r.column_type])).toEqual(
      theirs.map((r) => [r.column_name, r.column_type])
    );
    const names = mine.map((r) => r.column_name);
    for (const c of DOCS_VIEW_EXTRA) expect(names).toContain(c);
  });

  it('holds the same rows and values as docs_mem made from disclosures and units in DuckDB-WASM', async () => {
    const differ = async (a: string, b: string) =>
      Number((await db.query(`SELECT count(*)::INTEGER AS n FROM (${a} EXCEPT ALL ${b})`))[0].n);
    const file = `SELECT * FROM '${DOCS_VIEW_FILE}'`;
    expect(await differ(computed, file)).toBe(0);
    expect(await differ(file, computed)).toBe(0);
    // it is not trivially equal: some documents have a prior from last year's document, some are not picked
    const [r] = await db.query(
      `SELECT count(*) FILTER (WHERE NOT _pick)::INTEGER AS unpicked,
        count(*) FILTER (WHERE _prior_src_total_expenditure = 'prior_doc')::INTEGER AS from_prior_doc,
        count(*) FILTER (WHERE _prior_src_three_public_total = 'stated')::INTEGER AS stated
       FROM '${DOCS_VIEW_FILE}'`
    );
    expect(Number(r.unpicked)).toBeGreaterThan(0);
    expect(Number(r.from_prior_doc)).toBeGreaterThan(0);
    expect(Number(r.stated)).toBeGreaterThan(0);
  });
});

describe('a folder without a docs view', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-no-docs-view-'));
    cpSync(DATA, dir, { recursive: true, dereference: true });
    rmSync(join(dir, DOCS_VIEW_FILE));
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    delete m.docs_view;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with docs_mem made in the engine, equal to the one read from the file', async () => {
    const without = await openWasmData(dir);
    const withView = await openWasmData(DATA);
    try {
      expect(without.plan.docsView).toBe(false);
      expect(withView.plan.docsView).toBe(true);
      const rows = (d: typeof without) =>
        d.db.query<Record<string, unknown>>({
          sql: 'SELECT * FROM docs_mem ORDER BY doc_id',
          params: []
        });
      const [a, b] = [await rows(without), await rows(withView)];
      expect(a.length).toBe(manifest.rows.disclosures);
      expect(a).toEqual(b);
    } finally {
      await without.db.close();
      await withView.db.close();
    }
  });
});

describe('views made when first needed', () => {
  it('makes the unit page’s tables (source_text, figure_sources, line_items, projects) on the first query that names them, not at start', async () => {
    const { db: lazy } = await openWasmData(DATA, { deferred: true });
    const { db: eager } = await openWasmData(DATA);
    try {
      const views = async () =>
        (
          await lazy.query<{ view_name: string }>({
            sql: `SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`,
            params: []
          })
        ).map((r) => r.view_name);
      for (const t of ['source_text', 'figure_sources', 'line_items', 'projects'])
        expect(await views()).not.toContain(t);
      const [{ doc_id }] = await lazy.query<{ doc_id: string }>({
        sql: 'SELECT doc_id FROM disclosures ORDER BY doc_id LIMIT 1',
        params: []
      });
      const text = sourceTextQuery(doc_id);
      const rows = await lazy.query(text);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await eager.query(text));
      expect(await views()).toContain('source_text');
      expect(await views()).not.toContain('figure_sources');
      expect(await lazy.query(figureSourcesQuery(doc_id))).toEqual(
        await eager.query(figureSourcesQuery(doc_id))
      );
      expect(await views()).toContain('figure_sources');
    } finally {
      await lazy.close();
      await eager.close();
    }
  });
});
