// The columns a table of findings shows (the quality view, the unit page), in the reader's language.
import { checkLabel, findingValueKind, type FindingRow } from '../model';
import { t, columnLabel, formatCount, formatWan, unitLabel, type Lang, type StringKey } from '../i18n';
import type { Snippet } from 'svelte';
import type { TableColumn } from './table';

const SEVERITY: Record<string, StringKey> = {
  error: 'severity_error',
  warning: 'severity_warning',
  info: 'severity_info'
};

export const severityText = (lang: Lang, s: string) => t(lang, SEVERITY[s] ?? 'severity_info');

export function severityColumn<T extends FindingRow>(lang: Lang): TableColumn<T> {
  return {
    label: t(lang, 'severity'),
    value: (r) => r.severity,
    text: (r) => severityText(lang, r.severity)
  };
}

const COUNT_UNIT: Record<string, string> = { people: '人', vehicles: '辆', count: '个' };

/** A finding's expected or actual value as what it is: an amount in 万元, a count, a percentage, a year. */
export function findingValueText(lang: Lang, check: string, v: number | null): string {
  if (v === null || v === undefined) return '—';
  const kind = findingValueKind(check);
  if (kind === 'money') return formatWan(v);
  if (kind === 'percent') return `${v}%`;
  if (kind === 'year') return String(v);
  return `${formatCount(v)} ${unitLabel(lang, COUNT_UNIT[kind])}`;
}

/** check, message, expected, actual, source lines (shown by `source` where given: the source text in place) */
export function findingColumns<T extends FindingRow>(lang: Lang, source?: Snippet<[T]>): TableColumn<T>[] {
  return [
    { label: t(lang, 'check'), value: (r) => r.check, text: (r) => checkLabel(r.check, lang) },
    {
      label: columnLabel(lang, lang === 'zh' ? 'message_zh' : 'message_en', 'findings'),
      value: (r) => (lang === 'zh' ? r.message_zh : r.message_en)
    },
    {
      label: columnLabel(lang, 'expected', 'findings'),
      value: (r) => r.expected,
      text: (r) => findingValueText(lang, r.check, r.expected),
      numeric: true
    },
    {
      label: columnLabel(lang, 'actual', 'findings'),
      value: (r) => r.actual,
      text: (r) => findingValueText(lang, r.check, r.actual),
      numeric: true
    },
    { label: columnLabel(lang, 'source_lines', 'findings'), value: (r) => r.source_lines, cell: source }
  ];
}
