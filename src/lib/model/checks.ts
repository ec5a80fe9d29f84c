// The audit's checks: the ids written to findings.parquet's `check` column, with their zh/en names.

export const CHECKS = {
  income_equals_expenditure: { zh: '收入总计 = 支出总计', en: 'Total income = total expenditure' },
  tree_sum: { zh: '上级科目 = 下级科目之和', en: 'Parent code = sum of its children' },
  row_split: { zh: '合计 = 分栏之和', en: 'Row total = its columns' },
  row_columns: { zh: '分栏与合计不符', en: 'Row columns differ from total' },
  total_equals_basic_plus_project: { zh: '总计 = 基本支出 + 项目支出', en: 'Total = basic + project' },
  basic_equals_personnel_plus_public: {
    zh: '基本支出 = 人员经费 + 公用经费',
    en: 'Basic = personnel + public'
  },
  three_public_sum: { zh: '“三公”合计 = 各项之和', en: '“Three public” total = its parts' },
  vehicle_sum: { zh: '公务用车费 = 购置 + 运行', en: 'Vehicles = purchase + operation' },
  three_public_vs_economic: { zh: '表10 与表6 经济科目', en: 'Table 10 vs table 6 economic items' },
  summary_vs_detail: { zh: '总表与明细表', en: 'Summary table vs detail table' },
  narrative_vs_table: { zh: '说明与表格', en: 'Narrative vs table' },
  narrative_conflict: { zh: '说明自相矛盾', en: 'Narrative contradicts itself' },
  unit_slip: { zh: '金额单位笔误', en: 'Money unit slip' },
  change_percent: { zh: '增减百分比', en: 'Change percentage' },
  execution_rate: { zh: '完成年初预算百分比', en: 'Execution rate (actual ÷ initial budget)' },
  change_sum: { zh: '各项增减之和', en: 'Sum of the parts’ changes' },
  share_sum: { zh: '占比之和', en: 'Shares add up to 100%' },
  prior_year_conflict: { zh: '上年数不一致', en: 'Prior-year figures disagree' },
  prior_year_negative: { zh: '推得上年数为负', en: 'Implied prior year is negative' },
  operating_vs_public: { zh: '机关运行经费与公用经费', en: 'Operating vs public expense' },
  procurement_sum: { zh: '政府采购 = 货物 + 工程 + 服务', en: 'Procurement = goods + works + services' },
  projects_sum: { zh: '项目之和 = 项目支出', en: 'Projects add up to project expenditure' },
  project_without_targets: { zh: '项目缺绩效目标表', en: 'Project without target table' },
  targets_without_project: { zh: '绩效目标表无对应项目', en: 'Target table without project' },
  project_target_amount: { zh: '绩效目标表金额', en: 'Target table amount' },
  narrative_project_missing: { zh: '说明中的项目不在表7', en: 'Narrative project not in table 7' },
  narrative_project_amount: { zh: '说明中的项目金额', en: 'Narrative project amount' },
  performance_count: { zh: '绩效项目个数', en: 'Performance project count' },
  performance_amount: { zh: '绩效项目金额', en: 'Performance project amount' },
  staff_parts: { zh: '实有人数 = 在职 + 退休 + 离休', en: 'Actual = in service + retired + separated' },
  staff_over_authorized: { zh: '在职人数超编', en: 'Staff above authorized' },
  subordinates_contradiction: { zh: '下属单位表述矛盾', en: 'Subordinate units contradicted' },
  vehicles_without_fleet: { zh: '无车却有运行费', en: 'Vehicle costs without vehicles' },
  empty_table_has_values: { zh: '注明空表却有数', en: 'Table stated empty has figures' },
  amount_unplaced: { zh: '金额栏目无法确定', en: 'Amount column unknown' },
  garbled_number: { zh: '数字无法识别', en: 'Unreadable number' },
  table_unit_unknown: { zh: '表格未注明单位', en: 'Table states no unit' },
  wording_vs_figures: { zh: '表述与数字不符', en: 'Wording contradicts the figures' },
  year_mismatch: { zh: '文中年份与文档年度不符', en: 'A year in the text contradicts the document’s year' },
  placeholder_text: { zh: '模板占位符未替换', en: 'Template placeholder left in' },
  toc_table_missing: { zh: '目录所列表格缺失', en: 'Table listed in the contents is missing' },
  identity_conflict: { zh: '预算/决算表述不一', en: 'Budget or final account: the document says both' },
  table_total: { zh: '表内合计 = 各行之和', en: 'A table total = its rows' },
  total_across_tables: { zh: '各表同一合计', en: 'The same total in several tables' },
  project_subtotal: { zh: '表7小计 = 其下项目之和', en: 'Table 7 subtotal = its projects' },
  vehicle_parts: { zh: '车辆数、价值 = 各类之和', en: 'Vehicles = the kinds listed' },
  asset_without_quantity: { zh: '无实物却有价值', en: 'A value for nothing held' },
  share_percent: { zh: '占比与金额', en: 'Share against its amounts' },
  unit_header: { zh: '金额单位标注有误', en: 'Money unit header contradicted' }
} as const satisfies Record<string, { zh: string; en: string }>;

export type CheckId = keyof typeof CHECKS;
export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
export const checkLabel = (id: string, lang: 'zh' | 'en' = 'zh'): string =>
  (CHECKS as Record<string, { zh: string; en: string }>)[id]?.[lang] ?? id;
