// Small multiples: one panel per unit, a metric over the years, on a shared y scale so panels compare.
// A point taken from the next year's narrative ("比上年…") because the year's own document is missing is
// drawn hollow (data-estimated="true").
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { extent, max, min, range } from 'd3-array';
import { truncateLabel } from './labels';
import { prepareRoot, markValue } from './frame';
import { COLOR, FONT_SIZE } from './theme';

export interface SeriesPoint {
  year: number;
  value: number;
  estimated: boolean;
  /** the kind of the document the value comes from ('budget' | 'final'), drawn as data-kind */
  kind?: string | null;
  /** the kind and source in words, for the tooltip ("预算 · 本年文档") */
  note?: string;
}

export interface SeriesDatum {
  unitId: string;
  label: string;
  synthetic: boolean;
  points: SeriesPoint[];
}

export interface MultiplesOptions {
  view: string;
  width: number;
  title: string;
  formatValue: (v: number) => string;
  syntheticTag: string;
  estimatedTag: string;
}

export interface Panel {
  series: SeriesDatum;
  shownLabel: string;
  x: number;
  y: number;
  points: (SeriesPoint & { px: number; py: number })[];
}

export interface MultiplesLayout {
  width: number;
  height: number;
  panelWidth: number;
  panelHeight: number;
  columns: number;
  years: number[];
  yDomain: [number, number];
  panels: Panel[];
}

const PANEL_H = 150;
const PAD = { top: 26, right: 12, bottom: 24, left: 52 };

export function layoutMultiples(data: readonly SeriesDatum[], opts: MultiplesOptions): MultiplesLayout {
  const columns = Math.max(1, Math.min(data.length || 1, Math.floor(opts.width / 240)));
  const panelWidth = Math.floor(opts.width / columns);
  const all = data.flatMap((s) => s.points);
  const [y0, y1] = extent(all, (p) => p.year) as [number | undefined, number | undefined];
  const years = y0 === undefined ? [] : range(y0, (y1 as number) + 1);
  const lo = Math.min(0, min(all, (p) => p.value) ?? 0);
  const hi = max(all, (p) => p.value) ?? 1;
  const y = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .nice()
    .range([PANEL_H - PAD.bottom, PAD.top]);
  const x = scaleLinear()
    .domain(years.length > 1 ? [years[0], years[years.length - 1]] : [(y0 ?? 0) - 1, (y0 ?? 0) + 1])
    .range([PAD.left, panelWidth - PAD.right]);
  const panels = data.map((s, i) => {
    const label = s.synthetic ? `${s.label} ${opts.syntheticTag}` : s.label;
    return {
      series: s,
      shownLabel: truncateLabel(label, panelWidth - 16, FONT_SIZE),
      x: (i % columns) * panelWidth,
      y: Math.floor(i / columns) * PANEL_H,
      points: [...s.points]
        .sort((a, b) => a.year - b.year)
        .map((p) => ({ ...p, px: x(p.year), py: y(p.value) }))
    };
  });
  return {
    width: opts.width,
    height: Math.max(1, Math.ceil(data.length / columns)) * PANEL_H + 20,
    panelWidth,
    panelHeight: PANEL_H,
    columns,
    years,
    yDomain: y.domain() as [number, number],
    panels
  };
}

export function drawMultiples(
  svg: SVGSVGElement,
  data: readonly SeriesDatum[],
  opts: MultiplesOptions
): MultiplesLayout {
  const L = layoutMultiples(data, opts);
  const root = prepareRoot(svg, opts.view, L.width, L.height, opts.title);
  const y = scaleLinear()
    .domain(L.yDomain)
    .range([PANEL_H - PAD.bottom, PAD.top]);
  const yTicks = y.ticks(3);
  const panel = root
    .append('g')
    .selectAll('g')
    .data(L.panels)
    .join('g')
    .attr('transform', (p) => `translate(${p.x},${p.y})`);
  panel
    .append('text')
    .attr('x', 8)
    .attr('y', 14)
    .attr('font-weight', 'bold')
    .text((p) => p.shownLabel)
    .append('title')
    .text((p) => p.series.label);
  for (const t of yTicks) {
    panel
      .append('line')
      .attr('x1', PAD.left)
      .attr('x2', L.panelWidth - PAD.right)
      .attr('y1', y(t))
      .attr('y2', y(t))
      .attr('stroke', COLOR.grid);
    panel
      .append('text')
      .attr('x', PAD.left - 4)
      .attr('y', y(t))
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('font-size', 10)
      .attr('fill', COLOR.axis)
      .text(opts.formatValue(t));
  }
  // every year when the panel has room for it, else the first and the last
  const room = L.panelWidth - PAD.left - PAD.right;
  const firstLast =
    L.years.length <= 1 || room / (L.years.length - 1) >= 28
      ? L.years
      : [L.years[0], L.years[L.years.length - 1]];
  const xOf = (yr: number) =>
    L.years.length > 1
      ? PAD.left + ((yr - L.years[0]) / (L.years[L.years.length - 1] - L.years[0])) * room
      : PAD.left + room / 2;
  panel.each(function (p, i, nodes) {
    const g = nodes[i] as SVGGElement;
    const sel = root.select(() => g);
    firstLast.forEach((yr) => {
      sel
        .append('text')
        .attr('x', xOf(yr))
        .attr('y', PANEL_H - 8)
        .attr('text-anchor', 'middle')
        .attr('font-size', 10)
        .attr('fill', COLOR.axis)
        .text(String(yr));
    });
    const path = line<Panel['points'][number]>()
      .x((d) => d.px)
      .y((d) => d.py);
    sel
      .append('path')
      .attr('d', path(p.points) ?? '')
      .attr('fill', 'none')
      .attr('stroke', p.series.synthetic ? COLOR.synthetic : COLOR.published)
      .attr('stroke-width', 1.5);
    sel
      .selectAll('circle')
      .data(p.points)
      .join('circle')
      .attr('class', 'mark')
      .attr('data-unit-id', p.series.unitId)
      .attr('data-year', (d) => d.year)
      .attr('data-value', (d) => markValue(d.value))
      .attr('data-estimated', (d) => String(d.estimated))
      .attr('data-kind', (d) => d.kind ?? null)
      .attr('cx', (d) => d.px)
      .attr('cy', (d) => d.py)
      .attr('r', 3.5)
      .attr('stroke', p.series.synthetic ? COLOR.synthetic : COLOR.published)
      .attr('stroke-width', 1.5)
      .attr('fill', (d) =>
        d.estimated ? COLOR.estimated : p.series.synthetic ? COLOR.synthetic : COLOR.published
      )
      .append('title')
      .text(
        (d) =>
          `${p.series.label} ${d.year}: ${opts.formatValue(d.value)}${d.note ? ` (${d.note})` : d.estimated ? ` (${opts.estimatedTag})` : ''}`
      );
  });
  return L;
}
