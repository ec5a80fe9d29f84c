// How a metric's numbers read: 万元 with two decimals, counts and scores whole, percentages with one decimal.
import { format } from 'd3-format';
import { metricOf, type MetricId } from '../db/metrics';
import { formatWan, formatCount, unitLabel, type Lang } from '../i18n';

const pct = format('+.1f');

export function metricFormatter(id: MetricId): (v: number) => string {
  const m = metricOf(id);
  if (m.unit === '%') return (v) => `${pct(v)}%`;
  if (m.unit === '人' || m.unit === '辆' || m.unit === '分') return (v) => formatCount(v);
  return (v) => formatWan(v);
}

export function metricLabel(lang: Lang, id: MetricId): string {
  const m = metricOf(id);
  return lang === 'zh' ? m.zh : m.en;
}

export function metricUnit(lang: Lang, id: MetricId): string {
  return unitLabel(lang, metricOf(id).unit);
}
