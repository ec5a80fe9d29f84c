// Horizontal bars, one per unit, sorted by value, with the peers' quartile band and median drawn behind.
// Used by the ranking (万元) and the per-capita view (万元 per head).
import { scaleLinear } from 'd3-scale';
import { axisTop } from 'd3-axis';
import { max, min } from 'd3-array';
import { spreadOf, type Spread } from './stats';
import { truncateLabel, textWidth } from './labels';
import { prepareRoot, markValue } from './frame';
import { COLOR, FONT_SIZE, ROW_HEIGHT, BAR_HEIGHT } from './theme';

export interface BarDatum {
  unitId: string;
  label: string;
  value: number | null;
  synthetic: boolean;
  /** Drawn in the highlight colour (e.g. the unit a benchmark is about). */
  highlight?: boolean;
  /** Extra lines for the tooltip. */
  detail?: string;
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
}

export interface BarRow extends BarDatum {
  shownLabel: string;
  y: number;
  barX: number;
  barWidth: number;
  valueText: string;
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
}

const MARGIN = { top: 44, right: 80, bottom: 12 };
const MAX_LABEL = 260;

/** Where every bar, label and reference line goes. Pure: tested without a browser. */
export function layoutBars(data: readonly BarDatum[], opts: BarOptions): BarLayout {
  const sorted = [...data].sort((a, b) => {
    if (a.value === null) return b.value === null ? a.label.localeCompare(b.label) : 1;
    if (b.value === null) return -1;
    const d = opts.order === 'asc' ? a.value - b.value : b.value - a.value;
    return d || a.label.localeCompare(b.label);
  });
  const labelOf = (d: BarDatum) => (d.synthetic ? `${d.label} ${opts.syntheticTag}` : d.label);
  const longest = max(sorted, (d) => textWidth(labelOf(d), FONT_SIZE)) ?? 0;
  const left = Math.min(MAX_LABEL, Math.max(80, longest + 12));
  const right = Math.max(left + 60, opts.width - MARGIN.right);
  const values = sorted.map((d) => d.value).filter((v): v is number => v !== null);
  const bandEnds = sorted.flatMap((d) => (d.band ? [d.band.q1, d.band.q3] : []));
  const lo = Math.min(0, min(values) ?? 0, min(bandEnds) ?? 0);
  const hi = Math.max(0, max(values) ?? 0, max(bandEnds) ?? 0);
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice()
    .range([left, right]);
  const rows = sorted.map((d, i) => {
    const y = MARGIN.top + i * ROW_HEIGHT;
    const v = d.value;
    const barX = v === null ? x(0) : Math.min(x(0), x(v));
    const barWidth = v === null ? 0 : Math.abs(x(v) - x(0));
    return {
      ...d,
      shownLabel: truncateLabel(labelOf(d), left - 12, FONT_SIZE),
      y,
      barX,
      barWidth,
      valueText: v === null ? '—' : opts.formatValue(v)
    };
  });
  return {
    width: opts.width,
    height: MARGIN.top + rows.length * ROW_HEIGHT + MARGIN.bottom,
    left,
    right,
    top: MARGIN.top,
    rows,
    spread: opts.showSpread === false ? null : opts.spread !== undefined ? opts.spread : spreadOf(values),
    domain: x.domain() as [number, number]
  };
}

