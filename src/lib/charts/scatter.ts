// A scatter of units: headcount (x) against an amount (y). Marks carry data-unit-id, data-x and data-value (y).
import { scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { max } from 'd3-array';
import { prepareRoot, markValue } from './frame';
import { COLOR } from './theme';

export interface ScatterDatum {
  unitId: string;
  label: string;
  synthetic: boolean;
  x: number;
  y: number;
  highlight?: boolean;
}

export interface ScatterOptions {
  view: string;
  width: number;
  title: string;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}

const H = 360;
const M = { top: 24, right: 24, bottom: 44, left: 72 };

export function scatterScales(data: readonly ScatterDatum[], width: number) {
  const x = scaleLinear()
    .domain([0, Math.max(1, max(data, (d) => d.x) ?? 1)])
    .nice()
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(data, (d) => d.y) ?? 1)])
    .nice()
    .range([H - M.bottom, M.top]);
  return { x, y, height: H };
}

export function drawScatter(svg: SVGSVGElement, data: readonly ScatterDatum[], opts: ScatterOptions) {
  const { x, y, height } = scatterScales(data, opts.width);
  const root = prepareRoot(svg, opts.view, opts.width, height, opts.title);
  root
    .append('g')
    .attr('transform', `translate(0,${H - M.bottom})`)
    .call(
      axisBottom(x)
        .ticks(6)
        .tickFormat((v) => opts.formatX(Number(v)))
    )
    .attr('font-family', null);
  root
    .append('g')
    .attr('transform', `translate(${M.left},0)`)
    .call(
      axisLeft(y)
        .ticks(6)
        .tickFormat((v) => opts.formatY(Number(v)))
    )
    .attr('font-family', null);
  root
    .append('text')
    .attr('x', opts.width - M.right)
    .attr('y', H - 8)
    .attr('text-anchor', 'end')
    .attr('fill', COLOR.muted)
    .text(opts.xLabel);
  root.append('text').attr('x', 8).attr('y', 14).attr('fill', COLOR.muted).text(opts.yLabel);
  root
    .append('g')
    .selectAll('circle')
    .data(data)
    .join('circle')
    .attr('class', 'mark')
    .attr('data-unit-id', (d) => d.unitId)
    .attr('data-x', (d) => markValue(d.x))
    .attr('data-value', (d) => markValue(d.y))
    .attr('data-synthetic', (d) => String(d.synthetic))
    .attr('cx', (d) => x(d.x))
    .attr('cy', (d) => y(d.y))
    .attr('r', (d) => (d.highlight ? 6 : 4))
    .attr('fill', (d) => (d.highlight ? COLOR.highlight : d.synthetic ? COLOR.synthetic : COLOR.published))
    .attr('fill-opacity', 0.8)
    .attr('stroke', '#ffffff')
    .append('title')
    .text((d) => `${d.label}: ${opts.formatX(d.x)} / ${opts.formatY(d.y)}`);
}
