// The columns that say whose a row is: the unit's name links to its page (on the row's year, a kind when asked),
// coded values are named in the reader's language in the table and in the CSV alike.
import { describe, expect, it } from 'vitest';
import { csvColumns, cellText } from '../../src/lib/components/table';
import { DOC_COLUMNS, identityColumns, kindText, unitColumn } from '../../src/lib/components/identityColumns';
import { unitHref } from '../../src/lib/components/unitLink';
import { toCsv } from '../../src/lib/charts/export';

type Row = {
  unit_id: string;
  unit_name: string | null;
  source_kind: string;
  year: number;
  kind: 'budget' | 'final' | null;
  scope: 'department' | 'unit' | null;
};
const row: Row = {
  unit_id: 'u 1&x',
  unit_name: '示例市测试局',
  source_kind: 'synthetic',
  year: 2024,
  kind: 'final',
  scope: null
};

describe('the unit column', () => {
  it('links to the unit on the row’s year, with the kind when given, the id encoded', () => {
    expect(unitColumn<Row>('zh').href!(row)).toBe('/unit/?v=1&unit=u%201%26x&y=2024');
    expect(unitColumn<Row>('en', { kind: 'final' }).href!(row)).toBe(
      '/unit/?v=1&unit=u%201%26x&y=2024&kind=final'
    );
    expect(unitColumn<Row>('zh', { year: false }).href!(row)).toBe('/unit/?v=1&unit=u%201%26x');
    expect(unitHref('u1')).toBe('/unit/?v=1&unit=u1');
  });

  it('is headed by the column’s name and marks a synthetic unit', () => {
    const col = unitColumn<Row>('en');
    expect(col.label).toBe('Unit');
    expect(col.synthetic!(row)).toBe(true);
    expect(col.synthetic!({ ...row, source_kind: 'published' })).toBe(false);
  });
});

describe('kind, scope and source', () => {
  it('are named in the table and written as the same words in the CSV; no value is an em dash and an empty cell', () => {
    const cols = identityColumns<Row>('en', DOC_COLUMNS);
    expect(cols.map((c) => c.label)).toEqual(['Kind', 'Scope', 'Source']);
    expect(cols.map((c) => cellText(c, row))).toEqual(['Final accounts', '—', 'Synthetic']);
    expect(toCsv(csvColumns(cols), [row])).toBe('Kind,Scope,Source\r\nFinal accounts,,Synthetic\r\n');
    expect(kindText('zh', 'budget')).toBe('预算');
    expect(kindText('zh', null)).toBe('—');
  });
});
