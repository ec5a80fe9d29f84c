// Titles of the ten tables of the national budget-disclosure template (部门预算公开 表1–表10), as the seed
// states them. Final-account documents number their tables differently, so only budgets use these titles.
import type { Lang } from './strings';

const TITLES: Record<number, [string, string]> = {
  1: ['部门收支总体情况表', 'Income and expenditure overview'],
  2: ['部门收入总体情况表', 'Income overview'],
  3: ['部门支出总体情况表', 'Expenditure overview'],
  4: ['财政拨款收支预算总体情况表', 'Fiscal appropriations overview'],
  5: ['一般公共预算支出情况表', 'General public budget expenditure'],
  6: ['一般公共预算基本支出情况表', 'General public budget basic expenditure'],
  7: ['一般公共预算项目支出情况表', 'General public budget project expenditure'],
  8: ['政府性基金预算支出情况表', 'Government fund budget expenditure'],
  9: ['国有资本经营预算支出情况表', 'State capital budget expenditure'],
  10: ['财政拨款“三公”经费支出情况表', '“Three public” expenses from appropriations']
};

/** "表6 一般公共预算基本支出情况表" / "Table 6 General public budget basic expenditure". */
export function tableTitle(lang: Lang, tableNo: number, kind: string | null): string {
  const head = lang === 'zh' ? `表${tableNo}` : `Table ${tableNo}`;
  const t = kind === 'budget' ? TITLES[tableNo] : undefined;
  return t ? `${head} ${lang === 'zh' ? t[0] : t[1]}` : head;
}
