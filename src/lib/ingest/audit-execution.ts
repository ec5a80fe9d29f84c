// A 决算's stated execution rate against its own figures: "支出决算为 B 万元，完成年初预算的 Z%" must be B ÷ A,
// A the 年初预算 the same sentence states ("年初预算为 A 万元") or, where it states none, the one the document
// states elsewhere (its 三公 table's 预算数). A rate of the 全年预算 (the budget as adjusted) is not checked: the
// ingest does not read that budget. Within the rounding of all three numbers as written.
import { figure } from '../model';
import { wan, type FindingList } from './checks';
import type { Mention } from './mentions';
import type { Stated } from './narrative';
import { isInitial, type InitialBudget } from './prior';
import { linesOf, type Prose } from './prose';

const RATE = /完成(年初|全年)?预算(?:数)?的?\s?(\d+(?:\.\d+)?)%/g;

/** Half a unit of the last digit of a written percentage. */
const halfUnit = (written: string) => 0.5 * 10 ** -(written.split('.')[1]?.length ?? 0);

export function auditExecutionRates(
  p: Prose,
  mentions: Mention[],
  initial: InitialBudget,
  f: FindingList,
  tol: number
) {
  for (const m of p.text.matchAll(RATE)) {
    if (m[1] === '全年') continue;
    const at = m.index;
    const sentence = p.text.lastIndexOf('。', at - 1) + 1;
    const before = mentions.filter(
      (x) => x.kind === 'value' && x.period === 'current' && x.start >= sentence && x.end <= at
    );
    const actual = before.filter((x) => x.column === 'actual').pop();
    // the rate follows its amount directly ("…支出决算为 1.52 万元，完成预算的 84%")
    if (!actual || !isInitial(actual.figure) || !/^[\s,，]{0,2}$/.test(p.text.slice(actual.end, at)))
      continue;
    const said = before.filter((x) => x.column === 'budget' && x.figure === actual.figure).pop();
    const budget: Stated | undefined = said
      ? { value: said.value, lines: said.lines, precision: said.precision }
      : initial[actual.figure];
    if (!budget) continue;
    const rate = Number(m[2]);
    const rateLines = linesOf(p, at, at + m[0].length);
    const eb = Math.max(tol, budget.precision ?? 0);
    const ea = Math.max(tol, actual.precision ?? 0);
    let want: number | null = null;
    if (budget.value - eb > 0) {
      const lo = (Math.max(0, actual.value - ea) / (budget.value + eb)) * 100;
      const hi = ((actual.value + ea) / (budget.value - eb)) * 100;
      const e = halfUnit(m[2]);
      if (rate + e >= lo - 1e-9 && rate - e <= hi + 1e-9) continue;
      want = (actual.value / budget.value) * 100;
    } else if (actual.value <= ea) continue; // nothing budgeted, nothing spent: any rate is a convention
    const name = figure(actual.figure);
    const [pr, pa, pb] = [rateLines, actual.lines, budget.lines].map((l) => f.place(l));
    const of =
      want === null
        ? { zh: '年初预算为零，无从得出该比率', en: 'with an initial budget of zero no rate follows' }
        : { zh: `二者之比为 ${want.toFixed(2)}%`, en: `their ratio is ${want.toFixed(2)}%` };
    f.add(
      'execution_rate',
      'warning',
      `${name.zh}：文中称“${m[0].replace(/\s/g, '')}”（${pr.zh}），而支出决算 ${wan(actual.value).zh}（${pa.zh}）、年初预算 ${wan(budget.value).zh}（${pb.zh}）：${of.zh}`,
      `${name.en}: the text says ${m[2]}% of the ${m[1] === '年初' ? 'initial ' : ''}budget was spent (${pr.en}), yet the actual is ${wan(actual.value).en} (${pa.en}) and the initial budget ${wan(budget.value).en} (${pb.en}): ${of.en}`,
      want === null ? null : Math.round(want * 100) / 100,
      rate,
      [...rateLines, ...actual.lines, ...budget.lines]
    );
  }
}
