// 公开完整度: the items a department budget or final-account disclosure must contain under the national rules
// (财预〔2016〕143号《地方预决算公开操作规程》 and the 财政预决算 part of the 基层政务公开标准目录), each with its id
// (written to disclosures.completeness_missing), its zh/en label and the rule that asks for it.

export interface CompletenessItem {
  zh: string;
  en: string;
  /** what the rules ask for, in a few words */
  ruleZh: string;
  ruleEn: string;
  group: 'tables' | 'three_public' | 'other' | 'overview';
}

const TABLE_RULE = {
  ruleZh: '143号：部门预决算公开表格，无数据的公开空表并说明',
  ruleEn: 'No. 143: the disclosure tables; a table without data is published empty with a note',
  group: 'tables'
} as const;
const RULE_143 = (zh: string, en: string, group: CompletenessItem['group']) =>
  ({ ruleZh: `143号：${zh}`, ruleEn: `No. 143: ${en}`, group }) as const;

export const COMPLETENESS_ITEMS = {
  table_summary: { zh: '收支总表', en: 'Income and expenditure summary table', ...TABLE_RULE },
  table_income: { zh: '收入总表', en: 'Income table', ...TABLE_RULE },
  table_expenditure: { zh: '支出总表', en: 'Expenditure table', ...TABLE_RULE },
  table_fiscal: { zh: '财政拨款收支总表', en: 'Fiscal appropriations summary table', ...TABLE_RULE },
  table_general: { zh: '一般公共预算支出表', en: 'General public budget expenditure table', ...TABLE_RULE },
  table_general_basic: {
    zh: '一般公共预算基本支出表',
    en: 'General public budget basic expenditure table',
    ...TABLE_RULE
  },
  table_fund: { zh: '政府性基金预算支出表', en: 'Government fund budget expenditure table', ...TABLE_RULE },
  table_state_capital: {
    zh: '国有资本经营预算支出表',
    en: 'State capital operating budget expenditure table',
    ...TABLE_RULE
  },
  table_three_public: { zh: '“三公”经费支出表', en: '“Three public” expenditure table', ...TABLE_RULE },
  three_public_parts: {
    zh: '“三公”经费分项（出国、接待、用车）',
    en: '“Three public” by item (overseas travel, reception, vehicles)',
    ...RULE_143(
      '“三公”经费细化到因公出国（境）费、公务接待费、公务用车购置及运行费',
      'the three items each',
      'three_public'
    )
  },
  vehicle_parts: {
    zh: '公务用车分购置费与运行费',
    en: 'Vehicles split into purchase and operation',
    ...RULE_143(
      '公务用车购置及运行费细化到购置费和运行费',
      'vehicle purchase and operation apart',
      'three_public'
    )
  },
  three_public_explained: {
    zh: '“三公”经费增减变化说明',
    en: 'Explanation of the “three public” changes',
    ...RULE_143('说明“三公”经费增减变化及原因', 'the changes explained', 'three_public')
  },
  operating_expense: {
    zh: '机关运行经费',
    en: 'Office operating expense',
    ...RULE_143('说明机关运行经费安排', 'office operating expense stated', 'other')
  },
  procurement: {
    zh: '政府采购总额',
    en: 'Government procurement total',
    ...RULE_143('说明政府采购预算（支出）总额', 'the procurement total', 'other')
  },
  procurement_split: {
    zh: '政府采购分货物、工程、服务',
    en: 'Procurement split into goods, works and services',
    ...RULE_143('政府采购细化到货物、工程、服务', 'goods, works and services apart', 'other')
  },
  assets: {
    zh: '国有资产占有使用（车辆）',
    en: 'State assets held (vehicles)',
    ...RULE_143('说明国有资产占有使用情况（车辆）', 'state assets held, vehicles', 'other')
  },
  performance: {
    zh: '绩效目标',
    en: 'Performance targets',
    ...RULE_143('公开重点项目绩效目标', 'performance targets of projects', 'other')
  },
  glossary: {
    zh: '名词解释',
    en: 'Glossary of terms',
    ...RULE_143('对专业性较强的名词进行解释', 'technical terms explained', 'overview')
  },
  functions: {
    zh: '主要职能',
    en: 'Main functions',
    ruleZh: '143号、基层政务公开标准目录：部门职责',
    ruleEn: 'No. 143 and the standard directory: the department’s duties',
    group: 'overview'
  },
  organisation: {
    zh: '机构设置',
    en: 'Organisation (units and offices)',
    ruleZh: '143号、基层政务公开标准目录：机构设置（决算：单位构成）',
    ruleEn: 'No. 143 and the standard directory: its organisation (finals: the units included)',
    group: 'overview'
  }
} as const satisfies Record<string, CompletenessItem>;

export type CompletenessItemId = keyof typeof COMPLETENESS_ITEMS;
export const COMPLETENESS_ITEM_IDS = Object.keys(COMPLETENESS_ITEMS) as CompletenessItemId[];

export const isCompletenessItemId = (x: string): x is CompletenessItemId => x in COMPLETENESS_ITEMS;

export const completenessLabel = (id: string, lang: 'zh' | 'en' = 'zh'): string =>
  isCompletenessItemId(id) ? COMPLETENESS_ITEMS[id][lang] : id;

/** The score of a disclosure: the share of the items it contains, 0–100, rounded to a whole point. */
export function completenessScore(present: number, total = COMPLETENESS_ITEM_IDS.length): number {
  return Math.round((100 * present) / total);
}

/** `completeness_missing` as stored: the missing items' ids, comma-separated, in catalogue order. */
export const joinMissing = (ids: readonly CompletenessItemId[]): string =>
  COMPLETENESS_ITEM_IDS.filter((id) => ids.includes(id)).join(',');

/** `completeness_missing` read back: the ids it names (unknown ids dropped). */
export const splitMissing = (s: string | null | undefined): CompletenessItemId[] =>
  (s ?? '').split(',').filter(isCompletenessItemId);
