// The one schema of gongkai's Parquet files: table names, column names, types, zh/en labels and units.
// The ingest writes these columns, the queries read them, the charts label with them, the tests check them.

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface Column {
  name: string;
  type: ColumnType;
  zh: string;
  en: string;
  /** '万元' for amounts, '人' for headcounts, '辆' for vehicles, '分' for a 0–100 score; absent for text. */
  unit?: '万元' | '人' | '辆' | '分';
}

/** A figure of a disclosure: an amount (万元) or a count, that may also have a prior-year value. */
export interface Figure extends Column {
  type: 'DOUBLE' | 'INTEGER';
  unit: '万元' | '人' | '辆';
  /** Figures grouped for the UI's metric picker. */
  group: 'totals' | 'split' | 'three_public' | 'other' | 'staff';
}

const amount = (name: string, zh: string, en: string, group: Figure['group']): Figure => ({
  name,
  type: 'DOUBLE',
  unit: '万元',
  zh,
  en,
  group
});
const count = (name: string, zh: string, en: string, unit: '人' | '辆'): Figure => ({
  name,
  type: 'INTEGER',
  unit,
  zh,
  en,
  group: unit === '人' ? 'staff' : 'other'
});

/** Every figure of disclosures.parquet, in column order. Amounts are 万元 rounded to 4 decimals. */
export const FIGURES: readonly Figure[] = [
  amount('total_income', '收入总计', 'Total income', 'totals'),
  amount('total_expenditure', '支出总计', 'Total expenditure', 'totals'),
  amount('general_budget', '一般公共预算', 'General public budget', 'totals'),
  amount('fund_budget', '政府性基金预算', 'Government fund budget', 'totals'),
  amount('state_capital_budget', '国有资本经营预算', 'State capital budget', 'totals'),
  amount('basic_expenditure', '基本支出', 'Basic expenditure', 'split'),
  amount('project_expenditure', '项目支出', 'Project expenditure', 'split'),
  amount('personnel_expense', '人员经费', 'Personnel expense', 'split'),
  amount('public_expense', '公用经费', 'Public (office) expense', 'split'),
  amount('operating_expense', '机关运行经费', 'Office operating expense', 'split'),
  amount('three_public_total', '“三公”经费合计', '“Three public” total', 'three_public'),
  amount('overseas_travel', '因公出国（境）费', 'Official overseas travel', 'three_public'),
  amount('vehicle_total', '公务用车购置及运行费', 'Official vehicles (purchase + operation)', 'three_public'),
  amount('vehicle_purchase', '公务用车购置费', 'Official vehicle purchase', 'three_public'),
  amount('vehicle_operation', '公务用车运行费', 'Official vehicle operation', 'three_public'),
  amount('reception', '公务接待费', 'Official reception', 'three_public'),
  amount('procurement_total', '政府采购预算', 'Government procurement', 'other'),
  count('vehicles_count', '车辆数', 'Vehicles', '辆'),
  count('staff_authorized', '编制数', 'Authorized staff', '人'),
  count('staff_actual', '实有人数', 'Actual staff', '人'),
  count('staff_in_service', '在职人数', 'Staff in service', '人'),
  count('staff_retired', '退休人数', 'Retired staff', '人'),
  count('staff_separated', '离休人数', 'Retired veteran cadres (lixiu)', '人')
];

export type FigureName =
  | 'total_income'
  | 'total_expenditure'
  | 'general_budget'
  | 'fund_budget'
  | 'state_capital_budget'
  | 'basic_expenditure'
  | 'project_expenditure'
  | 'personnel_expense'
  | 'public_expense'
  | 'operating_expense'
  | 'three_public_total'
  | 'overseas_travel'
  | 'vehicle_total'
  | 'vehicle_purchase'
  | 'vehicle_operation'
  | 'reception'
  | 'procurement_total'
  | 'vehicles_count'
  | 'staff_authorized'
  | 'staff_actual'
  | 'staff_in_service'
  | 'staff_retired'
  | 'staff_separated';

export const FIGURE_NAMES = FIGURES.map((f) => f.name) as FigureName[];

const BY_NAME = new Map(FIGURES.map((f) => [f.name, f]));
/** The figure of that name (its labels and unit). */
export const figure = (n: FigureName): Figure => BY_NAME.get(n)!;

