import { describe, expect, it } from 'vitest';
import {
  STRINGS,
  t,
  columnLabel,
  figureUnit,
  formatWan,
  formatFigure,
  withUnit,
  isLang
} from '../../src/lib/i18n';
import { FIGURES } from '../../src/lib/model';

describe('i18n', () => {
  it('has every UI string in both languages, none empty', () => {
    const zh = Object.keys(STRINGS.zh).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(zh);
    for (const lang of ['zh', 'en'] as const)
      for (const k of zh) expect(STRINGS[lang][k as keyof typeof STRINGS.zh]).not.toBe('');
  });
  it('takes figure labels from the schema', () => {
    expect(columnLabel('zh', 'reception')).toBe('公务接待费');
    expect(columnLabel('en', 'reception')).toBe('Official reception');
    for (const f of FIGURES) expect(columnLabel('en', f.name)).toBe(f.en);
    expect(columnLabel('zh', 'prev_reception')).toBe('上年公务接待费');
    expect(columnLabel('zh', 'source_line', 'line_items')).toBe('源行号');
    expect(t('zh', 'synthetic_badge')).toBe('合成数据');
  });
  it('formats 万元 with two decimals and NULL as a dash, never 0', () => {
    expect(formatWan(19.75)).toBe('19.75');
    expect(formatWan(12345.678)).toBe('12,345.68');
    expect(formatWan(-3.5)).toBe('-3.50');
    expect(formatWan(null)).toBe('—');
    expect(formatFigure('staff_in_service', 11)).toBe('11');
    expect(withUnit('zh', 'reception', 19.75)).toBe('19.75 万元');
    expect(withUnit('en', 'staff_actual', 15)).toBe('15 persons');
    expect(figureUnit('zh', 'vehicles_count')).toBe('辆');
  });
  it('recognises only the known languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('<script>')).toBe(false);
  });
});

describe('template table titles', () => {
  it('names a budget table from the national template, and only numbers other tables', async () => {
    const { tableTitle } = await import('../../src/lib/i18n');
    expect(tableTitle('zh', 10, 'budget')).toBe('表10 财政拨款“三公”经费支出情况表');
    expect(tableTitle('en', 6, 'budget')).toBe('Table 6 General public budget basic expenditure');
    expect(tableTitle('zh', 6, 'final')).toBe('表6');
    expect(tableTitle('zh', 12, 'budget')).toBe('表12');
  });
});
