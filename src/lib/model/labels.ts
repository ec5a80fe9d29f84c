// zh/en names of the values the data's coded columns hold (kind, scope, source_kind, section, measure,
// level, category): what a reader sees and what a CSV writes instead of the internal names.
import { FIGURES, prevName } from './schema';
import type { Kind, Scope, Section, SourceKind } from './records';

export type ValueLabel = readonly [zh: string, en: string];

export const KIND_LABELS: Record<Kind, ValueLabel> = {
  budget: ['预算', 'Budget'],
  final: ['决算', 'Final accounts']
};

export const SCOPE_LABELS: Record<Scope, ValueLabel> = {
  department: ['部门', 'Department'],
  unit: ['单位', 'Unit']
};

export const SOURCE_KIND_LABELS: Record<SourceKind, ValueLabel> = {
  published: ['公开数据', 'Published'],
  synthetic: ['合成数据', 'Synthetic'],
  local: ['本地文档', 'Local document']
};

/** line_items.section: the part of the document a row comes from */
export const SECTION_LABELS: Record<Section, ValueLabel> = {
  summary: ['收支总表', 'Overview'],
  income: ['收入', 'Income'],
  functional: ['功能分类', 'By function'],
  economic: ['经济分类', 'By economic class'],
  project: ['项目', 'Projects'],
  three_public: ['“三公”经费', '“Three public” expenses'],
  procurement: ['政府采购', 'Procurement'],
  assets: ['国有资产', 'State assets'],
  narrative: ['情况说明', 'Narrative']
};

/** line_items.measure: the column of a table an amount stands in (figure names are labelled by FIGURES) */
const MEASURE_OWN: Record<string, ValueLabel> = {
  total: ['合计', 'Total'],
  basic: ['基本支出', 'Basic'],
  project: ['项目支出', 'Project'],
  personnel: ['人员经费', 'Personnel'],
  public: ['公用经费', 'Public (office)'],
  other: ['其他', 'Other'],
  unnamed: ['未命名栏', 'Unnamed column'],
  value: ['价值', 'Value'],
  budget: ['年初预算', 'Initial budget'],
  income_current: ['本年收入', 'Income this year'],
  expenditure_current: ['本年支出', 'Expenditure this year'],
  fiscal_total: ['财政拨款', 'Fiscal appropriations'],
  carryover: ['上年结转', 'Carried over'],
  goods: ['货物', 'Goods'],
  works: ['工程', 'Works'],
  services: ['服务', 'Services']
};

export const MEASURE_LABELS: Record<string, ValueLabel> = {
  ...MEASURE_OWN,
  ...Object.fromEntries(FIGURES.map((f) => [f.name, [f.zh, f.en] as const])),
  ...Object.fromEntries(
    FIGURES.map((f) => [prevName(f.name as never), [`上年${f.zh}`, `Prior-year ${f.en}`]])
  )
};

/** units.level (from the region's last place word) */
export const LEVEL_LABELS: Record<string, ValueLabel> = {
  省级: ['省级', 'Provincial'],
  市级: ['市级', 'City'],
  区县级: ['区县级', 'District/county']
};

/** units.category (a keyword rule on the unit name) */
export const CATEGORY_LABELS: Record<string, ValueLabel> = {
  教育: ['教育', 'Education'],
  卫生健康: ['卫生健康', 'Health'],
  公安: ['公安', 'Public security'],
  政法: ['政法', 'Courts and justice'],
  财经: ['财经', 'Finance and economy'],
  交通: ['交通', 'Transport'],
  农林水: ['农林水', 'Agriculture, forestry, water'],
  党政机关: ['党政机关', 'Party and government offices'],
  文旅体: ['文旅体', 'Culture, tourism, sports'],
  社会: ['社会', 'Social affairs'],
  城建资源: ['城建资源', 'Construction and resources']
};

/** The coded columns whose values have names. */
export const VALUE_LABELS = {
  kind: KIND_LABELS,
  scope: SCOPE_LABELS,
  source_kind: SOURCE_KIND_LABELS,
  section: SECTION_LABELS,
  measure: MEASURE_LABELS,
  level: LEVEL_LABELS,
  category: CATEGORY_LABELS
} as const satisfies Record<string, Record<string, ValueLabel>>;

export type LabelledColumn = keyof typeof VALUE_LABELS;
