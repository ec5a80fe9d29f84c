// Resolve each figure of disclosures.parquet from the tables (first) and the prose (otherwise), keeping
// where it came from, and cross-check every other statement of it.
import { figure, type FigureName, type Kind } from '../model';
import { checkPercent, wan, type Finding, type FindingList } from './checks';
import type { Mention } from './mentions';
import type { NarrativeFacts, StaffFacts, Stated } from './narrative';
import type { MoneyUnit } from './numbers';
import type { Item } from './tables';

/** A prior-year figure with what it is of: last year's 预算 or 决算 as the words say (null: not said). */
export type PriorStated = Stated & { basis?: Kind | null };

export interface Resolved {
  value: Partial<Record<FigureName, Stated>>;
  prev: Partial<Record<FigureName, PriorStated>>;
  /** a table reading the prose contradicts, with the finding that says so (reading.ts decides which stands) */
  conflicts: Conflict[];
}

export interface Conflict {
  figure: FigureName;
  table: Stated;
  prose: Stated;
  finding: Finding;
}

const label = (n: FigureName) => {
  const f = figure(n);
  return { zh: f.zh, en: f.en };
};

/** Half a unit of the last digit a table in `unit` prints (万元 and 元 tables print 2 decimals at most). */
export const tablePrecision = (unit: MoneyUnit | undefined) =>
  unit === '元' ? 0.00005 : unit === '亿元' ? 50 : 0.005;

/** Figures as the tables state them (the formal statement, preferred over prose). */
export function figuresFromTables(
  items: Item[],
  units: Map<number, MoneyUnit> = new Map()
): Partial<Record<FigureName, Stated>> {
  const pick = (pred: (it: Item) => boolean): Stated | undefined => {
    const it = items.find((x) => pred(x) && x.amount !== null);
    return it
      ? {
          value: it.amount!,
          lines: [it.source_line],
          precision: tablePrecision(units.get(it.table_no ?? 0))
        }
      : undefined;
  };
  const total = (no: number, measure: string) =>
    pick((x) => x.table_no === no && x.measure === measure && x.code === null && x.name === '总计');
  const s = (measure: string) => pick((x) => x.table_no === 1 && x.measure === measure && x.code === null);
  const s4 = (measure: string) => pick((x) => x.table_no === 4 && x.measure === measure && x.code === null);
  const tp = (measure: string) => pick((x) => x.table_no === 10 && x.measure === measure);
  return {
    total_income: s('total_income'),
    total_expenditure: s('total_expenditure'),
    general_budget: s('general_budget') ?? s4('general_budget'),
    fund_budget: s('fund_budget') ?? s4('fund_budget'),
    state_capital_budget: s('state_capital_budget') ?? s4('state_capital_budget'),
    basic_expenditure: total(3, 'basic') ?? total(5, 'basic'),
    project_expenditure: total(3, 'project') ?? total(5, 'project'),
    personnel_expense: total(6, 'personnel'),
    public_expense: total(6, 'public'),
    three_public_total: tp('three_public_total'),
    overseas_travel: tp('overseas_travel'),
    vehicle_total: tp('vehicle_total'),
    vehicle_purchase: tp('vehicle_purchase'),
    vehicle_operation: tp('vehicle_operation'),
    reception: tp('reception'),
    operating_expense: tp('operating_expense')
  };
}

