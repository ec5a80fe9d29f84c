// Cross-checks: the same figure stated in two places, totals against their parts, percentages against
// amounts. Each disagreement beyond the documents' rounding becomes a finding.
import type { FindingRow, Severity } from '../model';
import { round4, sumTolerance, type MoneyUnit } from './numbers';
import type { Item, Problem } from './tables';

export type Finding = Omit<FindingRow, 'doc_id' | 'source_pages'>;

export class FindingList {
  readonly list: Finding[] = [];
  constructor(readonly unit: MoneyUnit) {}

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

  problem(p: Problem) {
    this.add(p.check, p.severity ?? 'warning', p.zh, p.en, null, null, p.lines);
  }

  /** Record a finding when `actual` differs from `expected` beyond the rounding of `parts` figures. */
  equal(
    check: string,
    severity: Severity,
    what: { zh: string; en: string },
    expected: number | null | undefined,
    actual: number | null | undefined,
    lines: number[],
    parts = 1,
    /** the coarser rounding of the figures compared, when it exceeds the document's (a 万元 table beside 元 tables) */
    precision = 0
  ): boolean {
    if (expected === null || expected === undefined || actual === null || actual === undefined) return true;
    if (Math.abs(expected - actual) <= Math.max(sumTolerance(parts, this.unit), 2 * precision + 1e-9))
      return true;
    this.add(
      check,
      severity,
      `${what.zh}：应为 ${fmt(expected)}，实为 ${fmt(actual)}`,
      `${what.en}: expected ${fmt(expected)}, found ${fmt(actual)}`,
      expected,
      actual,
      lines
    );
    return false;
  }
}

export const fmt = (v: number) => String(round4(v));

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
    for (const [code, parent] of byCode) {
      const kids = codes.filter((c) => c.length === code.length + 2 && c.startsWith(code));
      if (!kids.length || hasUnreadableChild(tno, code, unreadable)) continue;
      const sum = kids.reduce((s, c) => s + (byCode.get(c)!.amount ?? 0), 0);
      f.equal(
        'tree_sum',
        'error',
        {
          zh: `${TABLE_NAME[+tno]} ${code} ${parent.name}（${measure}）不等于其下级科目之和`,
          en: `Table ${tno} ${code} ${parent.name} (${measure}) is not the sum of its sub-items`
        },
        sum,
        parent.amount,
        [parent.source_line, ...kids.map((c) => byCode.get(c)!.source_line)],
        kids.length
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
      f.equal(
        'tree_sum',
        'error',
        {
          zh: `${TABLE_NAME[+tno]} 总计（${measure}）不等于各类之和`,
          en: `Table ${tno} total (${measure}) is not the sum of its classes`
        },
        sum,
        total.amount,
        [total.source_line, ...top.map((c) => byCode.get(c)!.source_line)],
        top.length
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
    `${label.zh}变动 ${fmt(Math.abs(delta))} 相对上年 ${fmt(prior)} 应为 ${want.toFixed(2)}%，文中为 ${pct}%`,
    `${label.en}: a change of ${fmt(Math.abs(delta))} on ${fmt(prior)} is ${want.toFixed(2)}%, the text says ${pct}%`,
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
