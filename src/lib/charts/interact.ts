// What a drawn chart offers beyond its picture: a tooltip text on every mark (its value, the value's unit
// and its source, in data-tip, shown by the page as a real tooltip rather than a bare <title>), and the marks
// of each unit reachable by keyboard as a link to the unit's page.
import { setAttr } from './frame';

export interface MarkOptions {
  /** the unit of the values ("万元"), added to a tooltip that does not say it yet */
  unit?: string;
  /** the source line of a mark from its data-synthetic attribute ("来源：合成数据") */
  source?: (synthetic: boolean) => string;
  /** marks with a data-unit-id open that unit's page: the first mark of each unit is a tab stop */
  link: boolean;
}

/** Turn each mark's <title> into its data-tip (with unit and source lines) and make one mark per unit a
 *  keyboard link. Touches only attributes that change: cheap after a redraw that kept its marks. */
export function decorateMarks(svg: SVGSVGElement, opts: MarkOptions): void {
  const seen = new Set<string>();
  for (const mark of svg.querySelectorAll<SVGElement>('.mark')) {
    const title = [...mark.children].find((c) => c.tagName === 'title');
    if (title) {
      const lines = [title.textContent ?? ''];
      if (opts.unit) lines.push(opts.unit);
      const syn = mark.getAttribute('data-synthetic');
      if (opts.source && syn !== null) lines.push(opts.source(syn === 'true'));
      title.remove();
      setAttr(mark, 'data-tip', lines.filter(Boolean).join('\n'));
    }
    const id = mark.getAttribute('data-unit-id');
    const first = opts.link && id !== null && !seen.has(id);
    if (id !== null) seen.add(id);
    setAttr(mark, 'tabindex', first ? 0 : null);
    setAttr(mark, 'role', first ? 'link' : null);
    setAttr(mark, 'aria-label', first ? (mark.getAttribute('data-tip') ?? '').replace(/\n/g, '; ') : null);
  }
}
