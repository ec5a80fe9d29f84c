// Text helpers for chart labels: CJK-aware width estimates, truncation and the names' column (line breaking is
// in linebreak.ts).

/** Rough rendered width in px: CJK and full-width characters count 1 em, others ~0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
    w += wide ? fontSize : fontSize * 0.6;
  }
  return w;
}

/** Cut a label to fit maxWidth px, ending in "…" when cut. */
export function truncateLabel(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let out = '';
  for (const ch of chars) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}

/** The width the names' column takes: what the longest name needs, at least 80 px, at most 260 px and never
 * more than 36 % of the chart (on a phone the names are cut; the full name is in their tooltip). */
export function labelColumn(chartWidth: number, longestLabel: number): number {
  return Math.min(260, chartWidth * 0.36, Math.max(80, longestLabel + 12));
}

/** The right end of the plot: room after it for the widest value printed after a bar. */
export function plotRight(chartWidth: number, left: number, widestValue: number): number {
  return Math.max(left + 60, chartWidth - Math.max(24, widestValue + 12));
}

export interface KeyLayout {
  /** each legend item's left end and its line's middle */
  items: { x: number; y: number }[];
  /** where the axis' unit goes (right-aligned at x) */
  unit: { x: number; y: number };
  /** how far below the chart's top the legend and unit end */
  height: number;
}

export const KEY_LINE = 18;

/**
 * The legend items (their widths) and the axis' unit (its width) above a plot from `left` to `right`: one line
 * from `left` when all fit, else the items flow from the chart's left edge, wrapping at `right`, and the unit
 * takes the end of the last line or a line of its own.
 */
export function layoutKey(itemWidths: number[], unitWidth: number, left: number, right: number): KeyLayout {
  const GAP = 14;
  const total = itemWidths.reduce((a, w) => a + w, 0) + GAP * Math.max(0, itemWidths.length - 1);
  const y0 = KEY_LINE / 2;
  if (left + total + GAP + unitWidth <= right) {
    let x = left;
    const items = itemWidths.map((w) => {
      const at = { x, y: y0 };
      x += w + GAP;
      return at;
    });
    return { items, unit: { x: right, y: y0 }, height: KEY_LINE };
  }
  let x = 4;
  let line = 0;
  const items = itemWidths.map((w) => {
    if (x > 4 && x + w > right) {
      line++;
      x = 4;
    }
    const at = { x, y: y0 + line * KEY_LINE };
    x += w + GAP;
    return at;
  });
  if (itemWidths.length && x + unitWidth > right) {
    line++;
    x = 4;
  }
  return { items, unit: { x: right, y: y0 + line * KEY_LINE }, height: (line + 1) * KEY_LINE };
}
