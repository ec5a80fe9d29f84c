import { describe, expect, it } from 'vitest';
import {
  layoutBars,
  layoutParts,
  layoutMultiples,
  percentileRank,
  spreadOf,
  spreadFromRow,
  isOutlier,
  toCsv,
  csvCell,
  truncateLabel,
  textWidth,
  exportName,
  type BarOptions
} from '../../src/lib/charts';
import { layoutKey, KEY_LINE } from '../../src/lib/charts/labels';

const barOpts: BarOptions = {
  view: 'ranking',
  width: 800,
  title: 't',
  formatValue: (v) => v.toFixed(2),
  syntheticTag: '合成',
  medianLabel: '中位数',
  axisLabel: '万元'
};

describe('layoutBars', () => {
  const data = [
    { unitId: 'a', label: '甲单位', value: 10, synthetic: false },
    { unitId: 'b', label: '乙单位', value: null, synthetic: true },
    { unitId: 'c', label: '丙单位', value: 30, synthetic: true },
    { unitId: 'd', label: '丁单位', value: 20, synthetic: false }
  ];
  it('sorts by value, largest first, NULL last and never drawn as 0', () => {
    const L = layoutBars(data, barOpts);
    expect(L.rows.map((r) => r.unitId)).toEqual(['c', 'd', 'a', 'b']);
    expect(L.rows[3].barWidth).toBe(0);
    expect(L.rows[3].valueText).toBe('—');
  });
  it('sorts smallest first on request, NULL still last', () => {
    const L = layoutBars(data, { ...barOpts, order: 'asc' });
    expect(L.rows.map((r) => r.unitId)).toEqual(['a', 'd', 'c', 'b']);
  });
  it('bar lengths are proportional to the values from a zero baseline', () => {
    const L = layoutBars(data, barOpts);
    const [c, d, a] = L.rows;
    expect(c.barX).toBeCloseTo(L.left);
    expect(d.barWidth / c.barWidth).toBeCloseTo(20 / 30);
    expect(a.barWidth / c.barWidth).toBeCloseTo(10 / 30);
  });
  it('computes the spread from stated values only', () => {
    const L = layoutBars(data, barOpts);
    expect(L.spread).toEqual({ q1: 15, median: 20, q3: 25, n: 3 });
  });
  it("draws the spread of every unit the view covers when the query gives it, not just the bars'", () => {
    const all = spreadFromRow({ n: 16667, q1: 1, median: 2, q3: 4 });
    expect(layoutBars(data, { ...barOpts, spread: all }).spread).toEqual({
      q1: 1,
      median: 2,
      q3: 4,
      n: 16667
    });
    expect(layoutBars(data, { ...barOpts, spread: null }).spread).toBeNull();
    expect(spreadFromRow({ n: 0, q1: null, median: null, q3: null })).toBeNull();
    expect(spreadFromRow(null)).toBeNull();
  });
  it('on a phone the names take at most about a third of the width, cut, and the values fit', () => {
    const long = [
      {
        unitId: 'l',
        label: '示例市临江区社会保险事业管理中心（示例市临江区医疗保险中心）',
        value: 1234567.89,
        synthetic: true
      },
      { unitId: 's', label: '短', value: 3, synthetic: false }
    ];
    const fmt = (v: number) => v.toLocaleString('en', { minimumFractionDigits: 2 });
    const L = layoutBars(long, { ...barOpts, width: 324, formatValue: fmt });
    expect(L.left).toBeLessThanOrEqual(324 * 0.36);
    expect(L.rows[0].shownLabel.endsWith('…')).toBe(true);
    // drawn in two smaller lines, each within the names' column
    const fit = L.rows[0].labelFit;
    expect(fit.lines).toHaveLength(2);
    for (const line of fit.lines) expect(textWidth(line, fit.size)).toBeLessThanOrEqual(L.left);
    // the label keeps the full name (for its tooltip)
    expect(L.rows[0].label).toBe(long[0].label);
    for (const r of L.rows)
      expect(r.barX + r.barWidth + 4 + textWidth(r.valueText, 12)).toBeLessThanOrEqual(324);
    // a wide chart still gives the names up to 260 px
    expect(layoutBars(long, { ...barOpts, width: 1300, formatValue: fmt }).left).toBe(260);
  });
  it('tags synthetic units in the label', () => {
    const L = layoutBars(data, barOpts);
    expect(L.rows[0].shownLabel).toBe('丙单位 合成');
    expect(L.rows[1].shownLabel).toBe('丁单位');
  });
  it('handles negative values (changes) with bars left of zero', () => {
    const L = layoutBars(
      [
        { unitId: 'x', label: 'x', value: -5, synthetic: false },
        { unitId: 'y', label: 'y', value: 5, synthetic: false }
      ],
      barOpts
    );
    const neg = L.rows.find((r) => r.unitId === 'x')!;
    const pos = L.rows.find((r) => r.unitId === 'y')!;
    expect(neg.barX + neg.barWidth).toBeCloseTo(pos.barX);
    expect(neg.barWidth).toBeCloseTo(pos.barWidth);
  });
});

