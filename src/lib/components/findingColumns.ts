// The columns a table of findings shows (the quality view, the unit page), in the reader's language.
import { checkLabel, type FindingRow } from '../model';
import { t, columnLabel, formatWan, type Lang, type StringKey } from '../i18n';
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

/** check, message, expected, actual, source lines */
export function findingColumns<T extends FindingRow>(lang: Lang): TableColumn<T>[] {
  return [
    { label: t(lang, 'check'), value: (r) => r.check, text: (r) => checkLabel(r.check, lang) },
    {
      label: columnLabel(lang, lang === 'zh' ? 'message_zh' : 'message_en', 'findings'),
      value: (r) => (lang === 'zh' ? r.message_zh : r.message_en)
    },
    {
      label: columnLabel(lang, 'expected', 'findings'),
      value: (r) => r.expected,
      text: (r) => formatWan(r.expected),
      numeric: true
    },
    {
      label: columnLabel(lang, 'actual', 'findings'),
      value: (r) => r.actual,
      text: (r) => formatWan(r.actual),
      numeric: true
    },
    { label: columnLabel(lang, 'source_lines', 'findings'), value: (r) => r.source_lines }
  ];
}
