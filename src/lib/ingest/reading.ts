// Which reading is stored when a table and the prose state a figure differently: the one the document's own
// identities support (a 公务用车运行费 larger than the 公务用车购置及运行费 containing it is impossible; a total
// that its parts add up to is confirmed). When nothing singles one out, neither is stored: a wrong figure is
// worse than a missing one. The disagreement's finding says which was taken and why.
import { figure, type FigureName } from '../model';
import { wan, type FindingList } from './checks';
import type { Resolved } from './figures';
import type { Mention } from './mentions';
import type { Item } from './tables';
import type { NarrativeFacts, Stated } from './narrative';
import { sumTolerance, type MoneyUnit } from './numbers';

/** whole = Σ parts, as the template defines them; 'atMost': the parts are some of the whole */
const SUMS: [FigureName, FigureName[], 'atMost'?][] = [
  ['three_public_total', ['overseas_travel', 'vehicle_total', 'reception']],
  ['vehicle_total', ['vehicle_purchase', 'vehicle_operation']],
  ['basic_expenditure', ['personnel_expense', 'public_expense']],
  ['total_income', ['total_expenditure']],
  ['total_income', ['general_budget', 'fund_budget', 'state_capital_budget'], 'atMost'],
  ['total_expenditure', ['basic_expenditure', 'project_expenditure'], 'atMost']
];

export type Values = Partial<Record<FigureName, number>>;

/** an identity as [zh, en] text */
type Said = [string, string];

interface Verdict {
  holds: Said[];
  breaks: Said[];
}

const name = (n: FigureName) => figure(n).zh;
const nameEn = (n: FigureName) => figure(n).en;

/** The identities that involve any of `involved`, checked on `v` (every figure as it would be stored). */
export function verdict(
  involved: Set<FigureName>,
  values: Values,
  procurement: number | undefined,
  unit: MoneyUnit
): Verdict {
  const v: Values = { ...values };
  // the vehicle total where only its parts are stated
  if (v.vehicle_total === undefined && v.vehicle_purchase !== undefined && v.vehicle_operation !== undefined)
    v.vehicle_total = v.vehicle_purchase + v.vehicle_operation;
  const out: Verdict = { holds: [], breaks: [] };
  for (const [whole, parts, atMost] of SUMS) {
    if (!involved.has(whole) && !parts.some((x) => involved.has(x))) continue;
    const w = v[whole];
    const known = parts.filter((x) => v[x] !== undefined);
    if (w === undefined || !known.length) continue;
    const sum = known.reduce((t, x) => t + v[x]!, 0);
    const tol = sumTolerance(parts.length, unit);
    const text: Said = [
      `${name(whole)} = ${parts.map(name).join(' + ')}`,
      `${nameEn(whole)} = ${parts.map(nameEn).join(' + ')}`
    ];
    if (known.length === parts.length && !atMost)
      (Math.abs(sum - w) <= tol ? out.holds : out.breaks).push(text);
    else if (sum > w + tol)
      out.breaks.push([
        `${parts.map(name).join('、')} ≤ ${name(whole)}`,
        `${parts.map(nameEn).join(', ')} ≤ ${nameEn(whole)}`
      ]);
  }
  if (involved.has('procurement_total') && procurement !== undefined && v.procurement_total !== undefined) {
    const text: Said = [
      `${name('procurement_total')} = 货物 + 工程 + 服务`,
      `${nameEn('procurement_total')} = goods + works + services`
    ];
    (Math.abs(procurement - v.procurement_total) <= sumTolerance(3, unit) ? out.holds : out.breaks).push(
      text
    );
  }
  return out;
}

/** How many statements of the document give `n` as `value`: the reading itself, and the prose mentions and
 *  table rows elsewhere that state the same. */
function statements(n: FigureName, reading: Stated, mentions: Mention[], items: Item[], tol: number): number {
  const near = (a: number, e = 0) => Math.abs(a - reading.value) <= Math.max(tol, e);
  const elsewhere = (lines: number[]) => !lines.some((l) => reading.lines.includes(l));
  const prose = mentions.filter(
    (m) =>
      m.figure === n &&
      m.kind === 'value' &&
      m.period === 'current' &&
      m.column === 'actual' &&
      near(m.value, m.precision) &&
      elsewhere(m.lines)
  ).length;
  const rows = tableStatements(items, n).filter((x) => near(x.amount!) && elsewhere([x.source_line]));
  return 1 + prose + rows.length;
}

/** The table rows that state figure `n` (in any of the tables that carry it). */
function tableStatements(items: Item[], n: FigureName): Item[] {
  const total = (t: number[], m: string) => (x: Item) =>
    t.includes(x.table_no ?? 0) && x.measure === m && x.name === '总计';
  const pred: ((x: Item) => boolean) | undefined = {
    basic_expenditure: (x: Item) => total([3, 5], 'basic')(x) || total([6], 'total')(x),
    project_expenditure: total([3, 5], 'project'),
    personnel_expense: total([6], 'personnel'),
    public_expense: total([6], 'public'),
    total_income: (x: Item) => [1, 4].includes(x.table_no ?? 0) && /^total_/.test(x.measure),
    total_expenditure: (x: Item) => [1, 4].includes(x.table_no ?? 0) && /^total_/.test(x.measure)
  }[n as string];
  const same = (x: Item) =>
    pred
      ? pred(x)
      : (x.table_no === 10 || [1, 4].includes(x.table_no ?? 0)) && x.code === null && x.measure === n;
  return items.filter((x) => x.amount !== null && same(x));
}

