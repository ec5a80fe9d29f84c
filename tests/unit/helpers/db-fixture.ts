// A small hand-made SYNTHETIC dataset (fictional 示例市 units) written as Parquet with @duckdb/node-api from
// the schema's TABLES, for query edge cases the ingested corpus may not contain (a missing year, a zero
// headcount, an outlier). Every unit is source_kind 'synthetic'.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLES, TABLE_NAMES, parquetFile, type TableName } from '../../../src/lib/model';

type Row = Record<string, string | number | boolean | null>;

const unit = (id: string, name: string, region: string, level: string, category: string): Row => ({
  unit_id: id,
  unit_name: name,
  region,
  level,
  category,
  source_kind: 'synthetic'
});

export const FIXTURE_UNITS: Row[] = [
  unit('u1', '示例市教育局', '示例市', '市级', '教育'),
  unit('u2', '示例市公安局', '示例市', '市级', '公安'),
  unit('u3', '示例市卫生健康委员会', '示例市', '市级', '卫生'),
  unit('u4', '示例市临江区教育局', '示例市临江区', '区县级', '教育'),
  unit('u5', '示例市第一中学', '示例市', '市级', '教育'),
  unit('u6', '示例市交通运输局', '示例市', '市级', '交通')
];

/** doc(unit, year, figures): a budget document; figures not given are NULL. */
function doc(u: string, year: number, f: Row, kind = 'budget'): Row {
  const un = FIXTURE_UNITS.find((x) => x.unit_id === u)!;
  return {
    doc_id: `${u}-${year}-${kind}`,
    unit_id: u,
    unit_name: un.unit_name,
    region: un.region,
    year,
    kind,
    source_kind: 'synthetic',
    source_file: `fixture/${u}-${year}.txt`,
    published_on: `${year}-02-06`,
    ...f
  };
}

export const FIXTURE_DOCS: Row[] = [
  doc('u1', 2021, { reception: 10, three_public_total: 30, staff_in_service: 10, total_expenditure: 500 }),
  // u1 has no 2022 document; its 2023 document states last year's figures
  doc('u1', 2023, {
    reception: 8,
    prev_reception: 9,
    three_public_total: 25,
    prev_three_public_total: 28,
    staff_in_service: 10,
    staff_actual: 12,
    staff_authorized: 15,
    total_expenditure: 520,
    overseas_travel: 0,
    vehicle_purchase: 0,
    vehicle_operation: 17,
    vehicle_total: 17,
    basic_expenditure: 400,
    project_expenditure: 120,
    personnel_expense: 300,
    public_expense: 100
  }),
  doc('u2', 2021, { reception: 20, three_public_total: 60, staff_in_service: 40 }),
  doc('u2', 2022, { reception: 22, three_public_total: 62, staff_in_service: 40 }),
  doc('u2', 2023, {
    reception: 19.75,
    prev_reception: 22,
    three_public_total: 47.35,
    staff_in_service: 11,
    staff_actual: 15,
    staff_authorized: 15,
    total_expenditure: 900
  }),
  // a final account beside the budget of the same year: the budget is the one views pick by default. It
  // states last year's *budget* (prev_basis 'budget'): not a like-for-like prior for a final account
  doc(
    'u2',
    2023,
    {
      reception: 18.5,
      prev_reception: 22,
      prev_basis: 'budget',
      three_public_total: 45,
      staff_in_service: 11
    },
    'final'
  ),
  doc('u3', 2022, { reception: 5, three_public_total: 15, staff_in_service: 30 }),
  doc('u3', 2023, { reception: 5, three_public_total: 14, staff_in_service: 30, staff_actual: 31 }),
  doc('u4', 2023, { reception: 3, three_public_total: 9, staff_in_service: 0, staff_actual: 4 }),
  doc('u5', 2023, { reception: 6, three_public_total: 12 }),
  doc('u6', 2023, { reception: 100, three_public_total: 130, staff_in_service: 20 })
];

