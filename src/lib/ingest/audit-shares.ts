// Every percentage of the prose against its amounts: a share ("一般公共服务支出 388.11 万元，占 82.84%") must be
// that amount over some total the document states; a change ("295.61 万元，比上年预算减少 152.82 万元，下降
// 34.08%") must be the change over the prior year it implies. Both within the rounding of what is written.
import { figure, type FigureName } from '../model';
import { fmt, type FindingList } from './checks';
import type { Stated } from './narrative';
import { toWan, type MoneyUnit } from './numbers';
import { linesOf, type Prose } from './prose';
import type { Item } from './tables';

const NUM = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const UNIT = '(万元|亿元|元)';
const PCT = '(\\d+(?:\\.\\d+)?)%';
const AMOUNT = new RegExp(`${NUM}\\s?${UNIT}`, 'g');
const SHARE = new RegExp(`${NUM}\\s?${UNIT}[,，]?占(?:[^,，。;；%\\d]{0,14}?)${PCT}`, 'g');
const CHANGE = new RegExp(
  `${NUM}\\s?${UNIT}[,，]?(?:占[^,，。;；%]{0,16}%[,，]?)?(?:比|较|与|同比|对比)[^,，。;；\\d]{0,14}?` +
    `(增加|减少|增长|下降|上升|降低)了?${NUM}\\s?${UNIT}[,，]?(?:同比)?(?:增长|下降|减少|增加|上升|降低)?(?:了|幅度为|率为)?${PCT}`,
  'g'
);

/** Half a unit of the last digit written. */
const half = (written: string) => 0.5 * 10 ** -(written.split('.')[1]?.length ?? 0);
const wan = (written: string, unit: string) => toWan(Number(written.replace(/,/g, '')), unit as MoneyUnit);

const SUMS: FigureName[][] = [
  ['basic_expenditure', 'project_expenditure'],
  ['personnel_expense', 'public_expense'],
  ['general_budget', 'fund_budget', 'state_capital_budget'],
  ['overseas_travel', 'vehicle_total', 'reception']
];

interface Base {
  zh: string;
  en: string;
  value: number;
}

/** The totals a share may be of: every figure, every table's uncoded row (总计, 本年收入, a unit's row). */
function basesOf(v: Partial<Record<FigureName, Stated>>, items: Item[]): Base[] {
  const out: Base[] = [];
  for (const [n, st] of Object.entries(v) as [FigureName, Stated][]) {
    const f = figure(n);
    if (f.unit === '万元' && st.value > 0) out.push({ zh: f.zh, en: f.en, value: st.value });
  }
  // totals that are the sum of stated parts (基本 + 项目 when 支出合计 itself is not on the page)
  for (const group of SUMS) {
    const parts = group.map((n) => v[n]);
    if (parts.every((x) => x !== undefined))
      out.push({
        zh: group.map((n) => figure(n).zh).join('与') + '之和',
        en: group.map((n) => figure(n).en).join(' + '),
        value: parts.reduce((a, x) => a + x!.value, 0)
      });
  }
  for (const it of items)
    if (it.code === null && it.amount !== null && it.amount > 0)
      out.push({
        zh: `表${it.table_no} ${it.name}`,
        en: `table ${it.table_no} ${it.name}`,
        value: it.amount
      });
  return out;
}

