// What a document says of the year before, and of its own start-of-year budget:
// - the prior-year figures with their basis: a document compares with last year's 预算 or 决算, as its words say;
//   the basis of the document is the one its statements name (prev_basis), and where statements name both, only
//   those of the document's own kind are kept (the others compare unlike with like);
// - a 决算's 年初预算 by figure, as its 三公 table (预算数 beside 决算数) or its narrative ("年初预算为 …") states it.
import { INITIAL_FIGURES, type FigureName, type InitialFigure, type Kind } from '../model';
import type { PriorStated } from './figures';
import type { Mention } from './mentions';
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

const isInitial = (n: string): n is InitialFigure => (INITIAL_FIGURES as readonly string[]).includes(n);

/** A 决算's 年初预算 per figure: its table's 预算数 first, else the first the narrative states. */
export function initialBudget(
  table: ParsedTables['initial'],
  mentions: Mention[]
): Partial<Record<InitialFigure, number>> {
  const out: Partial<Record<InitialFigure, number>> = {};
  for (const t of table) if (isInitial(t.figure) && out[t.figure] === undefined) out[t.figure] = t.amount;
  for (const m of mentions)
    if (m.kind === 'value' && m.period === 'current' && m.column === 'budget' && isInitial(m.figure))
      out[m.figure] ??= m.value;
  return out;
}
