// Totals whatever their label: the summary tables' sides (表1, 表4) against their rows, the same total where
// it stands in several tables, and 表7's subtotals against their projects.
import type { FindingList } from './checks';
import { compareSides, sameFigure, sidesAgree, sumSide, type Side } from './audit-sides';
import { sumTolerance, type MoneyUnit } from './numbers';
import type { Item, TableProject } from './tables';

type Units = Map<number, MoneyUnit>;
const same = (units: Units, ...tables: (number | null)[]) =>
  sameFigure(...tables.map((t) => units.get(t ?? 0)));

const side = (it: Item, zh = it.name, en = it.name): Side => ({
  zh: `表${it.table_no} ${zh}`,
  en: `Table ${it.table_no} ${en}`,
  value: it.amount!,
  lines: [it.source_line]
});
const part = (it: Item) => ({ value: it.amount!, lines: [it.source_line] });

function summaryOf(items: Item[], t: number) {
  const rows = items.filter((x) => x.table_no === t && x.amount !== null);
  const get = (m: string) => rows.find((x) => x.code === null && x.measure === m);
  return {
    rows,
    classes: rows.filter((x) => x.code !== null && /^2\d\d$/.test(x.code) && x.measure === 'total'),
    incomeCurrent: get('income_current'),
    fiscal: get('fiscal_total'),
    funds: ['general_budget', 'fund_budget', 'state_capital_budget'].map(get).filter((x) => x !== undefined),
    carryover: get('carryover'),
    totalIncome: get('total_income'),
    totalExpenditure: get('total_expenditure'),
    expenditureCurrent: get('expenditure_current')
  };
}

/** 表1 and 表4: the classes add up to the spending total; the income items to the income totals. */
export function checkSummaryTotals(
  items: Item[],
  f: FindingList,
  units: Units,
  kind: 'budget' | 'final' | null
) {
  for (const t of [1, 4]) {
    const s = summaryOf(items, t);
    if (!s.rows.length) continue;
    // the classes are this year's spending: 本年支出 where stated, else 支出总计 when nothing is carried over
    const spend =
      s.expenditureCurrent ?? (s.carryover && s.carryover.amount !== 0 ? undefined : s.totalExpenditure);
    if (s.classes.length && spend)
      compareSides(
        f,
        'table_total',
        'error',
        sumSide(`表${t} 各类支出之和`, `Table ${t} classes' sum`, s.classes.map(part)),
        side(spend),
        { parts: s.classes.length }
      );
    // 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营 (表4 holds nothing else; 表1 may list more income)
    const fiscalWhole = s.fiscal ?? (t === 4 ? s.incomeCurrent : undefined);
    if (fiscalWhole && s.funds.length)
      compareSides(
        f,
        'table_total',
        'error',
        side(fiscalWhole),
        sumSide(`表${t} 各项拨款之和`, `Table ${t} appropriations' sum`, s.funds.map(part)),
        { parts: s.funds.length }
      );
    // a part is never larger than the whole it belongs to
    const whole = s.incomeCurrent ?? s.fiscal;
    if (whole && s.funds.length && whole !== fiscalWhole)
      compareSides(
        f,
        'table_total',
        'error',
        side(whole),
        sumSide(`表${t} 各项拨款之和`, `Table ${t} appropriations' sum`, s.funds.map(part)),
        { parts: s.funds.length, relation: 'atMost' }
      );
    // 收入总计 = 本年收入 + 上年结转
    // (a budget's: a 决算 adds rows this reading does not name, 年初结转和结余, 使用非财政拨款结余 …)
    const current = s.incomeCurrent ?? (t === 4 ? s.fiscal : undefined);
    if (kind === 'budget' && s.totalIncome && current)
      compareSides(
        f,
        'table_total',
        'error',
        sumSide(
          s.carryover ? `表${t} ${current.name}与${s.carryover.name}之和` : `表${t} ${current.name}`,
          s.carryover ? `Table ${t} ${current.name} + ${s.carryover.name}` : `Table ${t} ${current.name}`,
          [part(current), ...(s.carryover ? [part(s.carryover)] : [])]
        ),
        side(s.totalIncome),
        { parts: 2 }
      );
  }
  checkAcrossSummaries(items, f, units, kind);
}