export function checkShares(p: Prose, v: Partial<Record<FigureName, Stated>>, items: Item[], f: FindingList) {
  const bases = basesOf(v, items);
  if (!bases.length) return;
  for (const m of p.text.matchAll(SHARE)) {
    const a = wan(m[1], m[2]);
    const ea = toWan(half(m[1]), m[2] as MoneyUnit) + 1e-9;
    const pct = Number(m[3]);
    // a share may be off by one in its last digit where a list of shares was made to add up to 100%
    const ep = 3 * half(m[3]) + 1e-9;
    // the totals this share is consistent with: a / total × 100 within [pct − ep, pct + ep]
    const fits = (b: number) => {
      const lo = (Math.max(0, a - ea) / b) * 100;
      const hi = ((a + ea) / b) * 100;
      return hi >= pct - ep && lo <= pct + ep;
    };
    if (bases.some((b) => fits(b.value))) continue;
    // or of an amount the prose states nearby ("公用经费 46.95 万元，其中：办公费 42.6 万元，占 90.73%")
    const around = p.text.slice(Math.max(0, m.index! - 400), m.index! + m[0].length + 400);
    const nearby = [...around.matchAll(AMOUNT)].map((x) => wan(x[1], x[2]));
    if (nearby.some(fits)) continue;
    // or of two of them together (基本支出 and 项目支出 stated, their total not)
    if (nearby.some((x, i) => nearby.some((y, j) => j > i && fits(x + y)))) continue;
    // the total it was most likely meant of: the nearest by ratio to the one the percentage implies
    const implied = pct > 0 ? (a / pct) * 100 : Infinity;
    const near = bases.reduce((best, b) =>
      Math.abs(Math.log(b.value / implied)) < Math.abs(Math.log(best.value / implied)) ? b : best
    );
    const want = (a / near.value) * 100;
    const lines = linesOf(p, m.index!, m.index! + m[0].length);
    f.add(
      'share_percent',
      'warning',
      `${fmt(a)} 万元占 ${m[3]}%（${f.place(lines).zh}）与本文件所列任一合计都不符：占${near.zh} ${fmt(near.value)} 万元应为 ${want.toFixed(2)}%`,
      `${fmt(a)} × 10k yuan is said to be ${m[3]}% (${f.place(lines).en}) of no total the document states: of ${near.en} ${fmt(near.value)} it is ${want.toFixed(2)}%`,
      Math.round(want * 100) / 100,
      pct,
      lines
    );
  }
}

/** A change stated with its percentage, after the amount it changed to: the percentage of the prior year. */
export function checkChangePercents(p: Prose, f: FindingList) {
  const known = new Set(f.list.filter((x) => x.check === 'change_percent').map((x) => x.source_lines));
  for (const m of p.text.matchAll(CHANGE)) {
    const cur = wan(m[1], m[2]);
    const sign = /增加|增长|上升/.test(m[3]) ? 1 : -1;
    const delta = wan(m[4], m[5]);
    const pct = Number(m[6]);
    const prior = cur - sign * delta;
    if (prior <= 0) continue; // from nothing ("增长 100%") or a negative prior year (prior_year_negative)
    const e = toWan(half(m[1]), m[2] as MoneyUnit) + toWan(half(m[4]), m[5] as MoneyUnit) + 1e-9;
    const ep = half(m[6]) + 1e-9;
    const lo = (Math.max(0, delta - e) / (prior + e)) * 100;
    const hi = ((delta + e) / Math.max(1e-9, prior - e)) * 100;
    if (pct >= lo - ep && pct <= hi + ep) continue;
    const lines = linesOf(p, m.index!, m.index! + m[0].length);
    const key = [...new Set(lines)].sort((x, y) => x - y).join(',');
    if (known.has(key)) continue; // the figure's own check said so already
    const want = (delta / prior) * 100;
    // "较年初预算数减少 10.93 万元": the base is the year's own budget, not the prior year
    const budget = /(?:比|较|与|对比)(?:本年|当年)?年初预算/.test(m[0]);
    const [base, baseEn] = budget ? ['年初预算', "the initial budget's"] : ['上年', "the prior year's"];
    f.add(
      'change_percent',
      'warning',
      `${fmt(cur)} 万元${m[3]} ${fmt(delta)} 万元，${base}应为 ${fmt(prior)} 万元，${m[3]}幅度应为 ${want.toFixed(2)}%，文中为 ${m[6]}%（${f.place(lines).zh}）`,
      `${fmt(cur)} × 10k yuan after a change of ${fmt(sign * delta)}: on ${baseEn} ${fmt(prior)} that is ${want.toFixed(2)}%, the text says ${m[6]}% (${f.place(lines).en})`,
      Math.round(want * 100) / 100,
      pct,
      lines
    );
  }
}