/** Figures whose prior-year value the narrative can give ("比上年预算减少 19.75 万元"). */
export const PREV_FIGURES: readonly FigureName[] = FIGURE_NAMES.filter((n) => n !== 'vehicles_count');
export const prevName = (n: FigureName) => `prev_${n}` as const;

/** The “三公” figures: the total, its parts and the vehicle subtotal's parts. */
export const THREE_PUBLIC_FIGURES = [
  'three_public_total',
  'overseas_travel',
  'vehicle_total',
  'vehicle_purchase',
  'vehicle_operation',
  'reception'
] as const satisfies readonly FigureName[];

/** Figures a 决算 document may state its 年初预算 (start-of-year budget) of: the totals, the 一般公共预算财政拨款
 * spending ("一般公共预算财政拨款支出年初预算为 …，支出决算为 …") and 三公. */
export const INITIAL_FIGURES = [
  'total_expenditure',
  'general_budget',
  'basic_expenditure',
  'project_expenditure',
  ...THREE_PUBLIC_FIGURES
] as const satisfies readonly FigureName[];
export type InitialFigure = (typeof INITIAL_FIGURES)[number];
export const initialName = (n: InitialFigure) => `initial_${n}` as const;

/** What the prior-year figures a document states are: last year's 预算 ('budget') or 决算 ('final'), as its
 * words say ("比上年预算…", "较上年决算数…"); NULL when they do not say ("比上年增加…"). */
export const PREV_BASIS = 'prev_basis';

const text = (name: string, zh: string, en: string): Column => ({ name, type: 'VARCHAR', zh, en });

export const DISCLOSURE_IDENTITY: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  text('unit_id', '单位编号', 'Unit id'),
  text('unit_name', '单位名称', 'Unit'),
  text('region', '地区', 'Region'),
  { name: 'year', type: 'INTEGER', zh: '年度', en: 'Year' },
  text('kind', '类型', 'Kind'),
  text('scope', '口径', 'Scope'),
  text('source_kind', '来源', 'Source'),
  text('source_file', '源文件', 'Source file'),
  { name: 'published_on', type: 'DATE', zh: '发布日期', en: 'Published on' }
];

/** A score of the disclosure itself, not a figure it states: 0–100 points. */
export interface Score extends Column {
  type: 'INTEGER';
  unit: '分';
}
export type ScoreName = 'completeness';

/** 公开完整度: the share of the items the national rules require that the document contains (model/completeness.ts). */
export const COMPLETENESS: Score = {
  name: 'completeness',
  type: 'INTEGER',
  unit: '分',
  zh: '公开完整度',
  en: 'Disclosure completeness'
};
export const SCORES: readonly Score[] = [COMPLETENESS];

export const DISCLOSURE_SCORE_COLUMNS: readonly Column[] = [
  COMPLETENESS,
  text('completeness_missing', '未公开事项', 'Items not disclosed')
];

export const DISCLOSURE_COLUMNS: readonly Column[] = [
  ...DISCLOSURE_IDENTITY,
  ...FIGURES,
  ...PREV_FIGURES.map((n) => {
    const f = figure(n);
    return { ...f, name: prevName(n), zh: `上年${f.zh}`, en: `Prior-year ${f.en.toLowerCase()}` } as Column;
  }),
  text(PREV_BASIS, '上年数口径', 'Prior-year basis'),
  ...INITIAL_FIGURES.map((n) => {
    const f = figure(n);
    return {
      ...f,
      name: initialName(n),
      zh: `年初预算${f.zh}`,
      en: `Initial budget: ${f.en.toLowerCase()}`
    } as Column;
  }),
  ...DISCLOSURE_SCORE_COLUMNS
];

export const LINE_ITEM_COLUMNS: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  { name: 'table_no', type: 'INTEGER', zh: '表号', en: 'Table' },
  text('section', '部分', 'Section'),
  text('code', '科目编码', 'Code'),
  text('name', '名称', 'Name'),
  text('measure', '栏目', 'Measure'),
  { name: 'amount', type: 'DOUBLE', zh: '金额', en: 'Amount', unit: '万元' },
  { name: 'source_line', type: 'INTEGER', zh: '源行号', en: 'Source line' },
  { name: 'source_page', type: 'INTEGER', zh: '源页码', en: 'Source page' }
];

