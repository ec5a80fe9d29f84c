// Horizontal bars, one per unit, sorted by value, with the peers' quartile band and median drawn behind.
// Used by the ranking (万元) and the per-capita view (万元 per head).
import { scaleLinear } from 'd3-scale';
import { axisTop } from 'd3-axis';
import { max, min } from 'd3-array';
import { spreadOf, type Spread } from './stats';
import { textWidth, labelColumn, plotRight, layoutKey, KEY_LINE, type KeyLayout } from './labels';
import { fitLabel } from './linebreak';
import { reuseRoot, markValue, setAttr, setText, writeLabel, type Root } from './frame';
import { COLOR, FONT_SIZE, ROW_HEIGHT, BAR_HEIGHT } from './theme';

export interface BarDatum {
  unitId: string;
  label: string;
  value: number | null;
  synthetic: boolean;
  /** The reader's own document (added in this browser): tagged, and drawn in its own colour. */
  local?: boolean;
  /** Drawn in the highlight colour (e.g. the unit a benchmark is about). */
  highlight?: boolean;
  /** Extra lines for the tooltip. */
  detail?: string;
  /** Where the value comes from, for the tooltip ("合成数据 · 2024 预算"). */
  source?: string;
  /** This unit's own peer spread, drawn as a band behind its bar (per-capita peers by region/level…). */
  band?: { q1: number; median: number; q3: number } | null;
}

export interface BarOptions {
  view: string;
  width: number;
  title: string;
  formatValue: (v: number) => string;
  /** Tag drawn after a synthetic unit's name. */
  syntheticTag: string;
  /** Tag drawn after the name of a unit from the reader's own document. */
  localTag?: string;
  medianLabel: string;
  /** legend text of the quartile band */
  quartilesLabel?: string;
  axisLabel: string;
  /** tick labels (default: formatValue) */
  formatTick?: (v: number) => string;
  /** Draw the quartile band and median line (default true). */
  showSpread?: boolean;
  /** The spread of every unit the view covers (from the query), when the bars show only the first rows of
   * them; default: the spread of the bars' own values. */
  spread?: Spread | null;
  /** 'desc' (default): largest first. */
  order?: 'desc' | 'asc';
  /** the unit of the values, in the tooltip after the value ("万元") */
  unitLabel?: string;
  /** legend of the bar colours: published (darker) and synthetic units; drawn for the kinds present */
  sourceLegend?: { published: string; synthetic: string };
}

export interface BarRow extends BarDatum {
  /** the label as drawn: one line, or two at LABEL_SMALL px when the name is long */
  labelFit: { lines: string[]; size: number };
  shownLabel: string;
  y: number;
  barX: number;
  barWidth: number;
  valueText: string;
  /** the tooltip: name, value with its unit, source, detail (one per line) */
  tip: string;
}

export interface BarLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  rows: BarRow[];
  spread: Spread | null;
  domain: [number, number];
  /** the legend's texts (median, quartiles) and where they and the axis' unit go */
  legend: { median: string; quartiles: string };
  key: KeyLayout;
}

const MARGIN = { top: 44, bottom: 12 };
const KEY_FONT = 11;
const LABEL_SMALL = 10;
/** the row above the other legends that explains the bar colours */
const LEGEND_ROW = 20;

