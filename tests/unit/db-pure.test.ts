// Pure parts of the data layer: manifest → views, Arrow values → plain JS, parameter binding, metric SQL.
import { describe, expect, it } from 'vitest';
import {
  createViewsSql,
  engineFiles,
  manifestBytes,
  manifestFiles,
  memoryTables,
  MEMORY_TABLE_MAX_BYTES,
  DOCS_MEM_EXTRA,
  PRIOR_COLUMNS
} from '../../src/lib/db/views';
import { isoDate, plainValue } from '../../src/lib/db/arrow';
import { bindable } from '../../src/lib/db/connection';
import { METRICS, isMetricId, metricSql, column, AMOUNT_METRICS } from '../../src/lib/db/metrics';
import { inList } from '../../src/lib/db/filters';
import { DOCS_VIEW_EXTRA, FIGURE_NAMES, PREV_FIGURES, TABLE_NAMES } from '../../src/lib/model';
import { defaultYear, emptyFacets, manifestFacets } from '../../src/lib/db/facets';

describe('manifest → views', () => {
  it("reads the ingest's manifest shape and makes one view per table (disclosures over docs_mem)", () => {
    const files = manifestFiles({
      files: [
        { table: 'disclosures', file: 'disclosures.parquet', rows: 1 },
        { table: 'line_items', file: 'line_items.parquet' },
        { table: 'projects', file: 'projects.parquet' },
        { table: 'findings', file: 'findings.parquet' },
        { table: 'units', file: 'units.parquet' },
        { table: 'figure_sources', file: 'figure_sources.parquet' },
        { table: 'source_text', file: 'source_text.parquet' }
      ]
    });
    expect(files.disclosures).toEqual(['disclosures.parquet']);
    expect(files.source_text).toEqual(['source_text.parquet']);
    const sql = createViewsSql(files);
    expect(sql.map((s) => s.table)).toEqual([
      'units',
      'line_items',
      'projects',
      'findings',
      'figure_sources',
      'source_text',
      'disclosures',
      'disclosures'
    ]);
    expect(sql[0].sql).toBe("CREATE OR REPLACE VIEW units AS SELECT * FROM read_parquet(['units.parquet'])");
    expect(sql[6].sql).toMatch(
      /^CREATE OR REPLACE VIEW docs_mem AS SELECT b\.\*,[^]*FROM \(WITH src AS \(SELECT \* FROM read_parquet\(\['disclosures.parquet'\]\)\)/
    );
    // the like-for-like prior columns are docs_mem's, not the schema's
    expect(sql[7].sql).toBe(
      `CREATE OR REPLACE VIEW disclosures AS SELECT * EXCLUDE (${[...DOCS_MEM_EXTRA, ...PRIOR_COLUMNS].join(', ')}) FROM docs_mem`
    );
  });

  it('reads the ingest’s docs view as docs_mem, and makes it again only with the reader’s documents', () => {
    const manifest = {
      files: TABLE_NAMES.map((t) => ({ table: t, file: `${t}.parquet`, rows: 1, bytes: 10 })),
      docs_view: { file: 'docs_view.parquet', rows: 1, bytes: 20 }
    };
    const { files, docsView } = engineFiles(manifestFiles(manifest), manifest);
    expect(docsView).toBe(true);
    expect(files.disclosures).toEqual(['docs_view.parquet']);
    expect(manifestBytes(manifest).get('docs_view.parquet')).toBe(20);
    const docsMem = (withLocal: boolean) =>
      createViewsSql(files, ['disclosures'], true, withLocal, true).find((s) =>
        s.sql.includes(' docs_mem AS ')
      )!.sql;
    expect(docsMem(false)).toBe(
      "CREATE OR REPLACE TABLE docs_mem AS SELECT * FROM read_parquet(['docs_view.parquet'])"
    );
    // with local rows: the served rows are the view's own columns, the picks and priors made again
    expect(docsMem(true)).toContain(
      `SELECT * EXCLUDE (${DOCS_VIEW_EXTRA.join(', ')}) FROM (SELECT * FROM read_parquet(['docs_view.parquet'])) UNION ALL BY NAME SELECT * FROM local_disclosures`
    );
    expect(docsMem(true)).toMatch(/row_number\(\) OVER/);
    // a docs view under another name, or without its sizes, is not taken
    for (const bad of [{ file: '../x.parquet', rows: 1, bytes: 1 }, { file: 'docs_view.parquet' }]) {
      const m = { ...manifest, docs_view: bad };
      expect(engineFiles(manifestFiles(m), m).docsView).toBe(false);
    }
  });

  it('takes partitioned files of a table, and ignores names that could leave the data folder', () => {
    const files = manifestFiles({
      files: [
        'disclosures/year=2023/part-0.parquet',
        'disclosures/year=2022/part-0.parquet',
        '../secret/disclosures.parquet',
        'http://elsewhere.example/units.parquet',
        "units_o'brien.parquet",
        'line_items.csv'
      ]
    });
    expect(files.disclosures).toEqual([
      'disclosures/year=2022/part-0.parquet',
      'disclosures/year=2023/part-0.parquet'
    ]);
    expect(files.units).toEqual(["units_o'brien.parquet"]);
    expect(files.line_items).toEqual([]);
    expect(() => createViewsSql(files)).toThrow(/line_items/);
    const ok = {
      ...files,
      line_items: ['line_items.parquet'],
      projects: ['p'],
      findings: ['f'],
      figure_sources: ['fs'],
      source_text: ['st']
    };
    expect(createViewsSql(ok)[0].sql).toContain("'units_o''brien.parquet'");
  });
});

describe('tables held in memory', () => {
  it('the scanned tables when their files are small and of known size; the rest stay views', () => {
    const manifest = {
      files: [
        { table: 'disclosures', file: 'disclosures.parquet', bytes: 8_000_000 },
        { table: 'line_items', file: 'line_items.parquet', bytes: 60_000_000 },
        { table: 'projects', file: 'projects.parquet', bytes: 100 },
        { table: 'findings', file: 'findings.parquet', bytes: MEMORY_TABLE_MAX_BYTES + 1 },
        { table: 'units', file: 'units.parquet' },
        { table: 'figure_sources', file: 'figure_sources.parquet', bytes: 100 },
        // read one document at a time, however small: never fetched whole
        { table: 'source_text', file: 'source_text.parquet', bytes: 100 }
      ]
    };
    const files = manifestFiles(manifest);
    const inMemory = memoryTables(files, manifestBytes(manifest));
    expect(inMemory).toEqual(['disclosures']);
    const sql = createViewsSql(files, inMemory).map((s) => s.sql);
    expect(sql.filter((x) => x.startsWith('CREATE OR REPLACE TABLE'))).toHaveLength(1);
    expect(sql.find((x) => x.startsWith('CREATE OR REPLACE TABLE'))).toMatch(
      /^CREATE OR REPLACE TABLE docs_mem AS /
    );
    expect(sql.filter((x) => x.startsWith('CREATE OR REPLACE VIEW'))).toHaveLength(7);
    expect(sql).toContain(
      "CREATE OR REPLACE VIEW source_text AS SELECT * FROM read_parquet(['source_text.parquet'])"
    );
  });
});

describe('Arrow values → plain JS', () => {
  it('dates, timestamps, decimals, bigints, lists, structs', () => {
    expect(plainValue(Date.UTC(2023, 1, 6), { typeId: 8 })).toBe('2023-02-06');
    expect(plainValue(new Date(Date.UTC(2023, 1, 6)), { typeId: 8 })).toBe('2023-02-06');
    expect(isoDate(0)).toBe('1970-01-01');
    expect(plainValue(1_675_641_600_000_000n, { typeId: 10, unit: 2 })).toBe('2023-02-06T00:00:00.000Z');
    expect(plainValue(4735n, { typeId: 7, scale: 2 })).toBe(47.35);
    expect(plainValue({ toString: () => '1975' }, { typeId: 7, scale: 2 })).toBe(19.75);
    expect(plainValue(12n, { typeId: 2 })).toBe(12);
    expect(plainValue(null, { typeId: 8 })).toBeNull();
    expect(plainValue([1n, 2n], { typeId: 12, children: [{ name: 'x', type: { typeId: 2 } }] })).toEqual([
      1, 2
    ]);
    expect(
      plainValue(
        { a: 3n, d: 0 },
        {
          typeId: 13,
          children: [
            { name: 'a', type: { typeId: 2 } },
            { name: 'd', type: { typeId: 8 } }
          ]
        }
      )
    ).toEqual({ a: 3, d: '1970-01-01' });
  });
});

describe('binding', () => {
  it('binds scalars only: an array (which duckdb-wasm cannot bind) is an error', () => {
    expect(bindable([1, 'a', true, null, undefined, 2n])).toEqual([1, 'a', true, null, null, 2]);
    expect(() => bindable([['u1', 'u2']])).toThrow(/parameter 1 is not a scalar/);
    expect(() => bindable([{}])).toThrow();
  });

  it('one placeholder per value', () => {
    const params: unknown[] = [];
    expect(inList('d.unit_id', ['a', 'b', 'c'], params)).toBe(
      'd.unit_id IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))'
    );
    expect(inList('d.year', [2023], [])).toBe('d.year IN (CAST(? AS INTEGER))');
    expect(params).toEqual(['a', 'b', 'c']);
    expect(() => inList('x', [], [])).toThrow();
  });
});

describe('metrics: a closed list derived from the schema', () => {
  it('one value metric per figure and per score, change metrics for figures with a prior-year column', () => {
    // the disclosure's scores (公开完整度) come after the figures, as values only
    expect(METRICS.filter((m) => m.measure === 'value').map((m) => m.id)).toEqual([
      ...FIGURE_NAMES,
      'completeness'
    ]);
    expect(METRICS.filter((m) => m.measure === 'chg').map((m) => m.figure)).toEqual(PREV_FIGURES);
    expect(AMOUNT_METRICS.every((m) => m.unit === '万元')).toBe(true);
    expect(isMetricId('reception.pct')).toBe(true);
    expect(isMetricId('reception; DROP TABLE x')).toBe(false);
  });

  it('SQL only from schema names; anything else throws', () => {
    expect(metricSql('reception')).toBe('CAST(d."reception" AS DOUBLE)');
    // a change compares with the like-for-like prior (docs_mem's _prior_ column), not any prev_ statement
    expect(metricSql('reception.pct')).toContain('d."_prior_reception" = 0 THEN NULL');
    expect(metricSql('reception.chg')).not.toContain('prev_reception');
    expect(() => metricSql('nope' as never)).toThrow(/unknown metric/);
    expect(() => column('a"; --')).toThrow(/not a column name/);
  });
});

describe('the default year of the one-year views', () => {
  const facets = (years: number[], yearDocs: number[]) => ({ ...emptyFacets(), years, yearDocs });
  it('is the latest year with at least half the documents of the best-covered year', () => {
    // a city's 150 units through 2024, and three early publishers of 2025
    expect(defaultYear(facets([2022, 2023, 2024, 2025], [150, 151, 150, 3]))).toBe(2024);
    expect(defaultYear(facets([2022, 2023, 2024, 2025], [150, 151, 150, 76]))).toBe(2025);
  });
  it('is the latest year when the counts are not known (an older manifest) or there is no year', () => {
    expect(defaultYear(facets([2022, 2023, 2024, 2025], []))).toBe(2025);
    expect(defaultYear(facets([], []))).toBeUndefined();
  });
  it('reads the counts from the manifest only when they line up with its years', () => {
    const base = {
      years: [2024, 2025],
      kinds: [],
      source_kinds: [],
      regions: [],
      levels: [],
      categories: [],
      severities: [],
      checks: []
    };
    expect(manifestFacets({ ...base, year_documents: [10, 2] })!.yearDocs).toEqual([10, 2]);
    expect(manifestFacets({ ...base, year_documents: [10] })!.yearDocs).toEqual([]);
    expect(manifestFacets(base)!.yearDocs).toEqual([]);
  });
});