describe('layoutParts', () => {
  const parts = [
    { key: 'p1', label: '一' },
    { key: 'p2', label: '二' }
  ];
  const data = [
    { unitId: 'a', label: 'A', synthetic: false, values: { p1: 1, p2: 3 } },
    { unitId: 'b', label: 'B', synthetic: false, values: { p1: 6, p2: null } }
  ];
  it('stacks parts end to end and skips NULL parts', () => {
    const L = layoutParts(data, {
      view: 'composition',
      width: 600,
      title: '',
      parts,
      mode: 'stacked',
      formatValue: String,
      syntheticTag: '',
      axisLabel: ''
    });
    expect(L.rows.map((r) => r.unitId)).toEqual(['b', 'a']);
    const a = L.segments.filter((s) => s.unitId === 'a');
    expect(a.map((s) => s.part)).toEqual(['p1', 'p2']);
    expect(a[1].x).toBeCloseTo(a[0].x + a[0].width);
    expect(L.segments.filter((s) => s.unitId === 'b').map((s) => s.part)).toEqual(['p1']);
    expect(L.rows.find((r) => r.unitId === 'b')!.total).toBe(6);
  });
  it('groups parts side by side from the same baseline', () => {
    const L = layoutParts(data, {
      view: 'staffing',
      width: 600,
      title: '',
      parts,
      mode: 'grouped',
      formatValue: String,
      syntheticTag: '',
      axisLabel: ''
    });
    const a = L.segments.filter((s) => s.unitId === 'a');
    expect(a[0].x).toBe(a[1].x);
    expect(a[1].y).toBeGreaterThan(a[0].y);
  });
});

describe('layoutMultiples', () => {
  it('puts one panel per unit on a shared y scale covering all years', () => {
    const L = layoutMultiples(
      [
        {
          unitId: 'a',
          label: 'A',
          synthetic: false,
          points: [
            { year: 2021, value: 5, estimated: false },
            { year: 2019, value: 1, estimated: true }
          ]
        },
        { unitId: 'b', label: 'B', synthetic: false, points: [{ year: 2020, value: 10, estimated: false }] }
      ],
      { view: 'trends', width: 500, title: '', formatValue: String, syntheticTag: '', estimatedTag: '' }
    );
    expect(L.years).toEqual([2019, 2020, 2021]);
    expect(L.columns).toBe(2);
    expect(L.yDomain[0]).toBe(0);
    expect(L.yDomain[1]).toBeGreaterThanOrEqual(10);
    expect(L.panels[0].points.map((p) => p.year)).toEqual([2019, 2021]);
    // higher value, higher on the page (smaller y)
    expect(L.panels[1].points[0].py).toBeLessThan(L.panels[0].points[1].py);
  });
});