/** The same appropriation in 表1 and 表4; 表4's spending against 表5 + 表8 + 表9. */
function checkAcrossSummaries(items: Item[], f: FindingList, units: Units, kind: 'budget' | 'final' | null) {
  const s1 = summaryOf(items, 1);
  const s4 = summaryOf(items, 4);
  for (const m of ['general_budget', 'fund_budget', 'state_capital_budget']) {
    const a = s1.funds.find((x) => x.measure === m);
    const b = s4.funds.find((x) => x.measure === m);
    if (a && b)
      compareSides(f, 'total_across_tables', 'error', side(b), side(a), { tolerance: same(units, 1, 4) });
  }
  // a budget's 收入总表 (表2) totals all its income: 表1's 收入总计
  const t2 = items.find((x) => x.table_no === 2 && x.name === '总计' && x.measure === 'total');
  if (kind === 'budget' && t2 && t2.amount !== null && s1.totalIncome)
    compareSides(f, 'total_across_tables', 'error', side(s1.totalIncome), side(t2), {
      tolerance: same(units, 1, 2)
    });
  // 表1's classes and total as 表3 details them: a difference of a cent, which the rounding of a sum would
  // allow, is still a difference between two statements of one figure (larger ones: summary_vs_detail)
  const t3 = items.filter((x) => x.table_no === 3 && x.measure === 'total' && x.amount !== null);
  for (const c of s1.classes) {
    const d = t3.find((x) => x.code === c.code);
    if (d && Math.abs(d.amount! - c.amount!) <= sumTolerance(1, f.unit))
      compareSides(
        f,
        'summary_vs_detail',
        'error',
        side(d, `${d.code} ${d.name}`),
        side(c, `${c.code} ${c.name}`),
        {
          tolerance: same(units, 1, 3)
        }
      );
  }
  // 表4's classes are the fiscal spending that 表5 (一般公共预算), 表8 (基金) and 表9 (国有资本) detail
  if (!s4.classes.length) return;
  const detail = items.filter(
    (x) => [5, 8, 9].includes(x.table_no ?? 0) && x.measure === 'total' && x.amount !== null
  );
  if (!detail.some((x) => x.table_no === 5)) return;
  if (s4.carryover && s4.carryover.amount !== 0) return;
  for (const c of s4.classes) {
    const rows = detail.filter((x) => x.code === c.code);
    if (!rows.length) continue;
    compareSides(
      f,
      'total_across_tables',
      'error',
      sumSide(
        `表${[...new Set(rows.map((x) => x.table_no))].join('、表')} ${c.code} ${c.name}`,
        `Table ${[...new Set(rows.map((x) => x.table_no))].join(' + ')} ${c.code} ${c.name}`,
        rows.map(part)
      ),
      side(c, `${c.code} ${c.name}`, `${c.code} ${c.name}`),
      rows.length === 1 ? { tolerance: same(units, 4, rows[0].table_no) } : { parts: rows.length }
    );
  }
}

