// What the benchmark says about its numbers: a metric's name (figures, scores, amounts per head), a
// percentile or the range a tie spans, and the peer group: how it was widened, who is in n and who is not.
import { columnLabel, formatPercentile, formatWan, t, unitLabel, withUnit, type Lang } from '../i18n';
import type { BenchmarkGroup, BenchmarkRow, PeerChoice, PeerCensusRow } from '../db/benchmark';
import type { Kind } from '../model';
import { valueLabel } from '../i18n';

/** "“三公”经费合计 ÷ 实有人数" for a per-head metric, else the figure's or score's own name. */
export function benchMetricLabel(lang: Lang, metric: string): string {
  const [amount, per] = metric.split('/');
  return per ? `${columnLabel(lang, amount)} ÷ ${columnLabel(lang, per)}` : columnLabel(lang, metric);
}

/** A metric's own value with its unit, as the chart prints it after the row: "468.53 万元", "15 人", "0.36
 *  万元/人" (en: "468.53 10k yuan", "15 people", "0.36 10k yuan per person"). */
export function benchValueText(lang: Lang, metric: string, value: number | null): string {
  const per = metric.includes('/');
  if (!per) return withUnit(lang, metric, value);
  const s = formatWan(value);
  return s === '—' ? s : `${s} ${unitLabel(lang, '万元/人')}`;
}

/** "P37", or for a value several peers share, the range of their percentiles: "P0–P90". */
export function percentileText(r: Pick<BenchmarkRow, 'percentile' | 'percentile_hi'>): string {
  if (r.percentile === null) return '—';
  const lo = Math.round(r.percentile);
  const hi = r.percentile_hi === null ? lo : Math.round(r.percentile_hi);
  return hi > lo ? `P${lo}–P${hi}` : `P${lo}`;
}

/** The same as a table cell: "0.0–90.0" or "37.5". */
export function percentileCell(r: Pick<BenchmarkRow, 'percentile' | 'percentile_hi'>): string {
  const lo = formatPercentile(r.percentile);
  return r.percentile_hi !== null && r.percentile !== null && r.percentile_hi - r.percentile > 0.05
    ? `${lo}–${formatPercentile(r.percentile_hi)}`
    : lo;
}

export function groupName(lang: Lang, g: BenchmarkGroup): string {
  if (g === 'region') return lang === 'zh' ? '同地区（各级次）' : 'Same region (every level)';
  if (g === 'region_level') return t(lang, 'peer_region_level');
  if (g === 'category') return t(lang, 'peer_category');
  if (g === 'level') return lang === 'zh' ? '同级次' : 'Same level';
  return t(lang, 'all_units');
}

/** Why the peer group is not the one asked for. */
export function widenedText(lang: Lang, choice: PeerChoice, min: number): string {
  if (!choice.widenedFrom) return '';
  const asked = choice.asked?.same ?? 0;
  const from = groupName(lang, choice.widenedFrom);
  const to = groupName(lang, choice.group);
  const n = choice.census?.same ?? 0;
  return lang === 'zh'
    ? `「${from}」只有 ${asked} 个单位（含本单位），少于 ${min} 个，已自动扩大为「${to}」（${n} 个单位）。`
    : `“${from}” holds only ${asked} ${asked === 1 ? 'unit' : 'units'} (this one included), fewer than ${min}: widened to “${to}” (${n} units).`;
}

/** Who n counts and who it leaves out, and why. */
export function censusText(
  lang: Lang,
  c: PeerCensusRow | null,
  year: number | undefined,
  kind: Kind | null
): string {
  if (!c) return '';
  const k = kind ? valueLabel(lang, 'kind', kind) : '';
  const other = kind ? valueLabel(lang, 'kind', kind === 'budget' ? 'final' : 'budget') : '';
  if (lang === 'zh') {
    const parts = [`该组共 ${c.units} 个单位，n = ${c.same} 个有 ${year ?? ''} 年${k}文档`];
    if (c.other_kind) parts.push(`${c.other_kind} 个该年只有${other}（只与同类文档比较）`);
    if (c.no_doc) parts.push(`${c.no_doc} 个没有该年文档`);
    return `${parts.join('；')}。各指标的 n 另除去未列示该数字的单位（不计为 0，见表格）。`;
  }
  const parts = [
    `The group holds ${c.units} units; n = ${c.same} have a ${year ?? ''} ${k.toLowerCase()} document`
  ];
  if (c.other_kind)
    parts.push(
      `${c.other_kind} have only a ${other.toLowerCase()} document that year (like is compared with like)`
    );
  if (c.no_doc) parts.push(`${c.no_doc} have no document that year`);
  return `${parts.join('; ')}. Each metric's n also leaves out units that do not state it (not counted as 0; see the table).`;
}
