// Wording against figures: what a sentence says about two amounts it states ("决算数大于预算数",
// "增加", "持平") checked against the amounts themselves.
import { wan, type FindingList } from './checks';
import { toWan, type MoneyUnit } from './numbers';
import { linesOf, type Prose } from './prose';
import type { Item } from './tables';

const AMOUNT = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(万元|元|亿元)';
const amount = (n: string, u: string) => toWan(Number(n.replace(/,/g, '')), u as MoneyUnit);

// "年初预算为 1560.05 万元，支出决算为1511.89万元" (the 决算's budget column beside its actual)
const BUDGET_ACTUAL = new RegExp(
  `(?:年初|全年)?预算(?:数)?(?:为|是)?${AMOUNT}[,，;；]?(?:支出)?决算(?:数)?(?:为|是)?${AMOUNT}`,
  'g'
);
// "决算数小于预算数", "决算数大于全年预算数", "决算数与预算数持平"
const VERDICT =
  /决算数?(?:(大于|超过|高于|小于|低于|等于)(?:年初|全年)?预算数?|与(?:年初|全年)?预算数?(?:相比)?(持平|相等|一致))/;
// a template's "决算数小于预算数（或与预算数持平）": no verdict at all
const HEDGED = /[(（]或/;

type Relation = 'more' | 'less' | 'equal';
const RELATION: Record<string, Relation> = {
  大于: 'more',
  超过: 'more',
  高于: 'more',
  小于: 'less',
  低于: 'less',
  等于: 'equal',
  持平: 'equal',
  相等: 'equal',
  一致: 'equal'
};
const REL_ZH: Record<Relation, string> = { more: '大于', less: '小于', equal: '等于' };
const REL_EN: Record<Relation, string> = { more: 'above', less: 'below', equal: 'equal to' };

const holds = (rel: Relation, a: number, b: number, tol: number) =>
  rel === 'more' ? a > b - tol : rel === 'less' ? a < b + tol : Math.abs(a - b) <= tol;

/** "决算数大于预算数" beside a 决算 below its 预算, and the like. */
function budgetVerdicts(p: Prose, f: FindingList, tol: number) {
  const pairs = [...p.text.matchAll(BUDGET_ACTUAL)];
  pairs.forEach((m, k) => {
    const end = m.index! + m[0].length;
    const stop = Math.min(pairs[k + 1]?.index ?? p.text.length, end + 160);
    const window = p.text.slice(end, stop);
    const v = VERDICT.exec(window);
    if (!v || HEDGED.test(window.slice(v.index + v[0].length, v.index + v[0].length + 3))) return;
    const rel = RELATION[v[1] ?? v[2]];
    const budget = amount(m[1], m[2]);
    const actual = amount(m[3], m[4]);
    if (holds(rel, actual, budget, tol)) return;
    f.add(
      'wording_vs_figures',
      'warning',
      `文中称决算数${REL_ZH[rel]}预算数，但所列决算数 ${wan(actual).zh}、预算数 ${wan(budget).zh}`,
      `The text says the actual is ${REL_EN[rel]} the budget, but it states an actual of ${wan(actual).en} against a budget of ${wan(budget).en}`,
      budget,
      actual,
      linesOf(p, m.index!, end + v.index + v[0].length)
    );
  });
}

// a year and its amount, not a comparison's ("比2019年预算减少0.02万元" states a change, not 2019's amount)
const YEAR_AMOUNT = new RegExp(
  `(?<![比较与同对至])(20\\d\\d)年(?![^。；;,，\\d]{0,24}?(?:增加|减少|下降|增长|上升|降低|节约))[^。；;,，\\d]{0,24}?${AMOUNT}`,
  'g'
);
const A_YEAR = /20\d\d年/;
const DIRECTION = /(增加|增长|上升|减少|下降|降低|持平)/;
const UP = /增加|增长|上升/;
// "增加（减少）0万元": a template's both-ways wording says nothing
const BOTH_WAYS = /(?:增加|增长)[(（](?:减少|下降)|(?:减少|下降)[(（](?:增加|增长)/;

/** "2016年…33万元，2015年…57.55万元，与上年对比减少": the direction against the two years' amounts. */
function twoYearDirections(p: Prose, said: Sentence[], f: FindingList, tol: number) {
  for (const s of said) {
    // two years' amounts need a year first (and the global match is not started for nothing)
    if (!A_YEAR.test(s.text) || BOTH_WAYS.test(s.text)) continue;
    const hits = [...s.text.matchAll(YEAR_AMOUNT)];
    for (let k = 0; k + 1 < hits.length; k++) {
      const [a, b] = [hits[k], hits[k + 1]];
      const [ya, yb] = [Number(a[1]), Number(b[1])];
      if (Math.abs(ya - yb) !== 1) continue;
      const after = s.text.slice(b.index! + b[0].length, hits[k + 2]?.index ?? s.text.length);
      const d = DIRECTION.exec(after.slice(0, 30));
      if (!d) continue;
      const [cur, prior] = ya > yb ? [a, b] : [b, a];
      const now = amount(cur[2], cur[3]);
      const then = amount(prior[2], prior[3]);
      const rel: Relation = d[1] === '持平' ? 'equal' : UP.test(d[1]) ? 'more' : 'less';
      if (holds(rel, now, then, tol)) continue;
      f.add(
        'wording_vs_figures',
        'warning',
        `文中称“${d[1]}”，但所列 ${cur[1]} 年为 ${wan(now).zh}、${prior[1]} 年为 ${wan(then).zh}`,
        `The text says “${d[1]}” (${REL_EN[rel]}), but it states ${wan(now).en} for ${cur[1]} against ${wan(then).en} for ${prior[1]}`,
        then,
        now,
        linesOf(p, s.start + a.index!, s.start + b.index! + b[0].length + d.index + d[0].length)
      );
    }
  }
}

const NONZERO_CHANGE = new RegExp(
  `(增加|减少|增长|下降|上升|降低)(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(万元|元|亿元|%)`
);

/** "持平" in a clause next to a stated non-zero change ("与上年持平，减少 5 万元"). */
function levelWithChange(p: Prose, said: Sentence[], f: FindingList) {
  for (const s of said) {
    if (!s.text.includes('持平') || BOTH_WAYS.test(s.text)) continue;
    const clauses = s.text.split(/(?<=[,，])/);
    let at = 0;
    clauses.forEach((c, i) => {
      const start = at;
      at += c.length;
      if (!c.includes('持平')) return;
      for (const j of [i - 1, i, i + 1]) {
        const m = clauses[j] && NONZERO_CHANGE.exec(clauses[j]);
        if (!m || Number(m[2].replace(/,/g, '')) === 0) continue;
        const jStart = clauses.slice(0, j).reduce((n, x) => n + x.length, 0);
        const lo = s.start + Math.min(start, jStart);
        const hi = s.start + Math.max(start + c.length, jStart + clauses[j].length);
        f.add(
          'wording_vs_figures',
          'warning',
          `文中称“持平”，又称${m[1]} ${m[2]}${m[3]}`,
          `The text says “level” (持平) and also a change of ${m[1] === '减少' || m[1] === '下降' || m[1] === '降低' ? '−' : '+'}${m[2]} ${m[3]}`,
          m[3] === '%' ? null : 0,
          m[3] === '%' ? null : amount(m[2], m[3]),
          linesOf(p, lo, hi)
        );
        return;
      }
    });
  }
}

interface Sentence {
  text: string;
  /** where it starts in the prose */
  start: number;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[。；;]/g)) {
    out.push({ text: text.slice(start, m.index! + 1), start });
    start = m.index! + 1;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

/** Every wording check over the document's prose. `tol` is the documents' rounding in 万元. */
export function auditWording(p: Prose, f: FindingList, tol: number) {
  budgetVerdicts(p, f, tol);
  const said = sentences(p.text);
  twoYearDirections(p, said, f, tol);
  levelWithChange(p, said, f);
}

// "财政拨款收入支出总计 0.3 万元" / "财政拨款收支总计为…": the 财政拨款收支总表's 总计, not the document's 支出总计
const FUND_TOTAL = new RegExp(
  `财政拨款收入?[、和及]?支出?(?:预算|决算)?总计(?:数)?(?:为|是|均为)?${AMOUNT}`,
  'g'
);

/** The narrative's 财政拨款收入支出总计 against the 财政拨款收支总表 (表4) it summarises. */
export function auditFundTotal(p: Prose, items: Item[], f: FindingList, tol: number) {
  const t4 = items.filter(
    (x) =>
      x.table_no === 4 &&
      x.code === null &&
      x.amount !== null &&
      /^(?:total|income|expenditure)_/.test(x.measure)
  );
  const total =
    t4.find((x) => x.measure === 'total_expenditure') ?? t4.find((x) => x.measure === 'total_income');
  if (!total) return;
  for (const m of p.text.matchAll(FUND_TOTAL)) {
    const v = amount(m[1], m[2]);
    const written = Math.max(
      tol,
      0.5 * 10 ** -(m[1].split('.')[1]?.length ?? 0) * (m[2] === '元' ? 1e-4 : 1)
    );
    if (t4.some((x) => Math.abs(x.amount! - v) <= written)) continue;
    const lines = linesOf(p, m.index!, m.index! + m[0].length);
    f.add(
      'narrative_vs_table',
      'error',
      `财政拨款收入支出总计：说明中为 ${wan(v).zh}（${f.place(lines).zh}），财政拨款收支总表中为 ${wan(total.amount).zh}（${f.place([total.source_line]).zh}）`,
      `Total fiscal-allocation income and expenditure: the narrative says ${wan(v).en} (${f.place(lines).en}), the fiscal-allocation summary table says ${wan(total.amount).en} (${f.place([total.source_line]).en})`,
      total.amount,
      v,
      [total.source_line, ...lines]
    );
    return;
  }
}
