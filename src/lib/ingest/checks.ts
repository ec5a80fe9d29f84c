// Cross-checks: the same figure stated in two places, totals against their parts, percentages against
// amounts. Each disagreement beyond the documents' rounding becomes a finding.
import type { FindingRow, Severity } from '../model';
import { round4, sumTolerance, type MoneyUnit } from './numbers';
import type { Item, Problem } from './tables';

export type Finding = Omit<FindingRow, 'doc_id' | 'source_pages'>;

/** Where a finding's figures stand, as a reader finds them: "源文件第 316 行" / "source line 316", and for a
 *  PDF the page ("第 21 页" / "page 21"). */
export type Place = (lines: number[]) => { zh: string; en: string };

export function placeOf(pageOf: (line: number) => number | null | undefined = () => null): Place {
  return (lines) => {
    const ls = [...new Set(lines)].sort((a, b) => a - b);
    const pages = [...new Set(ls.map((l) => pageOf(l)).filter((p): p is number => typeof p === 'number'))];
    if (pages.length && pages.length === new Set(ls.map((l) => pageOf(l) ?? -1)).size)
      return pages.length === 1
        ? { zh: `第 ${pages[0]} 页`, en: `page ${pages[0]}` }
        : { zh: `第 ${pages.join('、')} 页`, en: `pages ${pages.join(', ')}` };
    if (ls.length === 1) return { zh: `源文件第 ${ls[0]} 行`, en: `source line ${ls[0]}` };
    // a long list names its first lines (the finding's source_lines keeps them all)
    const more = ls.length > 4;
    const shown = more ? ls.slice(0, 3) : ls;
    return {
      zh: `源文件第 ${shown.join('、')} ${more ? '等' : ''}行`,
      en: `source lines ${shown.join(', ')}${more ? ' …' : ''}`
    };
  };
}

/** One side of a disagreement: what it is, the figure it states and where. */
export interface Side {
  zh: string;
  en: string;
  value: number;
  lines: number[];
}

export class FindingList {
  readonly list: Finding[] = [];
  readonly place: Place;
  constructor(
    readonly unit: MoneyUnit,
    place?: Place
  ) {
    this.place = place ?? placeOf();
  }

  add(
    check: string,
    severity: Severity,
    zh: string,
    en: string,
    expected: number | null,
    actual: number | null,
    lines: number[]
  ) {
    const src = [...new Set(lines)].sort((a, b) => a - b).join(',');
    this.list.push({
      check,
      severity,
      message_zh: zh,
      message_en: en,
      expected: expected === null ? null : round4(expected),
      actual: actual === null ? null : round4(actual),
      source_lines: src
    });
  }

  /** A problem the table reader met, with where it stands. */
  problem(p: Problem) {
    const at = this.place(p.lines);
    this.add(
      p.check,
      p.severity ?? 'warning',
      `${p.zh}（${at.zh}）`,
      `${p.en} (${at.en})`,
      null,
      null,
      p.lines
    );
  }

  /** Whether `equal` would find nothing: a side unstated, or the two within the rounding of `parts` figures
   *  (a caller may ask first and spare building the messages of a finding there is not). */
  agrees(
    expected: number | null | undefined,
    actual: number | null | undefined,
    parts = 1,
    precision = 0
  ): boolean {
    if (expected === null || expected === undefined || actual === null || actual === undefined) return true;
    return Math.abs(expected - actual) <= Math.max(sumTolerance(parts, this.unit), 2 * precision + 1e-9);
  }

