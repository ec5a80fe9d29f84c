// The browser's check of the data against its manifest (src/lib/db/verify.ts), as pure functions.
import { describe, expect, it } from 'vitest';
import { disagreements, manifestRows, mismatchMessage, rowCountsSql } from '../../src/lib/db/verify';
import { manifestFiles } from '../../src/lib/db/views';
import { TABLE_NAMES, type TableName } from '../../src/lib/model';

const manifest = {
  files: TABLE_NAMES.map((t, i) => ({ table: t, file: `${t}.parquet`, rows: 1000 * (i + 1), bytes: 10 + i }))
};
const files = manifestFiles(manifest);

describe('the manifest check', () => {
  it('reads the rows the manifest states per table', () => {
    const rows = manifestRows(manifest, files);
    expect([...rows.keys()].sort()).toEqual([...TABLE_NAMES].sort());
    expect(rows.get('disclosures')).toBe(1000);
  });

  it('checks nothing for a manifest without row counts (an older or hand-made one)', () => {
    const bare = { files: TABLE_NAMES.map((t) => `${t}.parquet`) };
    expect(manifestRows(bare, manifestFiles(bare)).size).toBe(0);
  });

  it('counts every table in one query, names quoted', () => {
    const sql = rowCountsSql(['units', 'line_items'], files);
    expect(sql).toBe(
      "SELECT 'units' AS t, count(*)::DOUBLE AS n FROM read_parquet(['units.parquet']) UNION ALL " +
        "SELECT 'line_items' AS t, count(*)::DOUBLE AS n FROM read_parquet(['line_items.parquet'])"
    );
    // tables held in memory are counted where they are held (disclosures in docs_mem)
    expect(rowCountsSql(['disclosures', 'units'], files, ['disclosures', 'units'])).toBe(
      "SELECT 'disclosures' AS t, count(*)::DOUBLE AS n FROM docs_mem UNION ALL " +
        "SELECT 'units' AS t, count(*)::DOUBLE AS n FROM units"
    );
  });

  it('finds nothing when all agrees, and names each disagreement in zh and en', () => {
    const expected = manifestRows(manifest, files);
    const seen = new Map<TableName, number>(expected);
    expect(disagreements(expected, seen, [{ file: 'units.parquet', expected: 14, seen: 14 }])).toEqual([]);
    seen.set('line_items', 1234);
    const found = disagreements(expected, seen, [{ file: 'units.parquet', expected: 14, seen: 15 }]);
    expect(found).toEqual([
      {
        zh: 'units.parquet 有 15 字节，清单写 14 字节',
        en: 'units.parquet has 15 bytes, the manifest says 14'
      },
      {
        zh: 'line_items 表有 1,234 行，清单写 2,000 行',
        en: 'line_items has 1,234 rows, the manifest says 2,000'
      }
    ]);
    const m = mismatchMessage(found, '/data/manifest.json');
    expect(m.zh).toContain('数据文件与数据清单不符（/data/manifest.json）：units.parquet 有 15 字节');
    expect(m.en).toContain('two different ingests');
  });
});
