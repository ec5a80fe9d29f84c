// The reader's own documents in DuckDB-WASM 1.28.0 (the browser's engine, in Node): rows from the real
// ingest into the local tables by bound parameters, UNIONed into the views over the served Parquet, marked
// 'local'; a document already served is recognised; removing it removes every row.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import {
  addDocumentQueries,
  createLocalTables,
  docSourceQuery,
  localCells,
  refreshViews,
  removeDocumentQueries,
  runAll
} from '../../src/lib/db/local';
import { loadFacets } from '../../src/lib/db/facets';
import type { Db } from '../../src/lib/db/types';
import { TABLES, TABLE_NAMES, type DocumentResult } from '../../src/lib/model';
import { openWasmData } from './helpers/wasm-node';

// the hand-written template fixture, renamed into a unit the served data does not hold
const fixture = readFileSync('tests/fixtures/template-2024.txt', 'utf8');
let db: Db;
let plan: Awaited<ReturnType<typeof openWasmData>>['plan'];
let doc: DocumentResult;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM ${sql}`, params }))[0].n);

beforeAll(async () => {
  ({ db, plan } = await openWasmData('data/parquet'));
  doc = ingestDocument(new TextEncoder().encode(fixture), 'mine.txt');
  expect(doc.status).not.toBe('rejected');
});
afterAll(() => db?.close());

describe('local documents in the views', () => {
  it('adds every row of a document, marked local, beside the served rows', async () => {
    const served = await count('disclosures');
    const docId = doc.disclosure!.doc_id;
    expect(await db.query(docSourceQuery(docId))).toEqual([]);
    await runAll(db, createLocalTables());
    await runAll(db, addDocumentQueries(doc));
    await refreshViews(db, plan, true);
    expect(await count('disclosures')).toBe(served + 1);
    const [row] = await db.query<Record<string, unknown>>({
      sql: 'SELECT * FROM disclosures WHERE doc_id = ?',
      params: [docId]
    });
    // every column as the ingest built it, source_kind aside
    for (const c of TABLES.disclosures) {
      const want = (doc.disclosure as unknown as Record<string, unknown>)[c.name];
      if (c.name === 'source_kind') expect(row[c.name]).toBe('local');
      else if (c.type === 'DATE')
        expect(row[c.name] === null ? null : 'date').toBe(want == null ? null : 'date');
      else expect(row[c.name]).toEqual(want);
    }
    expect(await count('line_items WHERE doc_id = ?', [docId])).toBe(doc.lineItems.length);
    expect(await count('findings WHERE doc_id = ?', [docId])).toBe(doc.findings.length);
    expect(await count('projects WHERE doc_id = ?', [docId])).toBe(doc.projects.length);
    expect(await count('units WHERE unit_id = ? AND source_kind = ?', [doc.unit!.unit_id, 'local'])).toBe(1);
    expect(await db.query(docSourceQuery(docId))).toEqual([{ source_kind: 'local' }]);
    // the picks and filters see it: docs_mem has it, and the facets list the new source kind and unit
    expect(await count('docs_mem WHERE doc_id = ? AND _pick', [docId])).toBe(1);
    const facets = await loadFacets(db);
    expect(facets.sourceKinds).toContain('local');
    expect(facets.units.some((u) => u.unit_id === doc.unit!.unit_id)).toBe(true);
  });

  it('keeps one unit row when two local documents name one unit, and the served one for a served unit', async () => {
    const seed = ingestDocument(readFileSync('data/disclosures/000_f7859c67d4b429b5.txt'), 'seed.txt');
    // the seed is served: its doc_id is known as published
    expect(await db.query(docSourceQuery(seed.disclosure!.doc_id))).toEqual([{ source_kind: 'published' }]);
    const again = { ...doc, disclosure: { ...doc.disclosure!, doc_id: 'dsecondcopy0000' } };
    // its rows other than the disclosure and unit left out (whatever row lists the ingest builds)
    const twin = Object.fromEntries(
      Object.entries(again).map(([k, v]) => [k, Array.isArray(v) && k !== 'reasons' ? [] : v])
    ) as unknown as DocumentResult;
    await runAll(db, addDocumentQueries(twin));
    await refreshViews(db, plan, true);
    expect(await count('units WHERE unit_id = ?', [doc.unit!.unit_id])).toBe(1);
    await runAll(db, removeDocumentQueries('dsecondcopy0000'));
    await refreshViews(db, plan, true);
    expect(await count('local_units')).toBe(1);
  });

  it('removes every row of a document, and its unit', async () => {
    const served = await count('disclosures');
    await runAll(db, removeDocumentQueries(doc.disclosure!.doc_id));
    await refreshViews(db, plan, false);
    expect(await count('disclosures')).toBe(served - 1);
    for (const t of TABLE_NAMES) expect(await count(`local_${t}`)).toBe(0);
    expect(await count('units WHERE unit_id = ?', [doc.unit!.unit_id])).toBe(0);
  });

  it('binds hostile text as values', async () => {
    const evil = { ...doc, disclosure: { ...doc.disclosure!, unit_name: "x'); DROP TABLE units; --" } };
    const cells = localCells(evil);
    expect(cells.disclosures[0]).toContain("x'); DROP TABLE units; --");
    await runAll(db, addDocumentQueries(evil));
    await refreshViews(db, plan, true);
    expect(await count('disclosures WHERE unit_name = ?', ["x'); DROP TABLE units; --"])).toBe(1);
    await runAll(db, removeDocumentQueries(doc.disclosure!.doc_id));
    await refreshViews(db, plan, false);
  });
});
