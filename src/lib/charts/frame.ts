// The parts every chart draws the same way: the cleared SVG root with its test id, and the mark attributes.
import { select, type Selection } from 'd3-selection';
import { FONT_FAMILY, FONT_SIZE, COLOR } from './theme';

export type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Clear the SVG and size it; sets data-testid="chart-<view>" and the font every label inherits. */
export function prepareRoot(
  svg: SVGSVGElement,
  view: string,
  width: number,
  height: number,
  title: string
): Root {
  const root = select(svg);
  root.selectAll('*').remove();
  root
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('data-testid', `chart-${view}`)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', FONT_SIZE)
    .attr('fill', COLOR.text)
    .attr('role', 'img')
    .attr('aria-label', title);
  root.append('title').text(title);
  root.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');
  return root;
}

/** Round the way the Parquet does (4 decimals) so data-value is the figure, not float noise. */
export function markValue(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}
