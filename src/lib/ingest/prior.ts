// What a document says of the year before, and of its own start-of-year budget:
// - the prior-year figures with their basis: a document compares with last year's 预算 or 决算, as its words say;
//   the basis of the document is the one its statements name (prev_basis), and where statements name both, only
//   those of the document's own kind are kept (the others compare unlike with like);
// - a 决算's 年初预算 by figure, as its 三公 table (预算数 beside 决算数) or its narrative ("年初预算为 …") states it;
//   a table and the narrative that disagree are weighed like the actual figures (reading.ts): the reading under
//   which the 年初预算's own identities hold is stored, else neither; one finding names both sides.
import { figure, INITIAL_FIGURES, type FigureName, type InitialFigure, type Kind } from '../model';
import { wan, type FindingList } from './checks';
import type { PriorStated } from './figures';
import type { Mention } from './mentions';
import type { Stated } from './narrative';
import { round4, sumTolerance, type MoneyUnit } from './numbers';
import { verdict, type Values } from './reading';
import type { ParsedTables } from './tables';

export function priorOfKind(
  prev: Partial<Record<FigureName, PriorStated>>,
  kind: Kind | null
): { prev: Partial<Record<FigureName, PriorStated>>; basis: Kind | null } {
  const named = new Set<Kind>();
  for (const st of Object.values(prev)) if (st?.basis) named.add(st.basis);
  if (named.size <= 1) return { prev, basis: [...named][0] ?? null };
  if (kind === null) return { prev, basis: null };
  const kept: Partial<Record<FigureName, PriorStated>> = {};
  for (const [n, st] of Object.entries(prev) as [FigureName, PriorStated][])
    if (!st.basis || st.basis === kind) kept[n] = st;
  return { prev: kept, basis: kind };
}

export const isInitial = (n: string): n is InitialFigure =>
  (INITIAL_FIGURES as readonly string[]).includes(n);

export type InitialBudget = Partial<Record<InitialFigure, Stated>>;

const labelOf = (n: InitialFigure) => ({
  zh: `年初预算${figure(n).zh}`,
  en: `Initial budget: ${figure(n).en}`
});

/** A 决算's 年初预算 per figure, with the lines that state it: its table's 预算数 and its narrative's statements
 *  (of the amount, else of the actual and its change against the 年初预算).
 *  Two narrative statements that disagree leave the figure unstated; a table and the narrative that disagree
 *  store the reading its identities (三公 = 出国 + 用车 + 接待, 用车 = 购置 + 运行, 基本 + 项目 ≤ 支出总计) support. */
export function initialBudget(
  table: ParsedTables['initial'],
  mentions: Mention[],
  findings: FindingList,
  unit: MoneyUnit
): InitialBudget {
  const tol = sumTolerance(1, unit);
  const same = (a: Stated, b: Stated) =>
    Math.abs(a.value - b.value) <= Math.max(tol, a.precision ?? 0, b.precision ?? 0);
  const fromTable = new Map<InitialFigure, Stated>();
  for (const t of table)
    if (isInitial(t.figure) && !fromTable.has(t.figure))
      fromTable.set(t.figure, { value: t.amount, lines: [t.line] });
  const fromProse = new Map<InitialFigure, Stated[]>();
  for (const m of mentions)
    if (m.kind === 'value' && m.period === 'current' && m.column === 'budget' && isInitial(m.figure))
      fromProse.set(m.figure, [
        ...(fromProse.get(m.figure) ?? []),
        { value: m.value, lines: m.lines, precision: m.precision }
      ]);
  // "支出共计 9.07 万元，较年初预算数减少 10.93 万元": the 年初预算 is the actual its sentence states less the change
  for (const c of mentions) {
    if (c.kind !== 'change' || c.against !== 'budget' || c.period !== 'current' || !isInitial(c.figure))
      continue;
    const own = mentions
      .filter(
        (x) =>
          x.figure === c.figure &&
          x.kind === 'value' &&
          x.period === 'current' &&
          x.column === 'actual' &&
          x.start === c.start
      )
      .pop();
    if (own)
      fromProse.set(c.figure, [
        ...(fromProse.get(c.figure) ?? []),
        {
          value: round4(own.value - c.value),
          lines: [...new Set([...own.lines, ...c.lines])],
          precision: (own.precision ?? tol) + tol
        }
      ]);
  }
  const out: InitialBudget = {};
  const conflicts: [InitialFigure, Stated, Stated][] = [];
  for (const n of INITIAL_FIGURES) {
    const t = fromTable.get(n);
    const said = fromProse.get(n) ?? [];
    if (t) {
      const other = said.find((p) => !same(t, p));
      if (other) conflicts.push([n, t, other]);
      else out[n] = t;
      continue;
    }
    if (!said.length) continue;
    const other = said.find((p) => !same(said[0], p));
    if (!other) {
      out[n] = said[0];
      continue;
    }
    const [a, b] = [said[0], other].map((x) => ({ x, at: findings.place(x.lines) }));
    findings.add(
      'narrative_conflict',
      'warning',
      `${labelOf(n).zh}在说明中有两个不同的数：${wan(a.x.value).zh}（${a.at.zh}）与 ${wan(b.x.value).zh}（${b.at.zh}），未采用`,
      `${labelOf(n).en} is stated as both ${wan(a.x.value).en} (${a.at.en}) and ${wan(b.x.value).en} (${b.at.en}); left unstated`,
      a.x.value,
      b.x.value,
      [...a.x.lines, ...b.x.lines]
    );
  }
  for (const [n, t, p] of conflicts) {
    const stored: Values = {};
    for (const [k, st] of Object.entries(out) as [InitialFigure, Stated][]) stored[k] = st.value;
    const judged = (
      [
        ['table', t],
        ['prose', p]
      ] as const
    ).map(([from, st]) => ({
      from,
      st,
      v: verdict(new Set([n]), { ...stored, [n]: st.value }, undefined, unit)
    }));
    const possible = judged.filter((j) => !j.v.breaks.length);
    const most = Math.max(-1, ...possible.map((j) => j.v.holds.length));
    const best = possible.filter((j) => j.v.holds.length === most);
    const chosen = best.length === 1 ? best[0] : undefined;
    const [pt, pp] = [findings.place(t.lines), findings.place(p.lines)];
    let zh = `${labelOf(n).zh}：说明中为 ${wan(p.value).zh}（${pp.zh}），表中为 ${wan(t.value).zh}（${pt.zh}）`;
    let en = `${labelOf(n).en}: the narrative says ${wan(p.value).en} (${pp.en}), the table says ${wan(t.value).en} (${pt.en})`;
    if (chosen) {
      out[n] = chosen.st;
      const other = judged.find((j) => j !== chosen)!;
      const [why, whyEn] = chosen.v.holds.length
        ? [`它与“${chosen.v.holds[0][0]}”相符`, `it agrees with ${chosen.v.holds[0][1]}`]
        : [`另一数不合“${other.v.breaks[0][0]}”`, `the other breaks ${other.v.breaks[0][1]}`];
      zh += `；采用${chosen.from === 'table' ? '表中' : '说明中'}的 ${wan(chosen.st.value).zh}：${why}`;
      en += `; the ${chosen.from === 'table' ? 'table' : 'narrative'}'s ${wan(chosen.st.value).en} is stored: ${whyEn}`;
    } else {
      zh += '；本文件其他数字不能确定哪个正确，两者均未采用';
      en += '; nothing else in the document tells which is right, so neither is stored';
    }
    findings.add('narrative_vs_table', 'error', zh, en, t.value, p.value, [...t.lines, ...p.lines]);
  }
  return out;
}