/** Draw the bars into svg. Marks carry data-unit-id and data-value (the number the bar shows). */
export function drawBars(svg: SVGSVGElement, data: readonly BarDatum[], opts: BarOptions): BarLayout {
  const L = layoutBars(data, opts);
  const root = prepareRoot(svg, opts.view, L.width, L.height, opts.title);
  const x = scaleLinear().domain(L.domain).range([L.left, L.right]);
  const bottom = L.height - MARGIN.bottom;
  const tick = opts.formatTick ?? opts.formatValue;

  if (L.spread) {
    const s = L.spread;
    root
      .append('rect')
      .attr('class', 'quartiles')
      .attr('x', x(s.q1))
      .attr('y', L.top - 4)
      .attr('width', Math.max(1, x(s.q3) - x(s.q1)))
      .attr('height', bottom - L.top + 4)
      .attr('fill', COLOR.quartile);
  }
  const axis = root
    .append('g')
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
    .append('text')
    .attr('x', L.right)
    .attr('y', 12)
    .attr('text-anchor', 'end')
    .attr('fill', COLOR.muted)
    .text(opts.axisLabel);

  const row = root
    .append('g')
    .attr('class', 'rows')
    .selectAll('g')
    .data(L.rows)
    .join('g')
    .attr('transform', (d) => `translate(0,${d.y})`);
  row
    .append('text')
    .attr('x', L.left - 8)
    .attr('y', ROW_HEIGHT / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('fill', (d) => (d.highlight ? COLOR.highlight : COLOR.text))
    .attr('font-weight', (d) => (d.highlight ? 'bold' : null))
    .text((d) => d.shownLabel)
    .append('title')
    .text((d) => d.label);
  const banded = row.filter((d) => !!d.band);
  banded
    .append('rect')
    .attr('class', 'peer-band')
    .attr('x', (d) => x(d.band!.q1))
    .attr('y', 1)
    .attr('width', (d) => Math.max(1, x(d.band!.q3) - x(d.band!.q1)))
    .attr('height', ROW_HEIGHT - 2)
    .attr('fill', COLOR.quartile);
  banded
    .append('line')
    .attr('x1', (d) => x(d.band!.median))
    .attr('x2', (d) => x(d.band!.median))
    .attr('y1', 0)
    .attr('y2', ROW_HEIGHT)
    .attr('stroke', COLOR.reference)
    .attr('stroke-width', 1.5);
  const marks = row
    .filter((d) => d.value !== null)
    .append('rect')
    .attr('class', 'mark')
    .attr('data-unit-id', (d) => d.unitId)
    .attr('data-value', (d) => markValue(d.value!))
    .attr('data-synthetic', (d) => String(d.synthetic))
    .attr('x', (d) => d.barX)
    .attr('y', (ROW_HEIGHT - BAR_HEIGHT) / 2)
    .attr('width', (d) => Math.max(1, d.barWidth))
    .attr('height', BAR_HEIGHT)
    .attr('fill', (d) => (d.highlight ? COLOR.highlight : d.synthetic ? COLOR.synthetic : COLOR.published));
  marks.append('title').text((d) => `${d.label}: ${d.valueText}${d.detail ? '\n' + d.detail : ''}`);
  row
    .append('text')
    .attr('x', (d) => (d.value !== null && d.value < 0 ? x(0) + 4 : d.barX + d.barWidth + 4))
    .attr('y', ROW_HEIGHT / 2)
    .attr('dy', '0.35em')
    .attr('fill', COLOR.muted)
    .text((d) => d.valueText);

  if (L.spread) {
    root
      .append('line')
      .attr('class', 'median')
      .attr('x1', x(L.spread.median))
      .attr('x2', x(L.spread.median))
      .attr('y1', L.top - 4)
      .attr('y2', bottom)
      .attr('stroke', COLOR.reference)
      .attr('stroke-dasharray', '4 3');
    const legend = root.append('g').attr('transform', `translate(${L.left},10)`);
    legend
      .append('line')
      .attr('x1', 0)
      .attr('x2', 18)
      .attr('stroke', COLOR.reference)
      .attr('stroke-dasharray', '4 3');
    const medianText = `${opts.medianLabel} ${opts.formatValue(L.spread.median)}`;
    legend.append('text').attr('x', 24).attr('dy', '0.35em').attr('font-size', 11).text(medianText);
    if (opts.quartilesLabel) {
      const qx = 24 + textWidth(medianText, 11) + 20;
      legend
        .append('rect')
        .attr('x', qx)
        .attr('y', -6)
        .attr('width', 18)
        .attr('height', 12)
        .attr('fill', COLOR.quartile);
      legend
        .append('text')
        .attr('x', qx + 24)
        .attr('dy', '0.35em')
        .attr('font-size', 11)
        .text(`${opts.quartilesLabel} ${opts.formatValue(L.spread.q1)} – ${opts.formatValue(L.spread.q3)}`);
    }
  }
  return L;
}
