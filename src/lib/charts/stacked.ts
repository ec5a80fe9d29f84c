// Parts per unit, as horizontal bars: stacked (三公 parts; basic/project; personnel/public) or grouped side by
// side (编制 / 实有 / 在职). Each part is one mark with data-unit-id, data-part, data-value and data-synthetic.
import { scaleLinear } from 'd3-scale';
import { axisTop } from 'd3-axis';
import { max, sum } from 'd3-array';
import { textWidth, labelColumn, plotRight, layoutKey, KEY_LINE, type KeyLayout } from './labels';
import { fitLabel } from './linebreak';
import { prepareRoot, markValue, writeLabel } from './frame';
import { COLOR, FONT_SIZE, partColor } from './theme';

const LABEL_SMALL = 10;

export interface PartsDatum {
  unitId: string;
  label: string;
  synthetic: boolean;
  /** One value per part key, NULL where the document does not state it. */
  values: Record<string, number | null>;
}

export interface PartsOptions {
  view: string;
  width: number;
  title: string;
  /** Part keys in drawing order, with their legend labels. */
  parts: { key: string; label: string }[];
  mode: 'stacked' | 'grouped';
  formatValue: (v: number) => string;
  /** tick labels (default: formatValue) */
  formatTick?: (v: number) => string;
  syntheticTag: string;
  axisLabel: string;
}

export interface PartSegment {
  unitId: string;
  part: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

export interface PartsLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  rowHeight: number;
  rows: (PartsDatum & {
    labelFit: { lines: string[]; size: number };
    shownLabel: string;
    y: number;
    total: number | null;
  })[];
  segments: PartSegment[];
  domain: [number, number];
  /** where the legend's items and the axis' unit go */
  key: KeyLayout;
}

const TOP = 56;
const BOTTOM = 12;

/** Pure layout of the parts chart. Negative or NULL parts draw nothing (a stack cannot show them). */
export function layoutParts(data: readonly PartsDatum[], opts: PartsOptions): PartsLayout {
  const keys = opts.parts.map((p) => p.key);
  const totalOf = (d: PartsDatum) => {
    const stated = keys.map((k) => d.values[k]).filter((v): v is number => v !== null && v !== undefined);
    return stated.length ? sum(stated) : null;
  };
  const sorted = [...data].sort((a, b) => (totalOf(b) ?? -Infinity) - (totalOf(a) ?? -Infinity));
  const labelOf = (d: PartsDatum) => (d.synthetic ? `${d.label} ${opts.syntheticTag}` : d.label);
  const longest = max(sorted, (d) => textWidth(labelOf(d), FONT_SIZE)) ?? 0;
  const left = labelColumn(opts.width, longest);
  const totals = opts.mode === 'stacked' ? sorted.map(totalOf).filter((v): v is number => v !== null) : [];
  const right = plotRight(
    opts.width,
    left,
    max(totals, (v) => textWidth(opts.formatValue(v), FONT_SIZE)) ?? 0
  );
  const key = layoutKey(
    opts.parts.map((p) => 18 + textWidth(p.label, FONT_SIZE)),
    textWidth(opts.axisLabel, FONT_SIZE),
    left,
    right
  );
  const top = TOP + key.height - KEY_LINE;
  const rowHeight = opts.mode === 'grouped' ? 8 + keys.length * 9 : 22;
  const hi =
    opts.mode === 'stacked'
      ? (max(sorted, (d) => totalOf(d) ?? 0) ?? 0)
      : (max(sorted, (d) => max(keys, (k) => d.values[k] ?? 0) ?? 0) ?? 0);
  const x = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice()
    .range([left, right]);
  const segments: PartSegment[] = [];
  const rows = sorted.map((d, i) => {
    const y = top + i * rowHeight;
    let acc = 0;
    keys.forEach((k, j) => {
      const v = d.values[k];
      if (v === null || v === undefined || v < 0) return;
      if (opts.mode === 'stacked') {
        segments.push({
          unitId: d.unitId,
          part: k,
          value: v,
          x: x(acc),
          y: y + 4,
          width: x(acc + v) - x(acc),
          height: rowHeight - 8,
          color: partColor(j)
        });
        acc += v;
      } else {
        segments.push({
          unitId: d.unitId,
          part: k,
          value: v,
          x: x(0),
          y: y + 4 + j * 9,
          width: x(v) - x(0),
          height: 8,
          color: partColor(j)
        });
      }
    });
    const labelFit = fitLabel(labelOf(d), left - 12, FONT_SIZE, LABEL_SMALL);
    return { ...d, labelFit, shownLabel: labelFit.lines.join(''), y, total: totalOf(d) };
  });
  return {
    width: opts.width,
    height: top + rows.length * rowHeight + BOTTOM,
    left,
    right,
    top,
    rowHeight,
    rows,
    segments,
    domain: x.domain() as [number, number],
    key
  };
}

