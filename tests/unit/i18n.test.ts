import { describe, expect, it } from 'vitest';
import {
  STRINGS,
  t,
  columnLabel,
  figureUnit,
  formatWan,
  formatFigure,
  withUnit,
  isLang,
  paren,
  unitLabel,
  listSeparator
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
    expect(withUnit('en', 'staff_actual', 15)).toBe('15 people');
    expect(withUnit('en', 'vehicles_count', 3)).toBe('3 vehicles');
    expect(withUnit('en', 'reception', 19.75)).toBe('19.75 10k yuan');
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

describe('typography of each language', () => {
  it('brackets, list separators and units: full-width in Chinese, Latin in English', () => {
    expect(paren('zh', '公务接待费', '万元')).toBe('公务接待费（万元）');
    expect(paren('en', 'Reception', unitLabel('en', '万元'))).toBe('Reception (10k yuan)');
    expect(listSeparator('zh')).toBe('、');
    expect(listSeparator('en')).toBe(', ');
    expect(unitLabel('en', '人')).toBe('people');
    expect(unitLabel('en', '万元/人')).toBe('10k yuan per person');
    expect(unitLabel('en', '%')).toBe('%');
    expect(unitLabel('zh', '辆')).toBe('辆');
  });

  it('no English UI string holds 万元, full-width punctuation or Chinese words', () => {
    const punct = /[\u3000-\u303f\uff00-\uffef]|万元/;
    expect(Object.entries(STRINGS.en).filter(([, v]) => punct.test(v))).toEqual([]);
    // Chinese only where it is a name: the switch to 中文, and the demo city's name
    const names = ['language', 'dataset_synthetic_note'];
    const cjk = /[\u4e00-\u9fff]/;
    const words = Object.entries(STRINGS.en).filter(([k, v]) => cjk.test(v) && !names.includes(k));
    expect(words).toEqual([]);
  });
});
