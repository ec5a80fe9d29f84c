// The Parquet writer on rows built here by hand (synthetic, fictional 示例市 units): schema, order, NULLs,
// duplicates dropped, units deduplicated, bytes independent of how documents were spread over shards.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  documentCells,
  isoDateToDays,
  openShard,
  rowCells,
  tableDDL,
  writeTables
} from '../../src/lib/ingest/parquet';
import {
  FIGURE_NAMES,
  ROW_GROUP_ROWS,
  TABLES,
  TABLE_NAMES,
  type DocumentResult,
  type TableName
} from '../../src/lib/model';
import { openParquetDir } from './helpers/wasm-db';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-parquet-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A synthetic document: `n` line items, figures set only where `withFigures` says. */
function syntheticDoc(i: number, unit: number, n = 3): DocumentResult {
  const doc_id = `syn-${String(i).padStart(4, '0')}`;
  const unit_id = `u-${unit}`;
  const figures = Object.fromEntries(FIGURE_NAMES.map((f) => [f, null])) as Record<string, number | null>;
  figures.reception = 19.75 + i;
  figures.staff_actual = 10 + i;
  return {
    file: `synthetic/${doc_id}.txt`,
    status: i % 2 ? 'partial' : 'ok',
    reasons: [],
    disclosure: {
      doc_id,
      unit_id,
      unit_name: `示例市第${unit}局`,
      region: '示例市',
      year: 2019 + (i % 3),
      kind: 'budget',
      source_kind: 'synthetic',
      source_file: `synthetic/${doc_id}.txt`,
      published_on: i % 2 ? null : '2023-02-15',
      ...figures,
      prev_reception: i === 0 ? 39.5 : null
    } as DocumentResult['disclosure'],
    unit: {
      unit_id,
      unit_name: `示例市第${unit}局（第${i}份）`,
      region: '示例市',
      level: '市级',
      category: '行政',
      source_kind: 'synthetic'
    },
    // Listed out of order on purpose: the writer sorts by SORT_KEYS.
    lineItems: Array.from({ length: n }, (_, k) => ({
      doc_id,
      table_no: n - k,
      section: 'functional' as const,
      code: k === 0 ? null : `20103${k}`,
      name: `行政运行"${k}"`,
      measure: 'total',
      amount: k === 1 ? null : 1.25 * k,
      source_line: 100 - k,
      source_page: k === 2 ? null : k
    })),
    projects: [
      {
        doc_id,
        name: '示例项目',
        code: null,
        amount: 3.5,
        has_targets: i % 2 === 0,
        source_line: 900,
        source_page: 12
      }
    ],
    findings: [
      {
        doc_id,
        check: 'three_public_parts',
        severity: 'warning',
        message_zh: '合计不符',
        message_en: 'total differs',
        expected: 1,
        actual: 2,
        source_lines: '1,2',
        source_pages: '1'
      }
    ],
    figureSources: [{ doc_id, figure: 'reception', source_lines: '99,98', source_pages: '1' }],
    sourceText: [
      { doc_id, line: 99, page: 1, text: `第${i}份 公务接待费` },
      { doc_id, line: 98, page: 1, text: '表10' }
    ]
  };
}

/** Write `docs` spread over shards as `shardOf` says (each shard cutting a part every `partRows` rows), into
 * a fresh out folder; returns the folder, what was written and the parts. */
async function writeDocs(
  docs: DocumentResult[],
  shardOf: (ord: number) => number,
  shards: number,
  excluded: number[] = [],
  partRows?: number
) {
  const tmp = tempDir();
  const out = tempDir();
  const opened = await Promise.all(Array.from({ length: shards }, (_, s) => openShard(tmp, s, { partRows })));
  for (const [ord, d] of docs.entries()) await opened[shardOf(ord)].add(ord, documentCells(d));
  const parts = [];
  for (const s of opened) parts.push(...(await s.finish()));
  const written = await writeTables(tmp, parts, excluded);
  for (const t of TABLE_NAMES) renameSync(written.temps[t], join(out, written.tables[t].file));
  return { out, written, parts };
}

const bytesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')])
  );