export const FIXTURE_LINE_ITEMS: Row[] = [
  {
    doc_id: 'u2-2023-budget',
    table_no: 1,
    section: 'summary',
    code: null,
    name: '收入总计',
    measure: 'total',
    amount: 900,
    source_line: 120
  },
  {
    doc_id: 'u2-2023-budget',
    table_no: 10,
    section: 'three_public',
    code: null,
    name: '公务接待费',
    measure: 'total',
    amount: 19.75,
    source_line: 755
  },
  {
    doc_id: 'u2-2023-budget',
    table_no: 3,
    section: 'functional',
    code: '2010301',
    name: '行政运行',
    measure: 'total',
    amount: 295.61,
    source_line: 300
  }
];
export const FIXTURE_PROJECTS: Row[] = [
  {
    doc_id: 'u2-2023-budget',
    name: '示例项目',
    code: null,
    amount: 12.5,
    has_targets: true,
    source_line: 900
  }
];
export const FIXTURE_FINDINGS: Row[] = [
  {
    doc_id: 'u2-2023-budget',
    check: 'three_public_parts',
    severity: 'error',
    message_zh: '三公合计与分项之和不符',
    message_en: 'three public total differs from its parts',
    expected: 47.35,
    actual: 47.3,
    source_lines: '755,1078'
  },
  {
    doc_id: 'u2-2023-budget',
    check: 'narrative_change',
    severity: 'warning',
    message_zh: '增减额不符',
    message_en: 'change does not match',
    expected: 2.25,
    actual: 2.2,
    source_lines: '1080'
  },
  {
    doc_id: 'u3-2023-budget',
    check: 'three_public_parts',
    severity: 'error',
    message_zh: '三公合计与分项之和不符',
    message_en: 'three public total differs from its parts',
    expected: 14,
    actual: 13,
    source_lines: '700'
  },
  {
    doc_id: 'u1-2021-budget',
    check: 'staff_parts',
    severity: 'info',
    message_zh: '人员分项缺失',
    message_en: 'staff parts missing',
    expected: null,
    actual: null,
    source_lines: '40'
  }
];

export const FIXTURE_FIGURE_SOURCES: Row[] = [
  { doc_id: 'u2-2023-budget', figure: 'reception', source_lines: '755', source_pages: '' },
  { doc_id: 'u2-2023-budget', figure: 'prev_reception', source_lines: '1092,1080', source_pages: '' },
  { doc_id: 'u3-2023-budget', figure: 'three_public_total', source_lines: '700', source_pages: '12' }
];

const textLine = (doc_id: string, line: number, page: number | null, text: string): Row => ({
  doc_id,
  line,
  page,
  text
});
/** Source text: u2's lines around 755 (a text document), u3's page 12 (a PDF). */
export const FIXTURE_SOURCE_TEXT: Row[] = [
  ...[752, 753, 754, 755, 756, 757, 758].map((n) =>
    textLine('u2-2023-budget', n, null, n === 755 ? '公务接待费 19.75 19.75' : `示例行 ${n}`)
  ),
  ...[698, 699, 700, 701].map((n) =>
    textLine('u3-2023-budget', n, 12, n === 700 ? '“三公”经费合计 14.00' : `第12页 ${n}`)
  ),
  textLine('u3-2023-budget', 702, 13, '第13页 702')
];

const DATA: Record<TableName, Row[]> = {
  disclosures: FIXTURE_DOCS,
  line_items: FIXTURE_LINE_ITEMS,
  projects: FIXTURE_PROJECTS,
  findings: FIXTURE_FINDINGS,
  units: FIXTURE_UNITS,
  figure_sources: FIXTURE_FIGURE_SOURCES,
  source_text: FIXTURE_SOURCE_TEXT
};

/** Writes the fixture into a new temp folder and returns it. */
export async function writeFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-dbfix-'));
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  for (const t of TABLE_NAMES) {
    const cols = TABLES[t];
    await conn.run(`CREATE TABLE ${t} (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    for (const row of DATA[t]) {
      const values = cols.map((c) => (row[c.name] === undefined ? null : row[c.name]));
      const ph = cols.map((c) => `CAST(? AS ${c.type})`).join(', ');
      await conn.run(`INSERT INTO ${t} VALUES (${ph})`, values as never);
    }
    await conn.run(`COPY ${t} TO '${join(dir, parquetFile(t))}' (FORMAT parquet, COMPRESSION zstd)`);
  }
  conn.closeSync();
  inst.closeSync();
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ files: TABLE_NAMES.map((t) => ({ table: t, file: parquetFile(t) })) })
  );
  return dir;
}