  /** Record a finding when `actual` differs from `expected` beyond the rounding of `parts` figures. With
   *  `sides`, the message names both sides and where each stands instead of "expected … found …". */
  equal(
    check: string,
    severity: Severity,
    what: { zh: string; en: string },
    expected: number | null | undefined,
    actual: number | null | undefined,
    lines: number[],
    parts = 1,
    /** the coarser rounding of the figures compared, when it exceeds the document's (a 万元 table beside 元 tables) */
    precision = 0,
    sides?: [actual: Side, expected: Side]
  ): boolean {
    if (expected === null || expected === undefined || actual === null || actual === undefined) return true;
    if (this.agrees(expected, actual, parts, precision)) return true;
    if (sides) {
      const [a, b] = sides.map((s) => ({ s, at: this.place(s.lines) }));
      this.add(
        check,
        severity,
        `${what.zh}：${a.s.zh}为 ${wan(a.s.value).zh}（${a.at.zh}），${b.s.zh}为 ${wan(b.s.value).zh}（${b.at.zh}）`,
        `${what.en}: ${a.s.en} is ${wan(a.s.value).en} (${a.at.en}), ${b.s.en} is ${wan(b.s.value).en} (${b.at.en})`,
        expected,
        actual,
        lines
      );
      return false;
    }
    this.add(
      check,
      severity,
      `${what.zh}：应为 ${wan(expected).zh}，实为 ${wan(actual).zh}`,
      `${what.en}: expected ${wan(expected).en}, found ${wan(actual).en}`,
      expected,
      actual,
      lines
    );
    return false;
  }
}

export const fmt = (v: number) => String(round4(v));
/** An amount in 万元 as a message states it: "320.23 万元" / "320.23 × 10k yuan". */
export const wan = (v: number | null | undefined) =>
  v === null || v === undefined ? { zh: '—', en: '—' } : { zh: `${fmt(v)} 万元`, en: `${fmt(v)} × 10k yuan` };

const MEASURE_ZH: Record<string, string> = {
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费'
};
const measureZh = (m: string) => MEASURE_ZH[m] ?? m;

const TABLE_NAME: Record<number, string> = {
  2: '表2',
  3: '表3',
  5: '表5',
  6: '表6',
  7: '表7',
  8: '表8',
  9: '表9'
};