/** Other table statements that a prose figure may legitimately equal (表5 for 基本/项目, say). */
function alternatives(items: Item[], n: FigureName): number[] {
  const totals = (no: number, m: string) =>
    items
      .filter((x) => x.table_no === no && x.measure === m && x.name === '总计' && x.amount !== null)
      .map((x) => x.amount!);
  if (n === 'basic_expenditure') return [...totals(3, 'basic'), ...totals(5, 'basic'), ...totals(6, 'total')];
  if (n === 'project_expenditure') return [...totals(3, 'project'), ...totals(5, 'project')];
  if (n === 'total_expenditure' || n === 'total_income')
    return items
      .filter((x) => (x.table_no === 1 || x.table_no === 4) && /^total_/.test(x.measure))
      .map((x) => x.amount!);
  if (n === 'general_budget')
    return items.filter((x) => x.table_no === 4 && x.measure === 'general_budget').map((x) => x.amount!);
  return [];
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

export function resolveFigures(
  items: Item[],
  mentions: Mention[],
  staff: StaffFacts,
  facts: NarrativeFacts,
  findings: FindingList,
  tol: number,
  units: Map<number, MoneyUnit> = new Map()
): Resolved {
  const value: Resolved['value'] = {};
  const conflicts: Conflict[] = [];
  const mismatch = (f: FindingList, n: FigureName, table: Stated, prose: Stated) =>
    conflicts.push({ figure: n, table, prose, finding: report(f, n, table, prose) });
  const prev: Resolved['prev'] = {};
  const fromTables = figuresFromTables(items, units);
  // a prose figure agrees with a table when they differ by no more than the prose's own rounding
  const within = (a: Stated | number, b: Stated) =>
    near(
      typeof a === 'number' ? a : a.value,
      b.value,
      Math.max(tol, b.precision ?? 0, typeof a === 'number' ? 0 : (a.precision ?? 0))
    );
  for (const [k, v] of Object.entries(fromTables)) if (v) value[k as FigureName] = v;

  // prose values: fill what the tables do not state, cross-check what they do
  const byFigure = new Map<FigureName, Mention[]>();
  for (const m of mentions) {
    let g = byFigure.get(m.figure);
    if (!g) byFigure.set(m.figure, (g = []));
    g.push(m);
  }
  const proseTotals: [FigureName, Stated | undefined][] = [
    ['total_income', facts.totals.income],
    ['total_expenditure', facts.totals.expenditure]
  ];
  for (const [n, st] of proseTotals) {
    if (!st) continue;
    if (!value[n]) value[n] = st;
    else if (!within(value[n]!, st) && !alternatives(items, n).some((a) => within(a, st)))
      mismatch(findings, n, value[n]!, st);
  }
  for (const [n, ms] of byFigure) {
    const stated = ms.filter((m) => m.kind === 'value' && m.period === 'current' && m.column === 'actual');
    const strong = stated.filter((m) => !m.weak);
    const current = strong.length ? strong : stated;
    if (!current.length) continue;
    // the same figure stated twice in prose with a unit slip (1.58元 vs 1.58万元): the 万元 one stands
    const sane = current.filter(
      (m) => !(m.unit === '元' && current.some((o) => o.unit === '万元' && o.raw === m.raw))
    );
    for (const m of current)
      if (!sane.includes(m))
        findings.add(
          'unit_slip',
          'warning',
          `${label(n).zh}写作 ${m.raw} 元，别处为 ${m.raw} 万元，按万元采用`,
          `${label(n).en} is written as ${m.raw} 元 but elsewhere as ${m.raw} 万元; taken as 万元`,
          m.raw,
          m.value,
          m.lines
        );
    const head = sane[0];
    const alt = alternatives(items, n);
    if (!value[n]) {
      // prose alone, and it disagrees with itself: the figure is not placed (a finding, not a value)
      const other = sane.find((m) => !near(m.value, head.value, tol));
      if (other) {
        findings.add(
          'narrative_conflict',
          'warning',
          `${label(n).zh}在说明中有两个不同的数：${wan(head.value).zh}（${findings.place(head.lines).zh}）与 ${wan(other.value).zh}（${findings.place(other.lines).zh}），未采用`,
          `${label(n).en} is stated as both ${wan(head.value).en} (${findings.place(head.lines).en}) and ${wan(other.value).en} (${findings.place(other.lines).en}); left unstated`,
          head.value,
          other.value,
          [...head.lines, ...other.lines]
        );
        continue;
      }
      value[n] = { value: head.value, lines: head.lines, precision: head.precision };
    }
    // one finding per differing prose amount, naming every line that states it
    const differing = new Map<number, number[]>();
    for (const m of sane) {
      if (within(value[n]!, m) || alt.some((a) => within(a, m))) continue;
      differing.set(m.value, [...(differing.get(m.value) ?? []), ...m.lines]);
    }
    for (const [v, lines] of differing) mismatch(findings, n, value[n]!, { value: v, lines });
  }
  // a sentence saying there is none of a figure states it as 0; a figure stated otherwise contradicts it
  for (const none of facts.none)
    for (const n of none.figures) {
      const st = value[n];
      if (!st) value[n] = { value: 0, lines: none.lines };
      else if (!near(st.value, 0, tol)) mismatch(findings, n, st, { value: 0, lines: none.lines });
    }
  for (const [n, st] of Object.entries(staff.counts) as [FigureName, Stated][]) value[n] = st;
  if (facts.vehicles) value.vehicles_count = facts.vehicles;

  // prior-year values: stated outright, or current − stated change
  for (const [n, ms] of byFigure) {
    const explicit = ms.find((m) => m.kind === 'value' && m.period === 'prior' && m.column === 'actual');
    if (explicit) prev[n] = { value: explicit.value, lines: explicit.lines, basis: explicit.basis ?? null };
    for (const m of ms) {
      // the change is applied to the amount its own sentence states, where it states one
      const own = ms.filter(
        (x) => x.kind === 'value' && x.period === 'current' && x.column === 'actual' && x.start <= m.start
      );
      const cur = own.length
        ? { value: own[own.length - 1].value, lines: own[own.length - 1].lines }
        : value[n];
      if (m.kind !== 'change' || m.against !== 'prior' || m.period !== 'current' || !cur) continue;
      const p = round(cur.value - m.value);
      if (m.pct !== null)
        checkPercent(findings, label(n), cur.value, m.value, m.pct, [...cur.lines, ...m.lines]);
      if (p < -tol) {
        // a change larger than the amount it changed from: a slip in the document, not a prior-year figure
        findings.add(
          'prior_year_negative',
          'warning',
          `${label(n).zh}为 ${wan(cur.value).zh}，所述变动 ${wan(m.value).zh} 推得上年为负数 ${wan(p).zh}，未采用`,
          `${label(n).en} is ${wan(cur.value).en}; the stated change of ${wan(m.value).en} implies a negative prior year (${wan(p).en}); not used`,
          null,
          p,
          [...cur.lines, ...m.lines]
        );
        continue;
      }
      if (!prev[n]) prev[n] = { value: p, lines: [...m.lines, ...cur.lines], basis: m.basis ?? null };
      else if (!near(prev[n]!.value, p, tol * 2)) {
        findings.add(
          'prior_year_conflict',
          'warning',
          `${label(n).zh}的上年数：${wan(prev[n]!.value).zh} 与由变动额推得的 ${wan(p).zh} 不一致`,
          `Prior-year ${label(n).en}: ${wan(prev[n]!.value).en} disagrees with ${wan(p).en} implied by the stated change`,
          prev[n]!.value,
          p,
          [...prev[n]!.lines, ...m.lines]
        );
      }
    }
  }
  for (const [n, st] of Object.entries(staff.prev) as [FigureName, Stated][]) prev[n] = st;
  return { value, prev, conflicts };
}

const round = (v: number) => Math.round(v * 10000) / 10000;

function report(findings: FindingList, n: FigureName, table: Stated, prose: Stated): Finding {
  findings.add(
    'narrative_vs_table',
    'error',
    `${label(n).zh}：说明中为 ${wan(prose.value).zh}（${findings.place(prose.lines).zh}），表中为 ${wan(table.value).zh}（${findings.place(table.lines).zh}）`,
    `${label(n).en}: the narrative says ${wan(prose.value).en} (${findings.place(prose.lines).en}), the table says ${wan(table.value).en} (${findings.place(table.lines).en})`,
    table.value,
    prose.value,
    [...table.lines, ...prose.lines]
  );
  return findings.list[findings.list.length - 1];
}
