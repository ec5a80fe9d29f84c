// The parts every chart draws the same way: the SVG root with its test id, and the mark attributes.
import { select, type Selection } from 'd3-selection';
import { FONT_FAMILY, FONT_SIZE, COLOR } from './theme';

export type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Which chart kind last drew into an SVG (a redraw of the same kind may keep its elements). */
const drawnKind = new WeakMap<SVGSVGElement, string>();

function setRoot(svg: SVGSVGElement, view: string, width: number, height: number, title: string): Root {
  // each only when it changes: re-setting the root's viewBox or font, even to the same value, makes the
  // browser restyle and lay out the whole chart again
  const attrs: [string, string | number][] = [
    ['xmlns', 'http://www.w3.org/2000/svg'],
    ['data-testid', `chart-${view}`],
    ['width', width],
    ['height', height],
    ['viewBox', `0 0 ${width} ${height}`],
    ['font-family', FONT_FAMILY],
    ['font-size', FONT_SIZE],
    ['fill', COLOR.text],
    ['role', 'img'],
    ['aria-label', title]
  ];
  for (const [name, value] of attrs) setAttr(svg, name, value);
  return select(svg);
}

/** Clear the SVG and size it; sets data-testid="chart-<view>" and the font every label inherits. */
export function prepareRoot(
  svg: SVGSVGElement,
  view: string,
  width: number,
  height: number,
  title: string
): Root {
  // one call, not one removal per element
  svg.replaceChildren();
  drawnKind.delete(svg);
  const root = setRoot(svg, view, width, height, title);
  root.append('title').text(title);
  root
    .append('rect')
    .attr('class', 'background')
    .attr('width', width)
    .attr('height', height)
    .attr('fill', '#ffffff');
  return root;
}

/**
 * As prepareRoot, but when the SVG was last drawn by the same kind of chart its elements stay (the caller
 * updates them in place: a redraw then creates, restyles and lays out only what changed). `fresh` says
 * whether the root was cleared.
 */
export function reuseRoot(
  svg: SVGSVGElement,
  kind: string,
  view: string,
  width: number,
  height: number,
  title: string
): { root: Root; fresh: boolean } {
  if (drawnKind.get(svg) !== kind) {
    const root = prepareRoot(svg, view, width, height, title);
    drawnKind.set(svg, kind);
    return { root, fresh: true };
  }
  const root = setRoot(svg, view, width, height, title);
  setText(root.select<SVGTitleElement>(':scope > title').node()!, title);
  const background = root.select<SVGRectElement>(':scope > rect.background').node()!;
  setAttr(background, 'width', width);
  setAttr(background, 'height', height);
  return { root, fresh: false };
}

/** Set an attribute only when it changes (an unchanged one then costs no style work). */
export function setAttr(el: Element, name: string, value: string | number | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const v = String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

/** Set an element's own text (its first child text node, before any <title>) only when it changes. */
export function setText(el: Element, text: string): void {
  const first = el.firstChild;
  if (first && first.nodeType === 3) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else el.insertBefore(el.ownerDocument.createTextNode(text), first);
}

/** Round the way the Parquet does (4 decimals) so data-value is the figure, not float noise. */
export function markValue(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}

/** Write a row label (fitLabel) into a <text> centred on its row: one line as the element's own text, two
 *  as tspans; a font size other than the chart's is set on the element. A <title> child stays last. */
export function writeLabel(
  el: Element,
  label: { lines: readonly string[]; size: number },
  x: number,
  rowHeight: number
) {
  const { lines, size } = label;
  const spans = [...el.children].filter((c) => c.tagName === 'tspan');
  setAttr(el, 'font-size', size === FONT_SIZE ? null : size);
  if (lines.length === 1) {
    for (const s of spans) s.remove();
    setText(el, lines[0]);
    return;
  }
  setText(el, '');
  const title = [...el.children].find((c) => c.tagName === 'title') ?? null;
  lines.forEach((line, i) => {
    let s = spans[i];
    if (!s) {
      s = el.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      el.insertBefore(s, title);
    }
    setAttr(s, 'x', x);
    setAttr(s, 'y', rowHeight / 2 + (i - (lines.length - 1) / 2) * size * 1.05);
    setAttr(s, 'dy', '0.35em');
    setText(s, line);
  });
  for (const s of spans.slice(lines.length)) s.remove();
}