/** Parent code = Σ children, per table and measure; the 总计 row = Σ top-level codes. */
export function checkTrees(items: Item[], f: FindingList, unreadable: Set<string> = new Set()) {
  const groups = new Map<string, Item[]>();
  for (const it of items) {
    if (!(it.table_no! in TABLE_NAME) || it.table_no === 7) continue;
    const key = `${it.table_no}|${it.measure}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(it);
  }
  for (const [key, g] of groups) {
    const [tno, measure] = key.split('|');
    const byCode = new Map<string, Item>();
    for (const it of g) if (it.code) byCode.set(it.code, it);
    const codes = [...byCode.keys()];
    // the depth of a code is its length: 3 (类) → 5 (款) → 7 (项); for economic codes 3 → 5
    const kidsOf = new Map<string, string[]>();
    for (const c of codes) {
      const kids = kidsOf.get(c.slice(0, -2));
      if (kids) kids.push(c);
      else kidsOf.set(c.slice(0, -2), [c]);
    }
    for (const [code, parent] of byCode) {
      const kids = kidsOf.get(code) ?? [];
      if (!kids.length || hasUnreadableChild(tno, code, unreadable)) continue;
      const sum = kids.reduce((s, c) => s + (byCode.get(c)!.amount ?? 0), 0);
      if (f.agrees(sum, parent.amount, kids.length)) continue;
      f.equal(
        'tree_sum',
        'error',
        {
          zh: `${TABLE_NAME[+tno]} ${code} ${parent.name}（${measureZh(measure)}）不等于其下级科目之和`,
          en: `Table ${tno} ${code} ${parent.name} (${measure}) is not the sum of its sub-items`
        },
        sum,
        parent.amount,
        [parent.source_line, ...kids.map((c) => byCode.get(c)!.source_line)],
        kids.length,
        0,
        [
          {
            zh: `${code} ${parent.name}`,
            en: `${code} ${parent.name}`,
            value: parent.amount ?? 0,
            lines: [parent.source_line]
          },
          {
            zh: '其下级科目之和',
            en: 'the sum of its sub-items',
            value: sum,
            lines: kids.map((c) => byCode.get(c)!.source_line)
          }
        ]
      );
    }
    const total = g.find((it) => it.code === null && it.name === '总计');
    const top = codes.filter((c) => c.length === 3);
    if (
      total &&
      top.length &&
      ![...unreadable].some((u) => u.startsWith(`${tno}|`) && u.split('|')[1].length === 3)
    ) {
      const sum = top.reduce((s, c) => s + (byCode.get(c)!.amount ?? 0), 0);
      if (!f.agrees(sum, total.amount, top.length))
        f.equal(
          'tree_sum',
          'error',
          {
            zh: `${TABLE_NAME[+tno]} 总计（${measureZh(measure)}）不等于各类之和`,
            en: `Table ${tno} total (${measure}) is not the sum of its classes`
          },
          sum,
          total.amount,
          [total.source_line, ...top.map((c) => byCode.get(c)!.source_line)],
          top.length,
          0,
          [
            { zh: '总计', en: 'the total', value: total.amount ?? 0, lines: [total.source_line] },
            {
              zh: '各类之和',
              en: 'the sum of its classes',
              value: sum,
              lines: top.map((c) => byCode.get(c)!.source_line)
            }
          ]
        );
    }
  }
}

/** Within a row: 合计 = 基本 + 项目 (表3, 表5), 合计 = 人员 + 公用 (表6). */
export function checkRowSplits(items: Item[], f: FindingList) {
  const rows = new Map<string, Map<string, Item>>();
  for (const it of items) {
    if (![3, 5, 6, 8, 9].includes(it.table_no ?? -1)) continue;
    const key = `${it.table_no}|${it.source_line}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = new Map()));
    r.set(it.measure, it);
  }
  for (const [key, r] of rows) {
    const total = r.get('total');
    const [a, b] = r.has('personnel') || r.has('public') ? ['personnel', 'public'] : ['basic', 'project'];
    const x = r.get(a);
    const y = r.get(b);
    if (!total || !x || !y) continue;
    const tno = key.split('|')[0];
    f.equal(
      'row_split',
      'error',
      {
        zh: `表${tno} ${total.code ?? ''} ${total.name} 合计不等于${a === 'basic' ? '基本支出与项目支出' : '人员经费与公用经费'}之和`,
        en: `Table ${tno} ${total.code ?? ''} ${total.name}: total is not ${a} + ${b}`
      },
      (x.amount ?? 0) + (y.amount ?? 0),
      total.amount,
      [total.source_line],
      2
    );
  }
}

/** Percentage stated with a change vs the amounts: pct = |delta| / prior × 100. */
export function checkPercent(
  f: FindingList,
  label: { zh: string; en: string },
  current: number,
  delta: number,
  pct: number,
  lines: number[]
) {
  const prior = current - delta;
  if (prior <= 0) return; // "增长 100%" from nothing and the like: not checkable
  const e = sumTolerance(1, f.unit);
  // the interval of percentages consistent with the rounding of both amounts
  const lo = (Math.max(0, Math.abs(delta) - e) / (prior + e)) * 100;
  const hi = ((Math.abs(delta) + e) / Math.max(1e-9, prior - e)) * 100;
  if (pct >= lo - 0.005 && pct <= hi + 0.005) return;
  const want = (Math.abs(delta) / prior) * 100;
  f.add(
    'change_percent',
    'warning',
    `${label.zh}变动 ${wan(Math.abs(delta)).zh} 相对上年 ${wan(prior).zh} 应为 ${want.toFixed(2)}%，文中为 ${pct}%`,
    `${label.en}: a change of ${wan(Math.abs(delta)).en} on ${wan(prior).en} is ${want.toFixed(2)}%, the text says ${pct}%`,
    Math.round(want * 100) / 100,
    pct,
    lines
  );
}

function hasUnreadableChild(tno: string, code: string, unreadable: Set<string>): boolean {
  for (const u of unreadable) {
    const [t, c] = u.split('|');
    if (t === tno && c.length === code.length + 2 && c.startsWith(code)) return true;
  }
  return false;
}