interface Candidate {
  st: Stated;
  from: 'table' | 'prose';
  said: number;
}

/** At most this many figures in conflict are weighed together (2^n readings); beyond, each alone. */
const JOINT = 8;

export function chooseReadings(
  resolved: Resolved,
  findings: FindingList,
  facts: NarrativeFacts,
  mentions: Mention[],
  items: Item[],
  unit: MoneyUnit
) {
  const stored: Values = {};
  for (const [n, st] of Object.entries(resolved.value) as [FigureName, Stated][]) stored[n] = st.value;
  const p = facts.procurement;
  const procurement =
    p.goods || p.works || p.services
      ? (p.goods?.value ?? 0) + (p.works?.value ?? 0) + (p.services?.value ?? 0)
      : undefined;
  const tol = sumTolerance(1, unit);
  const byFigure = new Map<FigureName, Resolved['conflicts']>();
  for (const c of resolved.conflicts) {
    const cs = byFigure.get(c.figure) ?? [];
    // the same amount said twice against the table is one disagreement: one finding naming both lines
    const same = cs.find((x) => x.prose.value === c.prose.value);
    if (same) {
      same.finding.source_lines = [
        ...new Set([...same.finding.source_lines.split(','), ...c.finding.source_lines.split(',')])
      ]
        .map(Number)
        .sort((a, b) => a - b)
        .join(',');
      findings.list.splice(findings.list.indexOf(c.finding), 1);
      continue;
    }
    byFigure.set(c.figure, [...cs, c]);
  }
  if (!byFigure.size) return;
  const figures = [...byFigure.keys()];
  const options = new Map<FigureName, Candidate[]>();
  for (const [n, cs] of byFigure) {
    const table = cs[0].table;
    options.set(
      n,
      [
        { st: table, from: 'table' as const },
        ...cs.map((c) => ({ st: c.prose, from: 'prose' as const }))
      ].map((c) => ({ ...c, said: statements(n, c.st, mentions, items, tol) }))
    );
  }
  // every way of reading the figures in conflict together: one whose identities break is out; of the rest
  // the one whose identities hold (then whose readings more statements give) is taken
  const groups = figures.length <= JOINT ? [figures] : figures.map((n) => [n]);
  for (const group of groups) {
    const involved = new Set(group);
    let readings: Map<FigureName, Candidate>[] = [new Map()];
    for (const n of group)
      readings = readings.flatMap((r) => options.get(n)!.map((c) => new Map(r).set(n, c)));
    const judged = readings.map((r) => {
      const values: Values = { ...stored };
      for (const [n, c] of r) values[n] = c.st.value;
      const v = verdict(involved, values, procurement, unit);
      const said = [...r.values()].reduce((t, c) => t + c.said, 0);
      return { r, v, score: v.holds.length * 1000 + said };
    });
    const possible = judged.filter((j) => !j.v.breaks.length).sort((a, b) => b.score - a.score);
    const best = possible.filter((j) => j.score === possible[0]?.score);
    for (const n of group) {
      // a figure is settled when every best reading reads it the same
      const picks = new Set(best.map((j) => j.r.get(n)!));
      const chosen = picks.size === 1 ? [...picks][0] : undefined;
      const cs = byFigure.get(n)!;
      if (chosen) {
        resolved.value[n] = chosen.st;
        const j = best[0];
        const rejected = judged.find((x) => x.r.get(n) !== chosen && x.v.breaks.length);
        const other = rejected?.r.get(n);
        const where = chosen.from === 'table' ? '表中' : '说明中';
        const whereEn = chosen.from === 'table' ? 'table' : 'narrative';
        const [why, whyEn] = j.v.holds[0]
          ? [`它与“${j.v.holds[0][0]}”相符`, `it agrees with ${j.v.holds[0][1]}`]
          : rejected && other
            ? [
                `${other.from === 'table' ? '表中' : '说明中'}的 ${wan(other.st.value).zh}不合“${rejected.v.breaks[0][0]}”`,
                `the ${other.from === 'table' ? 'table' : 'narrative'}'s ${wan(other.st.value).en} breaks ${rejected.v.breaks[0][1]}`
              ]
            : [`本文件共 ${chosen.said} 处如此列出`, `${chosen.said} statements of the document give it`];
        for (const c of cs) {
          c.finding.message_zh += `；采用${where}的 ${wan(chosen.st.value).zh}：${why}`;
          c.finding.message_en += `; the ${whereEn}'s ${wan(chosen.st.value).en} is stored: ${whyEn}`;
        }
      } else {
        delete resolved.value[n];
        for (const c of cs) {
          c.finding.message_zh += '；本文件其他数字不能确定哪个正确，两者均未采用';
          c.finding.message_en += `; nothing else in the document tells which is right, so ${nameEn(n).toLowerCase()} is left unstated`;
        }
      }
    }
  }
}