/** 表7: every subtotal (总计, a unit's row, a 类/款/项 row) against the projects below it. */
export function checkProjectTable(items: Item[], projects: TableProject[], f: FindingList, units: Units) {
  const t7 = items.filter((x) => x.table_no === 7 && x.measure === 'total' && x.amount !== null);
  // 表7's 总计 is the 项目支出 of the table it details (表5, else 表3)
  const total7 = t7.find((x) => x.code === null && x.name === '总计');
  const project =
    items.find(
      (x) => x.table_no === 5 && x.name === '总计' && x.measure === 'project' && x.amount !== null
    ) ??
    items.find((x) => x.table_no === 3 && x.name === '总计' && x.measure === 'project' && x.amount !== null);
  // a 类/款/项 row of 表7 is that code's project spending in the same table
  const detailNo = project?.table_no;
  for (const s of t7.filter((x) => x.code !== null && !projects.some((p) => p.line === x.source_line))) {
    const d = items.find(
      (x) => x.table_no === detailNo && x.code === s.code && x.measure === 'project' && x.amount !== null
    );
    if (d)
      compareSides(
        f,
        'project_subtotal',
        'error',
        side(d, `${d.code} ${d.name}（项目支出）`, `${d.code} ${d.name} (project)`),
        side(s, `${s.code} ${s.name}`, `${s.code} ${s.name}`),
        {
          tolerance: same(units, 7, detailNo ?? null)
        }
      );
  }
  if (total7 && project)
    compareSides(
      f,
      'project_subtotal',
      'error',
      side(project, '总计（项目支出）', 'total (project)'),
      side(total7),
      {
        tolerance: same(units, 7, project.table_no)
      }
    );
  const projectLines = new Set(projects.map((p) => p.line));
  const listed = projects.filter((p) => p.amount !== null);
  if (!listed.length) return;
  const subtotals = t7.filter((x) => !projectLines.has(x.source_line));
  const unitRows = subtotals.filter((x) => x.code === null && x.name !== '总计');
  for (const s of subtotals) {
    let under: TableProject[];
    if (s.code) under = listed.filter((p) => p.code !== null && p.code.startsWith(s.code!));
    else if (s.name === '总计' || unitRows.length === 1) under = listed;
    else continue; // one of several units: which projects are its own is not stated
    // the only unit's row is the 总计 again
    if (s === unitRows[0] && unitRows.length === 1 && total7)
      compareSides(f, 'project_subtotal', 'error', side(total7), side(s), { tolerance: same(units, 7) });
    if (!under.length) continue;
    compareSides(
      f,
      'project_subtotal',
      'error',
      sumSide(
        `表7 ${[s.code, s.name].filter(Boolean).join(' ')}下各项目之和`,
        `Table 7 projects under ${[s.code, s.name].filter(Boolean).join(' ')}`,
        under.map((p) => ({ value: p.amount!, lines: [p.line] }))
      ),
      side(s, `${s.code ?? ''} ${s.name}`.trim(), `${s.code ?? ''} ${s.name}`.trim()),
      { parts: under.length }
    );
  }
}

/** A parent code with one child states the child's amount again: they must be equal to the cent, which the
 *  parent = Σ children check (tree_sum) tolerates as rounding. Only the differences within that tolerance are
 *  reported here; larger ones are tree_sum's. */
export function checkSingleChildren(items: Item[], f: FindingList, units: Units) {
  const byKey = new Map<string, Item>();
  for (const it of items)
    if (it.code && it.amount !== null && [2, 3, 5, 6, 8, 9].includes(it.table_no ?? 0))
      byKey.set(`${it.table_no}|${it.measure}|${it.code}`, it);
  // each code's children: the codes two digits longer that start with it, in the same table and measure
  const kidsOf = new Map<string, Item[]>();
  for (const x of byKey.values()) {
    const up = `${x.table_no}|${x.measure}|${x.code!.slice(0, -2)}`;
    const kids = kidsOf.get(up);
    if (kids) kids.push(x);
    else kidsOf.set(up, [x]);
  }
  for (const [key, parent] of byKey) {
    const [t, m] = key.split('|');
    const kids = kidsOf.get(key);
    if (kids?.length !== 1) continue;
    const kid = kids[0];
    if (Math.abs(kid.amount! - parent.amount!) > sumTolerance(1, f.unit)) continue;
    const tolerance = same(units, Number(t));
    if (sidesAgree(f, kid.amount!, parent.amount!, { tolerance })) continue;
    compareSides(
      f,
      'tree_sum',
      'error',
      side(kid, `${kid.code} ${kid.name}（${m}）`, `${kid.code} ${kid.name} (${m})`),
      side(parent, `${parent.code} ${parent.name}（${m}）`, `${parent.code} ${parent.name} (${m})`),
      { tolerance }
    );
  }
}
