// Labels of like-for-like comparisons and of the budget-execution view (预算执行), zh and en.

export const COMPARISON_ZH = {
  view_execution: '预算执行',
  prior_base: '上年同口径数',
  prior_source: '上年数来源',
  prior_stated: '文档所述',
  prior_prior_doc: '取自上年文档',
  point_source: '数据来源',
  point_document: '本年文档',
  point_next_statement: '次年文档所述上年数',
  one_kind_note: '只比较同一类型：',
  execution_actual: '决算数',
  execution_budget: '年初预算数',
  execution_rate: '执行率',
  execution_budget_source: '预算数来源',
  execution_from_budget_doc: '预算文档',
  execution_from_final_doc: '决算文档所述年初预算',
  execution_over: '超预算执行',
  execution_under: '预算执行不足',
  execution_figure: '科目',
  execution_note:
    '执行率 = 决算数 ÷ 年初预算数。年初预算数取自同一单位同年的预算文档；没有预算文档时，取决算文档自己所述的年初预算（标注“决算文档所述年初预算”）。文档未列示的数为空，不计为 0。',
  execution_pairs: '个单位有决算',
  execution_none: '该年度没有同时有决算和年初预算的单位。'
} as const;

export type ComparisonKey = keyof typeof COMPARISON_ZH;

export const COMPARISON_EN: Record<ComparisonKey, string> = {
  view_execution: 'Budget execution',
  prior_base: 'Prior year, same kind',
  prior_source: 'Prior-year source',
  prior_stated: 'stated in the document',
  prior_prior_doc: 'from the prior-year document',
  point_source: 'Source of the value',
  point_document: 'the year’s own document',
  point_next_statement: 'stated as prior year in the next year’s document',
  one_kind_note: 'One kind compared at a time: ',
  execution_actual: 'Actual (final accounts)',
  execution_budget: 'Initial budget',
  execution_rate: 'Execution rate',
  execution_budget_source: 'Budget from',
  execution_from_budget_doc: 'the budget document',
  execution_from_final_doc: 'the final account’s own statement of its initial budget',
  execution_over: 'Over-execution',
  execution_under: 'Under-execution',
  execution_figure: 'Figure',
  execution_note:
    'Execution rate = actual ÷ initial budget. The initial budget is the same unit’s budget document of that year; where there is none, the final account’s own statement of its initial budget (marked so). A figure a document does not state is empty, never 0.',
  execution_pairs: 'units with final accounts',
  execution_none: 'No unit has both final accounts and an initial budget for this year.'
};