describe('stats', () => {
  it('percentileRank uses mid-ranks for ties', () => {
    expect(percentileRank(5, [1, 5, 9, 10])).toBeCloseTo(37.5);
    expect(percentileRank(0, [1, 2])).toBe(0);
    expect(percentileRank(3, [1, 2])).toBe(100);
    expect(percentileRank(1, [])).toBeNull();
  });
  it('spreadOf ignores NULL and returns null when nothing is stated', () => {
    expect(spreadOf([null, undefined])).toBeNull();
    expect(spreadOf([4, null, 2])!.median).toBe(3);
  });
  it('isOutlier flags values beyond 1.5 IQR', () => {
    const s = spreadOf([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(isOutlier(100, s)).toBe(true);
    expect(isOutlier(5, s)).toBe(false);
    expect(isOutlier(null, s)).toBe(false);
  });
});

describe('exports and labels', () => {
  it('toCsv quotes commas, quotes and line breaks; NULL is empty', () => {
    const csv = toCsv(
      [
        { label: '单位', value: (r: { n: string; v: number | null }) => r.n },
        { label: 'v', value: (r) => r.v }
      ],
      [
        { n: 'a,"b"', v: 1.5 },
        { n: '甲\n乙', v: null }
      ]
    );
    expect(csv).toBe('单位,v\r\n"a,""b""",1.5\r\n"甲\n乙",\r\n');
  });
  it('toCsv does not interpret a formula-like or script-like name', () => {
    const csv = toCsv([{ label: 'n', value: (r: string) => r }], ['<script>alert(1)</script>']);
    expect(csv).toContain('<script>alert(1)</script>');
  });
  it('toCsv neutralises formula-like text cells with a quote prefix; numbers stay numbers', () => {
    const rows: { n: string; v: number | string | null }[] = [
      { n: '=1+1+cmd|局', v: -3.5 },
      { n: '+SUM(A1)', v: '-3.5' },
      { n: '-2+3', v: '+7' },
      { n: '@A1', v: '1e3' },
      { n: '\tx', v: '-' },
      { n: '\r=1', v: 0 },
      { n: '普通单位', v: '-1,000' }
    ];
    const csv = toCsv(
      [
        { label: '=label', value: (r: (typeof rows)[number]) => r.n },
        { label: 'v', value: (r) => r.v }
      ],
      rows
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe("'=label,v");
    expect(lines[1]).toBe("'=1+1+cmd|局,-3.5");
    expect(lines[2]).toBe("'+SUM(A1),-3.5");
    expect(lines[3]).toBe("'-2+3,+7");
    expect(lines[4]).toBe("'@A1,1e3");
    expect(lines[5]).toBe("'\tx,'-");
    expect(lines[6]).toBe('"\'\r=1",0');
    expect(lines[7]).toBe('普通单位,"\'-1,000"');
    // no cell of the export starts with a formula character
    for (const l of lines.slice(1, -1)) expect(l).not.toMatch(/^"?[=+@\t\r]/);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });
  it('truncateLabel cuts CJK text to the width and marks it', () => {
    const long = '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）';
    const cut = truncateLabel(long, 120, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(120);
    expect(truncateLabel('短', 120, 12)).toBe('短');
  });
  it('exportName keeps letters and digits, replaces the rest', () => {
    expect(exportName(['ranking', 2023, 'reception', null])).toBe('ranking-2023-reception');
    expect(exportName(['a/b c'])).toBe('a_b_c');
    expect(exportName([null, ''])).toBe('gongkai');
  });
});

describe('layoutKey', () => {
  it('puts the legend and the unit on one line over the plot when they fit', () => {
    const k = layoutKey([80, 120], 40, 260, 1200);
    expect(k.items).toEqual([
      { x: 260, y: KEY_LINE / 2 },
      { x: 354, y: KEY_LINE / 2 }
    ]);
    expect(k.unit).toEqual({ x: 1200, y: KEY_LINE / 2 });
    expect(k.height).toBe(KEY_LINE);
  });
  it('on a narrow chart flows from the left edge, wrapping, and gives the unit its own line', () => {
    const k = layoutKey([150, 150], 200, 110, 300);
    expect(k.items[0]).toEqual({ x: 4, y: KEY_LINE / 2 });
    expect(k.items[1]).toEqual({ x: 4, y: KEY_LINE * 1.5 });
    expect(k.unit).toEqual({ x: 300, y: KEY_LINE * 2.5 });
    expect(k.height).toBe(KEY_LINE * 3);
    // a short unit ends the last line
    expect(layoutKey([150, 150], 40, 110, 300).height).toBe(KEY_LINE * 2);
  });
});