describe('rows against the schema', () => {
  it('builds DDL with the schema columns in order', () => {
    expect(tableDDL('projects')).toBe(
      'CREATE TABLE "projects" ("doc_id" VARCHAR, "name" VARCHAR, "code" VARCHAR, "amount" DOUBLE, "has_targets" BOOLEAN, "source_line" INTEGER, "source_page" INTEGER)'
    );
    expect(tableDDL('units', 'stage_units', true)).toMatch(/"source_kind" VARCHAR, "_ord" INTEGER\)$/);
  });

  it('rejects ill-typed values naming the table and column', () => {
    const doc = syntheticDoc(0, 1);
    expect(() => rowCells('line_items', { ...doc.lineItems[0], amount: '1.5' })).toThrow(
      /invalid line_items\.amount: expected a finite number/
    );
    expect(() => rowCells('line_items', { ...doc.lineItems[0], source_line: 1.5 })).toThrow(
      /line_items\.source_line/
    );
    expect(() => rowCells('line_items', { ...doc.lineItems[0], amount: NaN })).toThrow(/line_items\.amount/);
    expect(() => rowCells('disclosures', { ...doc.disclosure, published_on: '2023-02-30' })).toThrow(
      /disclosures\.published_on: expected an ISO date/
    );
    expect(() => rowCells('projects', { ...doc.projects[0], has_targets: 1 })).toThrow(
      /projects\.has_targets/
    );
  });

  it('keeps a missing figure NULL, never 0', () => {
    const cells = rowCells('disclosures', syntheticDoc(1, 1).disclosure!);
    const idx = (n: string) => TABLES.disclosures.findIndex((c) => c.name === n);
    expect(cells[idx('total_income')]).toBeNull();
    expect(cells[idx('prev_three_public_total')]).toBeNull();
    expect(cells[idx('reception')]).toBe(20.75);
  });

  it('converts ISO dates to days and refuses impossible ones', () => {
    expect(isoDateToDays('1970-01-01')).toBe(0);
    expect(isoDateToDays('2023-02-15')).toBe(19403);
    expect(isoDateToDays('2024-02-29')).not.toBeNull();
    expect(isoDateToDays('2023-02-29')).toBeNull();
    expect(isoDateToDays('2023-2-1')).toBeNull();
  });

  it('refuses rows that do not belong to the document', () => {
    const doc = syntheticDoc(0, 1);
    doc.lineItems[1] = { ...doc.lineItems[1], doc_id: 'other' };
    expect(() => documentCells(doc)).toThrow(/line_items row of doc_id other in document syn-0000/);
    expect(() => documentCells({ ...syntheticDoc(0, 1), disclosure: null })).toThrow(/without a disclosure/);
  });
});

