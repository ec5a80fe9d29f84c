// Translation of UI strings and schema labels, and number formatting for both languages.
import { format } from 'd3-format';
import {
  TABLES,
  FIGURES,
  SCORES,
  VALUE_LABELS,
  type Column,
  type FigureName,
  type LabelledColumn,
  type TableName
} from '../model';
import { STRINGS, LANGS, type Lang, type StringKey } from './strings';

export { STRINGS, LANGS, type Lang, type StringKey };

export const DEFAULT_LANG: Lang = 'zh';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** A UI string in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

/** The label of a column or figure of the schema, in the given language ('' when unknown). */
export function columnLabel(lang: Lang, name: string, table: TableName = 'disclosures'): string {
  const col: Column | undefined =
    TABLES[table].find((c) => c.name === name) ?? FIGURES.find((f) => f.name === name);
  if (!col) return name;
  return lang === 'zh' ? col.zh : col.en;
}

/** The name of a coded value (kind 'final' → 决算 / Final accounts, level 区县级 → District/county); a value
 *  without a name is shown as it is, NULL as an em dash. */
export function valueLabel(lang: Lang, column: LabelledColumn, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const names: Record<string, readonly [string, string]> = VALUE_LABELS[column];
  const l = Object.hasOwn(names, value) ? names[value] : undefined;
  return l ? l[lang === 'zh' ? 0 : 1] : value;
}

export function figureLabel(lang: Lang, name: FigureName): string {
  return columnLabel(lang, name, 'disclosures');
}

const EN_UNITS: Record<string, string> = {
  万元: '10k yuan',
  人: 'people',
  辆: 'vehicles',
  '万元/人': '10k yuan per person',
  分: 'points',
  个: 'units'
};

/** A unit of measure as a reader of the language writes it: 万元 / 人 / 辆 (zh), 10k yuan / people / vehicles
 * (en); a unit without an English form (e.g. %) stays as it is. */
export function unitLabel(lang: Lang, unit: string): string {
  return lang === 'zh' ? unit : (EN_UNITS[unit] ?? unit);
}

/** The unit of a figure, as a reader would write it: 万元 / 人 / 辆 (zh), 10k yuan / people / vehicles (en). */
export function figureUnit(lang: Lang, name: string): string {
  const f = FIGURES.find((x) => x.name === name || `prev_${x.name}` === name);
  return f ? unitLabel(lang, f.unit) : '';
}

/** "text（aside）" in Chinese, "text (aside)" in English (full-width brackets only in Chinese text). */
export function paren(lang: Lang, text: string, aside: string): string {
  return lang === 'zh' ? `${text}（${aside}）` : `${text} (${aside})`;
}

/** What separates the items of a short list: 、 in Chinese, a comma in English. */
export const listSeparator = (lang: Lang) => (lang === 'zh' ? '、' : ', ');

/** A template's {name} parts filled in ("正在读取 {done}/{total}" → "正在读取 1/2"). */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** What follows a label before its value: ： in Chinese, ": " in English. */
export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

const fixed2 = format(',.2f');
const fixed0 = format(',.0f');
const pct1 = format('.1f');

/** An amount in 万元 with two decimals and thousands separators; NULL shows as an em dash, never 0. */
export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return fixed2(value).replace('−', '-');
}

/** A headcount or vehicle count. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? fixed0(value) : fixed2(value);
}

/** A figure formatted by its kind: counts without decimals, amounts in 万元 with two. */
export function formatFigure(name: string, value: number | null | undefined): string {
  const f =
    FIGURES.find((x) => x.name === name || `prev_${x.name}` === name) ?? SCORES.find((x) => x.name === name);
  return f && f.unit !== '万元' ? formatCount(value) : formatWan(value);
}

/** A percentile 0–100 as "87.5". */
export function formatPercentile(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return pct1(value);
}

/** A value with its unit appended, e.g. "19.75 万元" or "19.75 10k yuan". */
export function withUnit(lang: Lang, name: string, value: number | null | undefined): string {
  const s = formatFigure(name, value);
  const u = figureUnit(lang, name);
  return s === '—' || !u ? s : `${s} ${u}`;
}
export { tableTitle } from './tables';

/** Where a change's base comes from, in words (a PriorSource: 'stated' | 'prior_doc'). */
export function priorSourceText(lang: Lang, source: string | null): string {
  if (source === 'stated') return t(lang, 'prior_stated');
  if (source === 'prior_doc') return t(lang, 'prior_prior_doc');
  return '—';
}
