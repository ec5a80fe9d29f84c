// Exports say what they are: CSV numbers at the source precision, coded values as words, notes after the
// rows; images framed with title, filters, date and the synthetic note; every coded value of the default
// data has a zh and an en name (read from the real Parquet with the 1.28.0 engine).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { roundTo, toCsv, frameLines } from '../../src/lib/charts/export';
import { textWidth } from '../../src/lib/charts/labels';
import { wrapText, fitLabel } from '../../src/lib/charts/linebreak';
import { csvColumns, csvValue, type TableColumn } from '../../src/lib/components/table';
import { identityColumns } from '../../src/lib/components/identityColumns';
import { valueLabel } from '../../src/lib/i18n';
import { dataDateText } from '../../src/lib/components/exportContext';
import { dataDateQuery } from '../../src/lib/db/facets';
import { openParquetDir, type WasmDb } from './helpers/wasm-db';
import { openWasmDb } from './helpers/wasm-node';

describe('CSV precision and headers', () => {
  it('roundTo drops float noise and keeps the stated decimals', () => {
    expect(roundTo(61.650000000000006, 4)).toBe(61.65);
    expect(roundTo(15.871499999999997, 4)).toBe(15.8715);
    expect(roundTo(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundTo(-0.00001, 4)).toBe(0);
    expect(roundTo(12, 4)).toBe(12);
    expect(roundTo(87.456, 1)).toBe(87.5);
  });

  it('a numeric column writes its rounded number, not the float noise of the arithmetic behind it', () => {
    const cols: TableColumn<{ a: number; b: number }>[] = [
      { label: '人均（万元/人）', value: (r) => r.a, numeric: true, text: (r) => r.a.toFixed(2) },
      { label: 'raw', value: (r) => r.b }
    ];
    const csv = toCsv(csvColumns(cols), [{ a: 123.3 / 2, b: 0.1 + 0.2 }]);
    expect(csv).toBe('人均（万元/人）,raw\r\n61.65,0.3\r\n');
    expect(csv).not.toMatch(/0000000|9999999/);
  });

  it('coded values are written as the words the table shows, never the internal names', () => {
    type R = {
      level: string;
      category: string;
      kind: 'budget' | 'final';
      scope: string;
      source_kind: string;
    };
    const rows: R[] = [
      { level: '区县级', category: '社会', kind: 'final', scope: 'unit', source_kind: 'synthetic' },
      { level: '市级', category: '教育', kind: 'budget', scope: 'department', source_kind: 'published' }
    ];
    const names = ['level', 'category', 'kind', 'scope', 'source_kind'] as const;
    const zh = toCsv(csvColumns(identityColumns<R>('zh', names)), rows);
    expect(zh.split('\r\n')[0]).toBe('级次,类别,类型,口径,来源');
    expect(zh).toContain('区县级,社会,决算,单位,合成数据');
    expect(zh).toContain('市级,教育,预算,部门,公开数据');
    const en = toCsv(csvColumns(identityColumns<R>('en', names)), rows);
    expect(en.split('\r\n')[0]).toBe('Level,Category,Kind,Scope,Source');
    expect(en).toContain('District/county,Social affairs,Final accounts,Unit,Synthetic');
    expect(en).not.toMatch(/\b(final|budget|synthetic|published|department|unit)\b/);
  });

  it('an em dash (no value) is an empty cell; a csv override wins', () => {
    const col: TableColumn<{ v: string | null }> = { label: 'k', value: (r) => r.v, text: () => '—' };
    expect(csvValue(col, { v: null })).toBe(null);
    expect(csvValue({ ...col, csv: () => 'x' }, { v: null })).toBe('x');
  });

  it('notes follow the rows after an empty line, each a # line', () => {
    const csv = toCsv([{ label: 'n', value: (r: number) => r }], [1], ['2024 三公', '本图包含合成数据']);
    expect(csv).toBe('n\r\n1\r\n\r\n# 2024 三公\r\n# 本图包含合成数据\r\n');
  });
});

describe('labels of coded values', () => {
  it('names kinds, scopes, sections, measures, levels and categories in both languages', () => {
    expect(valueLabel('en', 'level', '区县级')).toBe('District/county');
    expect(valueLabel('zh', 'level', '区县级')).toBe('区县级');
    expect(valueLabel('en', 'section', 'functional')).toBe('By function');
    expect(valueLabel('zh', 'section', 'summary')).toBe('收支总表');
    expect(valueLabel('zh', 'measure', 'income_current')).toBe('本年收入');
    expect(valueLabel('zh', 'measure', 'basic')).toBe('基本支出');
    expect(valueLabel('zh', 'measure', 'prev_three_public_total')).toBe('上年“三公”经费合计');
    expect(valueLabel('en', 'kind', 'final')).toBe('Final accounts');
    expect(valueLabel('zh', 'kind', null)).toBe('—');
    // an unnamed value is shown as it is (and inherited names of Object are not names)
    expect(valueLabel('en', 'measure', 'toString')).toBe('toString');
  });

  const dir = 'data/parquet';
  let db: WasmDb | null = null;
  beforeAll(async () => {
    if (existsSync(`${dir}/manifest.json`)) db = await openParquetDir(dir);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!existsSync('data/parquet/manifest.json'))(
    'every section, measure, level and category of the default data has a zh and an en name',
    async () => {
      const cases: [Parameters<typeof valueLabel>[1], string][] = [
        ['section', `SELECT DISTINCT section AS v FROM 'line_items.parquet'`],
        ['measure', `SELECT DISTINCT measure AS v FROM 'line_items.parquet'`],
        ['level', `SELECT DISTINCT level AS v FROM 'units.parquet' WHERE level IS NOT NULL`],
        ['category', `SELECT DISTINCT category AS v FROM 'units.parquet' WHERE category IS NOT NULL`],
        ['kind', `SELECT DISTINCT kind AS v FROM 'disclosures.parquet' WHERE kind IS NOT NULL`],
        ['scope', `SELECT DISTINCT scope AS v FROM 'disclosures.parquet' WHERE scope IS NOT NULL`]
      ];
      for (const [col, sql] of cases) {
        const values = (await db!.query(sql)).map((r) => String(r.v));
        expect(values.length, col).toBeGreaterThan(0);
        for (const v of values) {
          const en = valueLabel('en', col, v);
          expect(en, `${col} ${v}`).not.toBe(v);
          expect(en, `${col} ${v} in en`).not.toMatch(/_/);
          // en names are English (a Chinese term may follow in brackets: "Separated (离休) staff")
          expect(en.replace(/\([^)]*\)/g, ''), `${col} ${v} in en`).not.toMatch(/[\u3400-\u9fff]/);
        }
      }
    }
  );

  it.skipIf(!existsSync('data/parquet/manifest.json'))(
    'the data date names the years and the latest publication date the data holds',
    async () => {
      const q = dataDateQuery();
      const viewsDb = await openWasmDb(dir);
      const [row] = await viewsDb.query<Record<string, unknown>>(q);
      const years = await db!.query(`SELECT min(year) AS a, max(year) AS b FROM 'disclosures.parquet'`);
      expect(row.first_year).toBe(years[0].a);
      expect(row.last_year).toBe(years[0].b);
      const text = dataDateText('zh', row as never);
      expect(text).toContain(`${years[0].a}–${years[0].b}`);
      if (row.published) expect(text).toContain(String(row.published));
    }
  );
});

describe('exported images and labels keep the whole text', () => {
  it('wrapText breaks a long name into lines that each fit, losing nothing', () => {
    const name = '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）2023 年部门预算';
    const lines = wrapText(name, 150, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(150);
    expect(lines.join('').replace(/ /g, '')).toBe(name.replace(/ /g, ''));
    const en = wrapText('Official vehicles (purchase + operation) of every unit', 120, 12);
    expect(en.join(' ')).toBe('Official vehicles (purchase + operation) of every unit');
  });

  it('fitLabel keeps a real unit name whole in two smaller lines instead of cutting it', () => {
    const name = '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）';
    const fit = fitLabel(name, 248, 12, 10);
    expect(fit.size).toBe(10);
    expect(fit.lines.length).toBe(2);
    expect(fit.lines.join('')).toBe(name);
    expect(fitLabel('示例市财政局', 248, 12, 10)).toEqual({ lines: ['示例市财政局'], size: 12 });
  });

  it('the frame of an exported image has the title, the filters, the date and the synthetic note', () => {
    const lines = frameLines(
      {
        title: '2024 “三公”经费合计（万元）',
        lines: ['类型：预算 · 地区：示例市东湖区', '数据：2019–2025 年度的文档'],
        synthetic: '本图包含合成数据（虚构单位，非真实公开数据）'
      },
      400
    );
    const texts = lines.map((l) => l[0]).join('|');
    expect(texts).toContain('2024 “三公”经费合计（万元）');
    expect(texts).toContain('类型：预算');
    expect(texts).toContain('2019–2025');
    expect(lines.at(-1)![0]).toContain('合成数据');
    expect(lines.at(-1)![2]).not.toBe(lines[1][2]);
  });
});
