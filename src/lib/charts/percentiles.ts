// Benchmark: one row per metric, the unit's percentile among its peers (0–100) as a dot on the peers'
// quartile band. Outliers (Tukey's fences) are drawn in red. Marks: data-unit-id, data-metric,
// data-value (the unit's own figure) and data-percentile.
import { scaleLinear } from 'd3-scale';
import { axisTop } from 'd3-axis';
import { max } from 'd3-array';
import { textWidth, labelColumn, plotRight } from './labels';
import { fitLabel } from './linebreak';
import { prepareRoot, markValue, writeLabel } from './frame';
import { COLOR, FONT_SIZE, ROW_HEIGHT } from './theme';

export interface PercentileDatum {
  metric: string;
  label: string;
  value: number;
  /** 0–100: the unit's percent rank among its peers (the lowest of a tie) */
  percentile: number;
  /** the top of the percentiles a tie spans (= percentile without a tie) */
  percentileHi: number;
  /** "P37", or "P0–P90" for a tie */
  percentileText: string;
  outlier: boolean;
  peers: number;
  valueText: string;
}

export interface PercentileOptions {
  view: string;
  unitId: string;
  width: number;
  title: string;
  axisLabel: string;
  outlierLabel: string;
}

/** Percentile rank of value among peer values (mid-rank for ties), 0–100; null without peers. */
export function percentileRank(value: number, peers: readonly number[]): number | null {
  if (peers.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const p of peers) {
    if (p < value) below++;
    else if (p === value) equal++;
  }
  return (100 * (below + equal / 2)) / peers.length;
}

const TOP = 40;
const LABEL_SMALL = 10;

export function drawPercentiles(
  svg: SVGSVGElement,
  data: readonly PercentileDatum[],
  opts: PercentileOptions
) {
  const longest = max(data, (d) => textWidth(d.label, FONT_SIZE)) ?? 0;
  const left = labelColumn(opts.width, longest + 4);
  // the value and percentile after each row; on a narrow chart only the percentile (the value is in the tooltip)
  const full = (d: PercentileDatum) =>
    `${d.valueText} · ${d.percentileText}${d.outlier ? ' · ' + opts.outlierLabel : ''}`;
  const short = (d: PercentileDatum) => `${d.percentileText}${d.outlier ? ' !' : ''}`;
  const widest = (f: (d: PercentileDatum) => string) => max(data, (d) => textWidth(f(d), FONT_SIZE)) ?? 0;
  const note = opts.width - widest(full) - 12 >= left + 160 ? full : short;
  const right = plotRight(opts.width, left, widest(note)) - 10;
  const height = TOP + data.length * ROW_HEIGHT + 12;
  const x = scaleLinear().domain([0, 100]).range([left, right]);
  const root = prepareRoot(svg, opts.view, opts.width, height, opts.title);
  root
    .append('rect')
    .attr('x', x(25))
    .attr('y', TOP - 4)
    .attr('width', x(75) - x(25))
    .attr('height', height - TOP - 8)
    .attr('fill', COLOR.quartile);
  root
    .append('line')
    .attr('x1', x(50))
    .attr('x2', x(50))
    .attr('y1', TOP - 4)
    .attr('y2', height - 12)
    .attr('stroke', COLOR.reference)
    .attr('stroke-dasharray', '4 3');
  root
    .append('g')
    .attr('transform', `translate(0,${TOP - 6})`)
    .call(axisTop(x).tickValues([0, 25, 50, 75, 100]).tickSizeOuter(0))
    .attr('font-family', null);
  root.append('text').attr('x', left).attr('y', 12).attr('fill', COLOR.muted).text(opts.axisLabel);
  const row = root
    .append('g')
    .selectAll('g')
    .data(data)
    .join('g')
    .attr('transform', (_d, i) => `translate(0,${TOP + i * ROW_HEIGHT})`);
  // a long metric name in two smaller lines, as the bar charts' names
  row
    .append('text')
    .attr('x', left - 8)
    .attr('y', ROW_HEIGHT / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .each(function (d) {
      writeLabel(this, fitLabel(d.label, left - 12, FONT_SIZE, LABEL_SMALL), left - 8, ROW_HEIGHT);
    });
  row
    .append('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', ROW_HEIGHT / 2)
    .attr('y2', ROW_HEIGHT / 2)
    .attr('stroke', COLOR.grid);
  // a tie: the span of percentiles the tied peers share, the dot at its middle
  row
    .filter((d) => d.percentileHi > d.percentile)
    .append('line')
    .attr('class', 'tie-range')
    .attr('x1', (d) => x(d.percentile))
    .attr('x2', (d) => x(d.percentileHi))
    .attr('y1', ROW_HEIGHT / 2)
    .attr('y2', ROW_HEIGHT / 2)
    .attr('stroke', (d) => (d.outlier ? COLOR.outlier : COLOR.published))
    .attr('stroke-opacity', 0.45)
    .attr('stroke-width', 6)
    .attr('stroke-linecap', 'round');
  row
    .append('circle')
    .attr('class', 'mark')
    .attr('data-unit-id', opts.unitId)
    .attr('data-metric', (d) => d.metric)
    .attr('data-value', (d) => markValue(d.value))
    .attr('data-percentile', (d) => markValue(d.percentile))
    .attr('data-percentile-hi', (d) => markValue(d.percentileHi))
    .attr('data-outlier', (d) => String(d.outlier))
    .attr('cx', (d) => x((d.percentile + d.percentileHi) / 2))
    .attr('cy', ROW_HEIGHT / 2)
    .attr('r', 6)
    .attr('fill', (d) => (d.outlier ? COLOR.outlier : COLOR.published))
    .append('title')
    .text((d) => `${d.label}: ${d.valueText} · ${d.percentileText} · n=${d.peers}`);
  row
    .append('text')
    .attr('x', right + 10)
    .attr('y', ROW_HEIGHT / 2)
    .attr('dy', '0.35em')
    .attr('fill', (d) => (d.outlier ? COLOR.outlier : COLOR.muted))
    .text(note);
}
