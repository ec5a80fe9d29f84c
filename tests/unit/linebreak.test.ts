// Where a long unit name breaks in a chart's names column (issue 11): at a bracket, a space or the end of a
// place's name, else where the two lines are even; never a closing mark alone on a line. Names are the real
// ones of data/disclosures (the seed and the Shanghai units) and real-shaped ones of published disclosures.
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/charts/labels';
import { fitLabel, splitTwoLines, wrapText } from '../../src/lib/charts/linebreak';

const SEED = '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）';
const SHANGHAI = [
  '上海市普陀区人民政府万里街道办事处',
  '上海市普陀区商务委员会',
  '上海市普陀区财政局',
  '中共上海市普陀区委社会工作部',
  '上海市财政局'
];
/** shaped like names in other published disclosures: ASCII brackets, 本级 in brackets, long 中共 names */
const SHAPED = [
  '中共宣城市宣州区直属机关工作委员会(区直工委)',
  '中共重庆市沙坪坝区委机构编制委员会办公室',
  '重庆市铜梁区围龙镇人民政府(镇本级)',
  '寻甸回族彝族自治县教育体育局(部门)',
  '示例市南岭县社会保险事业管理中心 [合成数据]',
  '示例市东湖区发展和改革委员会 [synthetic]'
];
const NAMES = [SEED, ...SHANGHAI, ...SHAPED];
const CLOSING = /^[）)】\]》」』”’，。、；：！？,.;:!?]/;
const OPENING = /[（(【[《「『“‘]$/;
/** the names column of the ranking: 1400 px (248 px for a name) and a 390 px phone (128 px) */
const WIDTHS = [248, 180, 128, 100];

describe('fitLabel: two lines broken at a sensible place', () => {
  it('the seed unit breaks before its bracket, not before its last "）"', () => {
    const fit = fitLabel(SEED, 248, 12, 10);
    expect(fit).toEqual({ lines: ['克拉玛依市乌尔禾区人民政府办公室', '（乌尔禾区信访局）'], size: 10 });
  });

  it('a name without brackets breaks after a place or 政府, or where the lines are even', () => {
    expect(splitTwoLines('上海市普陀区人民政府万里街道办事处', 128, 10)).toEqual([
      '上海市普陀区人民政府',
      '万里街道办事处'
    ]);
    expect(splitTwoLines('中共上海市普陀区委社会工作部', 100, 10)).toEqual([
      '中共上海市普陀区委',
      '社会工作部'
    ]);
    // no boundary at all: even halves
    expect(splitTwoLines('社会保险事业管理中心', 60, 10)).toEqual(['社会保险事', '业管理中心']);
    // the tag after a name goes to the second line with it or alone, at the space
    expect(splitTwoLines('示例市东湖区发展和改革委员会 [合成数据]', 150, 10)).toEqual([
      '示例市东湖区发展和改革委员会',
      '[合成数据]'
    ]);
  });

  it.each(WIDTHS)('every real name at %d px: lines fit, nothing lost, no lone closing mark', (w) => {
    for (const name of NAMES) {
      const fit = fitLabel(name, w, 12, 10);
      expect(fit.lines.length).toBeLessThanOrEqual(2);
      for (const l of fit.lines) {
        expect(textWidth(l, fit.size), `${name} @${w}: ${l}`).toBeLessThanOrEqual(w);
        expect(l.trim()).not.toBe('');
      }
      const [a, b] = fit.lines;
      if (b !== undefined) {
        expect(b, `${name} @${w}`).not.toMatch(CLOSING);
        expect(a, `${name} @${w}`).not.toMatch(OPENING);
        // a second line never holds only punctuation
        expect(b.replace(/[^\p{L}\p{N}]/gu, '').length).toBeGreaterThan(0);
      }
      const shown = fit.lines.join('').replace(/ /g, '');
      const whole = name.replace(/ /g, '');
      if (shown.endsWith('…')) expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
      else expect(shown).toBe(whole);
    }
  });

  it('a name longer than two lines is cut at the end of the second, its first line full', () => {
    const fit = fitLabel(SEED, 100, 12, 10);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[1].endsWith('…')).toBe(true);
    expect(textWidth(fit.lines[0], 10)).toBeGreaterThanOrEqual(80);
  });
});

describe('wrapText (export titles and notes)', () => {
  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    for (const name of NAMES)
      for (let w = 60; w <= 260; w += 7) {
        const lines = wrapText(`${name}2023 年部门预算`, w, 10);
        expect(lines.join('').replace(/ /g, '')).toBe(`${name}2023 年部门预算`.replace(/ /g, ''));
        lines.forEach((l, i) => {
          if (i > 0) expect(l, `${name} @${w}`).not.toMatch(CLOSING);
          if (i < lines.length - 1) expect(l, `${name} @${w}`).not.toMatch(OPENING);
        });
      }
  });
});