export function drawParts(svg: SVGSVGElement, data: readonly PartsDatum[], opts: PartsOptions): PartsLayout {
  const L = layoutParts(data, opts);
  const root = prepareRoot(svg, opts.view, L.width, L.height, opts.title);
  const x = scaleLinear().domain(L.domain).range([L.left, L.right]);
  const labelOfPart = new Map(opts.parts.map((p) => [p.key, p.label]));

  const legend = root
    .append('g')
    .attr('class', 'legend')
    .selectAll('g')
    .data(opts.parts)
    .join('g')
    .attr('transform', (_p, i) => `translate(${L.key.items[i].x},${L.key.items[i].y})`);
  legend
    .append('rect')
    .attr('y', -6)
    .attr('width', 12)
    .attr('height', 12)
    .attr('fill', (_p, i) => partColor(i));
  legend
    .append('text')
    .attr('x', 18)
    .attr('dy', '0.35em')
    .text((p) => p.label);

  const axis = root
    .append('g')
    .attr('transform', `translate(0,${L.top - 6})`)
    .call(
      axisTop(x)
        .ticks(Math.max(2, Math.floor((L.right - L.left) / 90)))
        .tickFormat((v) => (opts.formatTick ?? opts.formatValue)(Number(v)))
        .tickSizeOuter(0)
    );
  axis.attr('font-family', null).attr('font-size', 11);
  root
    .append('text')
    .attr('x', L.key.unit.x)
    .attr('y', L.key.unit.y)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('fill', COLOR.muted)
    .text(opts.axisLabel);

  root
    .append('g')
    .selectAll('g')
    .data(L.rows)
    .join('g')
    .attr('transform', (d) => `translate(0,${d.y})`)
    .append('text')
    .attr('x', L.left - 8)
    .attr('y', L.rowHeight / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .each(function (d) {
      const title = this.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = d.label;
      this.appendChild(title);
      writeLabel(this, d.labelFit, L.left - 8, L.rowHeight);
    });
  const marks = root
    .append('g')
    .attr('class', 'marks')
    .selectAll('rect')
    .data(L.segments)
    .join('rect')
    .attr('class', 'mark')
    .attr('data-unit-id', (s) => s.unitId)
    .attr('data-part', (s) => s.part)
    .attr('data-value', (s) => markValue(s.value))
    .attr('x', (s) => s.x)
    .attr('y', (s) => s.y)
    .attr('width', (s) => Math.max(s.value > 0 ? 1 : 0, s.width))
    .attr('height', (s) => s.height)
    .attr('fill', (s) => s.color);
  const rowById = new Map(L.rows.map((r) => [r.unitId, r]));
  marks.attr('data-synthetic', (s) => String(rowById.get(s.unitId)?.synthetic ?? false));
  marks
    .append('title')
    .text((s) => `${rowById.get(s.unitId)?.label}: ${labelOfPart.get(s.part)} ${opts.formatValue(s.value)}`);
  if (opts.mode === 'stacked') {
    root
      .append('g')
      .selectAll('text')
      .data(L.rows.filter((r) => r.total !== null))
      .join('text')
      .attr('x', (r) => x(r.total!) + 4)
      .attr('y', (r) => r.y + L.rowHeight / 2)
      .attr('dy', '0.35em')
      .attr('fill', COLOR.muted)
      .text((r) => opts.formatValue(r.total!));
  }
  return L;
}