describe('writing Parquet', () => {
  const docs = [
    syntheticDoc(0, 3),
    syntheticDoc(1, 1),
    syntheticDoc(2, 3),
    syntheticDoc(3, 2),
    syntheticDoc(4, 1)
  ];

  it('writes the schema columns and types, read back by DuckDB-WASM', async () => {
    const { out } = await writeDocs(docs, () => 0, 1);
    const db = await openParquetDir(out);
    try {
      for (const t of TABLE_NAMES) {
        const described = await db.query(`DESCRIBE SELECT * FROM '${t}.parquet'`);
        expect(described.map((r) => [r.column_name, r.column_type])).toEqual(
          TABLES[t as TableName].map((c) => [c.name, c.type])
        );
      }
    } finally {
      await db.close();
    }
  });

  it('orders rows by the sort keys, keeps NULLs and drops excluded documents', async () => {
    const { out, written } = await writeDocs(docs, () => 0, 1, [2]);
    expect(written.tables.disclosures.rows).toBe(4);
    expect(written.tables.line_items.rows).toBe(12);
    expect(written.years).toEqual([2019, 2020]); // syn-0002, the only 2021 document, is excluded
    expect(written.kinds).toEqual(['budget']);
    expect(written.sourceKinds).toEqual(['synthetic']);
    const db = await openParquetDir(out);
    try {
      const d = await db.query(
        `SELECT doc_id, year, unit_id, published_on, reception, total_income, prev_reception FROM 'disclosures.parquet'`
      );
      // year, then unit_id (u-2 before u-3), then kind, then doc_id
      expect(d.map((r) => r.doc_id)).toEqual(['syn-0003', 'syn-0000', 'syn-0001', 'syn-0004']);
      expect(d[1]).toMatchObject({
        published_on: '2023-02-15',
        reception: 19.75,
        total_income: null,
        prev_reception: 39.5
      });
      const li = await db.query(
        `SELECT doc_id, table_no, source_line, code, amount, name FROM 'line_items.parquet' WHERE doc_id = ?`,
        ['syn-0001']
      );
      expect(li.map((r) => r.table_no)).toEqual([1, 2, 3]);
      expect(li.find((r) => r.table_no === 3)).toMatchObject({ code: null, name: '行政运行"0"', amount: 0 });
      expect(li.find((r) => r.table_no === 2)).toMatchObject({ amount: null });
      const none = await db.query(`SELECT count(*)::INTEGER AS n FROM 'findings.parquet' WHERE doc_id = ?`, [
        'syn-0002'
      ]);
      expect(none[0].n).toBe(0);
      // One row per unit: the first document in input order names it.
      const units = await db.query(`SELECT unit_id, unit_name FROM 'units.parquet'`);
      expect(units).toEqual([
        { unit_id: 'u-1', unit_name: '示例市第1局（第1份）' },
        { unit_id: 'u-2', unit_name: '示例市第2局（第3份）' },
        { unit_id: 'u-3', unit_name: '示例市第3局（第0份）' }
      ]);
    } finally {
      await db.close();
    }
  });

  it('writes the source text sorted by doc_id and line, in row groups a document can be read from alone', async () => {
    const many = Array.from({ length: 30 }, (_, i) => {
      const d = syntheticDoc(29 - i, i % 7);
      // 400 lines each, listed backwards: the writer sorts them
      d.sourceText = Array.from({ length: 400 }, (_, k) => ({
        doc_id: d.disclosure!.doc_id,
        line: 400 - k,
        page: null,
        text: `第${400 - k}行`
      }));
      return d;
    });
    const { out, written } = await writeDocs(many, (ord) => ord % 2, 2);
    expect(written.tables.source_text.rows).toBe(12_000);
    const db = await openParquetDir(out);
    try {
      const rows = (await db.query(`SELECT doc_id, line FROM 'source_text.parquet'`)) as {
        doc_id: string;
        line: number;
      }[];
      const sorted = [...rows].sort((a, b) =>
        a.doc_id === b.doc_id ? a.line - b.line : a.doc_id < b.doc_id ? -1 : 1
      );
      expect(rows).toEqual(sorted);
      expect(rows[0]).toEqual({ doc_id: 'syn-0000', line: 1 });
      const groups = await db.query(
        `SELECT row_group_id, max(row_group_num_rows)::INTEGER AS n FROM parquet_metadata('source_text.parquet') GROUP BY 1 ORDER BY 1`
      );
      expect(groups.map((g) => g.n)).toEqual([
        ROW_GROUP_ROWS.source_text,
        12_000 - ROW_GROUP_ROWS.source_text!
      ]);
    } finally {
      await db.close();
    }
  });

  it('gives the same bytes however the documents were spread over shards', async () => {
    const many = Array.from({ length: 60 }, (_, i) => syntheticDoc(i, i % 7, 1 + (i % 5)));
    const one = await writeDocs(many, () => 0, 1, [5]);
    const two = await writeDocs(many, (ord) => (ord * 7919) % 3, 3, [5]);
    expect(bytesOf(two.out)).toEqual(bytesOf(one.out));
    expect(one.written.tables).toEqual(two.written.tables);
  });

  it('gives the same bytes however the shards cut the batch into parts', async () => {
    // 1–5 line items, 2 source lines and 5 other rows each: 8–12 rows a document
    const many = Array.from({ length: 60 }, (_, i) => syntheticDoc(i, i % 7, 1 + (i % 5)));
    const one = await writeDocs(many, () => 0, 1, [5]);
    expect(one.parts).toHaveLength(1);
    // a part as soon as a document's rows are in: one part per document
    const each = await writeDocs(many, () => 0, 1, [5], 1);
    expect(each.parts).toHaveLength(60);
    // parts cut after 30+ rows, 3 documents or 4, over three shards
    const cut = await writeDocs(many, (ord) => (ord * 7919) % 3, 3, [5], 30);
    expect(cut.parts.length).toBeGreaterThan(12);
    expect(cut.parts.length).toBeLessThan(24);
    expect(bytesOf(each.out)).toEqual(bytesOf(one.out));
    expect(bytesOf(cut.out)).toEqual(bytesOf(one.out));
    expect(cut.written.tables).toEqual(one.written.tables);
  });

  it('writes valid empty files with the schema when there is nothing', async () => {
    const tmp = tempDir();
    const written = await writeTables(tmp, [], []);
    const out = join(tempDir(), 'empty');
    mkdirSync(out);
    for (const t of TABLE_NAMES) renameSync(written.temps[t], join(out, written.tables[t].file));
    expect(Object.values(written.tables).map((x) => x.rows)).toEqual(TABLE_NAMES.map(() => 0));
    const db = await openParquetDir(out);
    try {
      const described = await db.query(`DESCRIBE SELECT * FROM 'line_items.parquet'`);
      expect(described.map((r) => r.column_name)).toEqual(TABLES.line_items.map((c) => c.name));
      expect(await db.query(`SELECT * FROM 'disclosures.parquet'`)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