export const PROJECT_COLUMNS: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  text('name', '项目名称', 'Project'),
  text('code', '科目编码', 'Code'),
  { name: 'amount', type: 'DOUBLE', zh: '金额', en: 'Amount', unit: '万元' },
  { name: 'has_targets', type: 'BOOLEAN', zh: '有绩效目标表', en: 'Has target table' },
  { name: 'source_line', type: 'INTEGER', zh: '源行号', en: 'Source line' },
  { name: 'source_page', type: 'INTEGER', zh: '源页码', en: 'Source page' }
];

export const FINDING_COLUMNS: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  text('check', '检查', 'Check'),
  text('severity', '级别', 'Severity'),
  text('message_zh', '说明', 'Message (zh)'),
  text('message_en', '说明（英文）', 'Message'),
  { name: 'expected', type: 'DOUBLE', zh: '应为', en: 'Expected' },
  { name: 'actual', type: 'DOUBLE', zh: '实为', en: 'Actual' },
  text('source_lines', '源行号', 'Source lines'),
  text('source_pages', '源页码', 'Source pages')
];

export const UNIT_COLUMNS: readonly Column[] = [
  text('unit_id', '单位编号', 'Unit id'),
  text('unit_name', '单位名称', 'Unit'),
  text('region', '地区', 'Region'),
  text('level', '级次', 'Level'),
  text('category', '类别', 'Category'),
  text('source_kind', '来源', 'Source')
];

/** Where each stored figure of a disclosure was read: one row per non-NULL figure column (`reception`,
 * `prev_reception`, …), its lines in order of weight (the statement taken first, then those it rests on). */
export const FIGURE_SOURCE_COLUMNS: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  text('figure', '数字', 'Figure'),
  text('source_lines', '源行号', 'Source lines'),
  text('source_pages', '源页码', 'Source pages')
];

/** The source text the browser shows beside a figure: per document, every line some row refers to, with
 * SOURCE_CONTEXT_LINES lines either side (for a PDF, every line of each page referred to). */
export const SOURCE_TEXT_COLUMNS: readonly Column[] = [
  text('doc_id', '文档编号', 'Document id'),
  { name: 'line', type: 'INTEGER', zh: '行号', en: 'Line' },
  { name: 'page', type: 'INTEGER', zh: '页码', en: 'Page' },
  text('text', '原文', 'Text')
];

/** Lines kept either side of a referenced line of a text or HTML document (a PDF keeps the whole page). */
export const SOURCE_CONTEXT_LINES = 3;

export const TABLES = {
  disclosures: DISCLOSURE_COLUMNS,
  line_items: LINE_ITEM_COLUMNS,
  projects: PROJECT_COLUMNS,
  findings: FINDING_COLUMNS,
  units: UNIT_COLUMNS,
  figure_sources: FIGURE_SOURCE_COLUMNS,
  source_text: SOURCE_TEXT_COLUMNS
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export const parquetFile = (t: TableName) => `${t}.parquet`;

/** Sort order of each table in its Parquet file (keeps row groups prunable by year and unit). */
export const SORT_KEYS: Record<TableName, string[]> = {
  disclosures: ['year', 'unit_id', 'kind', 'doc_id'],
  line_items: ['doc_id', 'table_no', 'source_line', 'measure'],
  projects: ['doc_id', 'source_line', 'name'],
  findings: ['doc_id', 'check', 'source_lines', 'message_en'],
  units: ['unit_id'],
  figure_sources: ['doc_id', 'figure'],
  source_text: ['doc_id', 'line']
};

/** Tables the browser reads one document's rows of at a time, by range request, and never fetches whole (not
 * held in memory, not copied into the SQL console): they grow with the documents' text. */
export const READ_BY_DOCUMENT: readonly TableName[] = ['source_text'];

/** Rows per Parquet row group, for tables read one document at a time by range request (DuckDB skips the
 * row groups whose doc_id range excludes the one asked for; the default of 122,880 rows would make a unit
 * page fetch hundreds of documents' text). Smaller groups cost footer bytes, read when the engine starts
 * (about 600 bytes a group for source_text, 400 for figure_sources). */
export const ROW_GROUP_ROWS: Partial<Record<TableName, number>> = {
  figure_sources: 32768,
  source_text: 8192
};
