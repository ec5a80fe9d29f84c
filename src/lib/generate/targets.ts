// One 项目支出绩效目标表: its content (drawn once), and the table as the seed shows it after extraction:
// header cells split over lines, each indicator a cluster of short lines, the page number after the table.
import type { Project } from './figures';
import { createLayout, wrap, type Layout } from './layout';
import type { Random } from './random';
import { TARGET_HEAD } from './templates';

export interface TargetTableInput {
  project: Project;
  unitShort: string;
  inYuan: boolean;
  /** The table starts a new page (leading space on its first line). */
  firstOnPage: boolean;
}

const PEOPLE = ['张明', '李华', '王芳', '刘洋', '陈静', '杨帆', '赵磊', '周婷', '吴刚', '孙悦'];

const fmt = (fen: number, inYuan: boolean) =>
  inYuan ? `${fen * 100}.00` : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** A multi-line indicator cluster as in the seed ("开展网络安全演练次数 / ＞=4 / 次 / 计划标准 4次 8 …"). */
function clusterIndicator(L: Layout, name: string, op: string, value: string, unit: string, weight: number) {
  L.line(name);
  L.tight(`${op}${value}`);
  L.line(unit);
  L.tight(`计划标准 ${value}${unit} ${weight}`);
  L.line('按照完成比例赋');
  L.line('分');
  L.tight('工作资料');
}

/** One 项目支出绩效目标表's content: everything drawn for it, in the order the text prints it. */
export interface TargetTable {
  project: Project;
  unitShort: string;
  inYuan: boolean;
  /** The table starts a new page. */
  firstOnPage: boolean;
  person: string;
  /** 工作开展次数 target */
  count: number;
  /** 覆盖人数 target */
  people: number;
  /** 任务完成合格率 target, % */
  passRate: number;
  /** 任务完成时间 target, months */
  months: number;
  /** 服务对象满意度 target, % */
  satisfaction: number;
}

/** Draw one target table's content (the draws the text writer always made, in the same order). */
export function targetTable(input: TargetTableInput, random: Random): TargetTable {
  const person = random.pick(PEOPLE);
  const count = random.int(2, 12);
  const people = 10 * random.int(5, 50);
  const passRate = random.pick([90, 95, 98]);
  const months = random.int(1, 12);
  const satisfaction = random.pick([85, 90, 95]);
  return { ...input, person, count, people, passRate, months, satisfaction };
}

/** The project's short name the indicators are named after ("信访维稳专项经费" → "信访维稳"). */
export const targetBase = (p: Project) => p.name.replace(/专项经费$|经费$/, '');

/** 总体目标 */
export const targetGoal = (p: Project) =>
  `保障${targetBase(p)}工作顺利开展，按计划完成年度各项任务，提高资金使用效益和服务对象满意度。`;

/** 成本 target in 万元 */
export const targetCost = (p: Project) => Math.max(1, Math.round(p.amount / 100));

/** The table as the extracted text shows it. */
export function writeTargetTableText(L: Layout, t: TargetTable): void {
  const { project: p, inYuan } = t;
  const base = targetBase(p);
  if (t.firstOnPage) L.pageBreak();
  L.line('项 目 支 出 绩 效 目 标 表');
  L.line(`预算单位 ${t.unitShort}`);
  L.line(`项目名称 ${p.name} 项目负责人 ${t.person}`);
  if (inYuan) {
    L.line('项目资金(元)');
  } else {
    L.line('项目资金(万');
    L.line('元)');
  }
  L.tight(`年度预算总额 ${fmt(p.amount, inYuan)}`);
  L.line('其中：财政拨');
  L.line('款');
  L.tight(`${fmt(p.amount, inYuan)} 其他资金 0.00`);
  L.line('项目总体目标');
  wrap(targetGoal(p), 46).forEach((l, i) => (i === 0 ? L.tight(l) : L.line(l)));
  L.raw(TARGET_HEAD);
  for (const l of ['产出', '指标', '数量', '指标']) L.line(l);
  clusterIndicator(L, `${base}工作开展次数`, '＞=', String(t.count), '次', 8);
  clusterIndicator(L, `${base}覆盖人数`, '＞=', String(t.people), '人', 8);
  for (const l of ['质量', '指标']) L.line(l);
  L.line(`任务完成合格率 ＞=${t.passRate}% 计划标准 95% 8`);
  L.tight('按照完成比例赋');
  L.line('分');
  L.tight('工作资料');
  for (const l of ['时效', '指标']) L.line(l);
  clusterIndicator(L, '任务完成时间', '＜=', String(t.months), '月', 8);
  for (const l of ['成本', '指标', '经济', '成本', '指标']) L.line(l);
  const cost = targetCost(p);
  L.line(`${base}成本`);
  L.tight(`${cost}万`);
  L.line('元');
  L.tight('预算支出标准');
  L.line(`${cost}万`);
  L.line('元');
  L.tight('20');
  L.line('按照完成比例赋');
  L.line('分');
  L.tight('原始凭证');
  for (const l of ['效益', '指标', '社会', '效益', '指标']) L.line(l);
  L.line(`提升${base}服务水平 提升 计划标准 提升 20 按评判等级赋分 工作资料`);
  for (const l of ['满意', '度指', '标', '满意', '度指', '标']) L.line(l);
  L.line('服务对象满意度');
  L.tight('＞');
  L.line(`=${t.satisfaction}%`);
  L.tight('计划标准 90% 10 满意度赋分 工作资料');
  L.line('');
}

/** Stand-alone rendering (for tests): the table as text. */
export function targetTableText(input: TargetTableInput, random: Random): string {
  const L = createLayout();
  writeTargetTableText(L, targetTable(input, random));
  return L.text();
}