/** Where every bar, label and reference line goes. Pure: tested without a browser. */
export function layoutBars(data: readonly BarDatum[], opts: BarOptions): BarLayout {
  const sorted = [...data].sort((a, b) => {
    if (a.value === null) return b.value === null ? a.label.localeCompare(b.label) : 1;
    if (b.value === null) return -1;
    const d = opts.order === 'asc' ? a.value - b.value : b.value - a.value;
    return d || a.label.localeCompare(b.label);
  });
  const labelOf = (d: BarDatum) =>
    d.local ? `${d.label} ${opts.localTag ?? ''}` : d.synthetic ? `${d.label} ${opts.syntheticTag}` : d.label;
  const longest = max(sorted, (d) => textWidth(labelOf(d), FONT_SIZE)) ?? 0;
  const left = labelColumn(opts.width, longest);
  const values = sorted.map((d) => d.value).filter((v): v is number => v !== null);
  // room on the right for the longest value printed after its bar (never cut at the chart's edge)
  const right = plotRight(
    opts.width,
    left,
    max(values, (v) => textWidth(opts.formatValue(v), FONT_SIZE)) ?? 0
  );
  const spread =
    opts.showSpread === false ? null : opts.spread !== undefined ? opts.spread : spreadOf(values);
  const legend = {
    median: spread ? `${opts.medianLabel} ${opts.formatValue(spread.median)}` : '',
    quartiles:
      spread && opts.quartilesLabel
        ? `${opts.quartilesLabel} ${opts.formatValue(spread.q1)} – ${opts.formatValue(spread.q3)}`
        : ''
  };
  const keyItems = [legend.median, legend.quartiles].filter(Boolean).map((t) => 24 + textWidth(t, KEY_FONT));
  const key = layoutKey(keyItems, textWidth(opts.axisLabel, FONT_SIZE), left, right);
  const top = MARGIN.top + key.height - KEY_LINE + (opts.sourceLegend ? LEGEND_ROW : 0);
  const bandEnds = sorted.flatMap((d) => (d.band ? [d.band.q1, d.band.q3] : []));
  const lo = Math.min(0, min(values) ?? 0, min(bandEnds) ?? 0);
  const hi = Math.max(0, max(values) ?? 0, max(bandEnds) ?? 0);
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice()
    .range([left, right]);
  const rows = sorted.map((d, i) => {
    const y = top + i * ROW_HEIGHT;
    const v = d.value;
    const barX = v === null ? x(0) : Math.min(x(0), x(v));
    const barWidth = v === null ? 0 : Math.abs(x(v) - x(0));
    const labelFit = fitLabel(labelOf(d), left - 12, FONT_SIZE, LABEL_SMALL);
    return {
      ...d,
      labelFit,
      shownLabel: labelFit.lines.join(''),
      y,
      barX,
      barWidth,
      valueText: v === null ? '—' : opts.formatValue(v),
      tip: [
        d.label,
        v === null ? '—' : `${opts.formatValue(v)}${opts.unitLabel ? ' ' + opts.unitLabel : ''}`,
        d.source,
        d.detail
      ]
        .filter(Boolean)
        .join('\n')
    };
  });
  return {
    width: opts.width,
    height: top + rows.length * ROW_HEIGHT + MARGIN.bottom,
    left,
    right,
    top,
    rows,
    spread,
    domain: x.domain() as [number, number],
    legend,
    key
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The children a row needs: the band only when it has one, the mark only when its value is stated. */
const rowShape = (d: BarRow) => `${d.band ? 'b' : ''}${d.value !== null ? 'v' : ''}`;
const shapes = new WeakMap<SVGGElement, string>();

function child<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  tag: K,
  attrs: Record<string, string | number>
): SVGElementTagNameMap[K] {
  const el = parent.ownerDocument.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent.appendChild(el);
  return el;
}

/** A row's elements in their order, with the attributes that never change. */
function buildRow(g: SVGGElement, d: BarRow) {
  g.replaceChildren();
  const label = child(g, 'text', { y: ROW_HEIGHT / 2, dy: '0.35em', 'text-anchor': 'end' });
  setText(label, '');
  if (d.band) {
    child(g, 'rect', { class: 'peer-band', y: 1, height: ROW_HEIGHT - 2, fill: COLOR.quartile });
    child(g, 'line', { y1: 0, y2: ROW_HEIGHT, stroke: COLOR.reference, 'stroke-width': 1.5 });
  }
  if (d.value !== null) {
    child(g, 'rect', { class: 'mark', y: (ROW_HEIGHT - BAR_HEIGHT) / 2, height: BAR_HEIGHT });
  }
  const value = child(g, 'text', { y: ROW_HEIGHT / 2, dy: '0.35em', fill: COLOR.muted });
  setText(value, '');
  shapes.set(g, rowShape(d));
}

/** Bring a row's elements to d, touching only what differs from the row it showed before. */
function updateRow(g: SVGGElement, d: BarRow, L: BarLayout, x: (v: number) => number) {
  if (shapes.get(g) !== rowShape(d)) buildRow(g, d);
  setAttr(g, 'transform', `translate(0,${d.y})`);
  const kids = g.children;
  let i = 0;
  const label = kids[i++];
  setAttr(label, 'x', L.left - 8);
  setAttr(label, 'fill', d.highlight ? COLOR.highlight : COLOR.text);
  setAttr(label, 'font-weight', d.highlight ? 'bold' : null);
  writeLabel(label, d.labelFit, L.left - 8, ROW_HEIGHT);
  setAttr(label, 'data-link-unit', d.unitId);
  setAttr(label, 'data-tip', d.tip);
  if (d.band) {
    const band = kids[i++];
    const median = kids[i++];
    setAttr(band, 'x', x(d.band.q1));
    setAttr(band, 'width', Math.max(1, x(d.band.q3) - x(d.band.q1)));
    setAttr(median, 'x1', x(d.band.median));
    setAttr(median, 'x2', x(d.band.median));
  }
  if (d.value !== null) {
    const mark = kids[i++];
    setAttr(mark, 'data-unit-id', d.unitId);
    setAttr(mark, 'data-value', markValue(d.value));
    setAttr(mark, 'data-synthetic', String(d.synthetic));
    setAttr(mark, 'data-local', String(Boolean(d.local)));
    setAttr(mark, 'x', d.barX);
    setAttr(mark, 'width', Math.max(1, d.barWidth));
    setAttr(
      mark,
      'fill',
      d.highlight ? COLOR.highlight : d.local ? COLOR.local : d.synthetic ? COLOR.synthetic : COLOR.published
    );
    setAttr(mark, 'data-tip', d.tip);
  }
  const value = kids[i];
  setAttr(value, 'x', d.value !== null && d.value < 0 ? x(0) + 4 : d.barX + d.barWidth + 4);
  setText(value, d.valueText);
}

/** How far the median/quartile key and the unit sit below the colour legend's row. */
const keyOffset = (opts: BarOptions) => (opts.sourceLegend ? LEGEND_ROW : 0);

/** The bar colours explained (公开数据 darker, 合成数据 lighter), for the kinds of unit the chart shows, in
 *  the top row. */
function drawSourceLegend(root: Root, L: BarLayout, opts: BarOptions) {
  root.selectAll(':scope > .source-legend').remove();
  if (!opts.sourceLegend) return;
  const kinds = (['published', 'synthetic'] as const).filter((k) =>
    L.rows.some((r) => r.value !== null && !r.highlight && !r.local && r.synthetic === (k === 'synthetic'))
  );
  if (!kinds.length) return;
  const items = kinds.map((k) => ({
    text: opts.sourceLegend![k],
    fill: k === 'synthetic' ? COLOR.synthetic : COLOR.published
  }));
  const g = root
    .append('g')
    .attr('class', 'source-legend')
    .attr('data-testid', 'source-legend')
    .attr('transform', `translate(${Math.min(L.left, 4 + (L.key.items[0]?.x ?? L.left))},0)`);
  let x = 0;
  for (const it of items) {
    g.append('rect').attr('x', x).attr('y', 4).attr('width', 12).attr('height', 12).attr('fill', it.fill);
    g.append('text')
      .attr('x', x + 16)
      .attr('y', 10)
      .attr('dy', '0.35em')
      .attr('font-size', KEY_FONT)
      .attr('fill', COLOR.text)
      .text(it.text);
    x += 16 + textWidth(it.text, KEY_FONT) + 16;
  }
}

/**
 * Draw the bars into svg. Marks carry data-unit-id and data-value (the number the bar shows). A redraw
 * into an SVG that already shows bars keeps its rows (row i stays row i) and changes only the attributes
 * and texts that differ: after a filter change the browser restyles and lays out far fewer elements.
 */
export function drawBars(svg: SVGSVGElement, data: readonly BarDatum[], opts: BarOptions): BarLayout {
  const L = layoutBars(data, opts);
  const { root, fresh } = reuseRoot(svg, 'bars', opts.view, L.width, L.height, opts.title);
  const x = scaleLinear().domain(L.domain).range([L.left, L.right]);
  const bottom = L.height - MARGIN.bottom;
  const tick = opts.formatTick ?? opts.formatValue;

  // the reference marks are few: drawn anew each time (behind the axis, and above the rows)
  root.selectAll(':scope > .spread').remove();
  if (fresh) {
    root.append('g').attr('class', 'axis');
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('fill', COLOR.muted);
    root.append('g').attr('class', 'rows');
  }
  if (L.spread) {
    const s = L.spread;
    root
      .insert('rect', ':scope > g.axis')
      .attr('class', 'quartiles spread')
      .attr('x', x(s.q1))
      .attr('y', L.top - 4)
      .attr('width', Math.max(1, x(s.q3) - x(s.q1)))
      .attr('height', bottom - L.top + 4)
      .attr('fill', COLOR.quartile);
  }
  const axis = root
    .select<SVGGElement>(':scope > g.axis')
    .attr('transform', `translate(0,${L.top - 6})`)
    .call(
      axisTop(x)
        .ticks(Math.max(2, Math.floor((L.right - L.left) / 90)))
        .tickFormat((v) => tick(Number(v)))
        .tickSizeOuter(0)
    );
  axis.attr('font-family', null).attr('font-size', 11);
  axis.selectAll('text').attr('fill', COLOR.axis);
  root
    .select(':scope > text.axis-label')
    .attr('x', L.key.unit.x)
    .attr('y', L.key.unit.y + keyOffset(opts))
    .text(opts.axisLabel);

  // rows joined by position: row i is reused for whichever unit ranks i-th now
  root
    .select(':scope > g.rows')
    .selectAll<SVGGElement, BarRow>(':scope > g')
    .data(L.rows)
    .join((enter) => enter.append('g'))
    .each(function (d) {
      updateRow(this, d, L, x);
    });

  if (L.spread) {
    const s = L.spread;
    root
      .append('line')
      .attr('class', 'median spread')
      .attr('x1', x(s.median))
      .attr('x2', x(s.median))
      .attr('y1', L.top - 4)
      .attr('y2', bottom)
      .attr('stroke', COLOR.reference)
      .attr('stroke-dasharray', '4 3');
    const [mk, qk] = L.key.items;
    const median = root
      .append('g')
      .attr('class', 'spread')
      .attr('transform', `translate(${mk.x},${mk.y + keyOffset(opts)})`);
    median
      .append('line')
      .attr('x1', 0)
      .attr('x2', 18)
      .attr('stroke', COLOR.reference)
      .attr('stroke-dasharray', '4 3');
    median
      .append('text')
      .attr('x', 24)
      .attr('dy', '0.35em')
      .attr('font-size', KEY_FONT)
      .text(L.legend.median);
    if (L.legend.quartiles && qk) {
      const quartiles = root
        .append('g')
        .attr('class', 'spread')
        .attr('transform', `translate(${qk.x},${qk.y + keyOffset(opts)})`);
      quartiles
        .append('rect')
        .attr('y', -6)
        .attr('width', 18)
        .attr('height', 12)
        .attr('fill', COLOR.quartile);
      quartiles
        .append('text')
        .attr('x', 24)
        .attr('dy', '0.35em')
        .attr('font-size', KEY_FONT)
        .text(L.legend.quartiles);
    }
  }
  drawSourceLegend(root, L, opts);
  return L;
}
