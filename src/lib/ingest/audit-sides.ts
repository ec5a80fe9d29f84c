// One finding per disagreement between two statements: both sides named with their amounts (万元 / 人 / 辆)
// and the source lines they stand on.
import type { Severity } from '../model';
import { fmt, type FindingList, type Place, type Side } from './checks';
import { sumTolerance, type MoneyUnit } from './numbers';

export type { Side };
export type Measure = 'money' | 'persons' | 'vehicles';

const UNIT: Record<Measure, { zh: string; en: string }> = {
  money: { zh: '万元', en: '× 10k yuan' },
  persons: { zh: '人', en: 'persons' },
  vehicles: { zh: '辆', en: 'vehicles' }
};

/** "表4 各类支出之和 528.53 万元（源文件第 444、458、462 等行）" */
export function sideText(s: Side, m: Measure, lang: 'zh' | 'en', place: Place): string {
  const u = UNIT[m][lang];
  const at = s.lines.length ? place(s.lines) : null;
  return lang === 'zh'
    ? `${s.zh} ${fmt(s.value)} ${u}${at ? `（${at.zh}）` : ''}`
    : `${s.en} ${fmt(s.value)} ${u}${at ? ` (${at.en})` : ''}`;
}

type CompareOptions = {
  measure?: Measure;
  tolerance?: number;
  parts?: number;
  relation?: 'equal' | 'atMost';
};

/** Whether compareSides finds the values `a` and `b` in agreement (a caller may ask first and spare building
 *  the sides of a finding there is not). */
export function sidesAgree(f: FindingList, a: number, b: number, opts: CompareOptions = {}): boolean {
  const m = opts.measure ?? 'money';
  const tol = opts.tolerance ?? (m === 'money' ? sumTolerance(opts.parts ?? 1, f.unit) : 0.5);
  return opts.relation === 'atMost' ? b <= a + tol : Math.abs(a - b) <= tol;
}

/** Record a finding when two statements that must agree differ beyond `tolerance`; `a` is taken as what the
 *  other should be (the finding's expected value), `b` as what was found. Returns whether they agree. */
export function compareSides(
  f: FindingList,
  check: string,
  severity: Severity,
  a: Side,
  b: Side,
  opts: CompareOptions = {}
): boolean {
  if (sidesAgree(f, a.value, b.value, opts)) return true;
  const m = opts.measure ?? 'money';
  const [zhRel, enRel] = opts.relation === 'atMost' ? ['大于', 'exceeds'] : ['与', 'differs from'];
  f.add(
    check,
    severity,
    opts.relation === 'atMost'
      ? `${sideText(b, m, 'zh', f.place)}${zhRel}${sideText(a, m, 'zh', f.place)}`
      : `${sideText(a, m, 'zh', f.place)}${zhRel}${sideText(b, m, 'zh', f.place)}不符`,
    opts.relation === 'atMost'
      ? `${sideText(b, m, 'en', f.place)} ${enRel} ${sideText(a, m, 'en', f.place)}`
      : `${sideText(a, m, 'en', f.place)} ${enRel} ${sideText(b, m, 'en', f.place)}`,
    a.value,
    b.value,
    [...a.lines, ...b.lines]
  );
  return false;
}

/** The tolerance between two statements of one figure in tables printed in `units`: both print the same
 *  rounded number, so they differ by no more than the coarser table rounds (half a cent of 万元 in a 万元
 *  table; nothing but the stored 4 decimals between 元 tables). */
export function sameFigure(...units: (MoneyUnit | undefined)[]): number {
  if (units.includes('亿元')) return 50 + 1e-9;
  if (units.every((u) => u === '元')) return 0.0001 + 1e-9;
  return 0.005 + 1e-9;
}

/** The sum of parts as one side: "表4 各类支出之和". */
export function sumSide(zh: string, en: string, parts: { value: number; lines: number[] }[]): Side {
  return {
    zh,
    en,
    value: parts.reduce((s, p) => s + p.value, 0),
    lines: parts.flatMap((p) => p.lines)
  };
}
