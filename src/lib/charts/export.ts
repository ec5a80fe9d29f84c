// Exports of a chart: its table as CSV, the SVG itself, and a PNG rendered from the SVG, each saying what it
// shows (title, filters, data date, the synthetic-data note) in the file itself.
import { wrapText } from './linebreak';
import { COLOR, FONT_FAMILY } from './theme';

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

// A cell a spreadsheet would read as a formula: one starting with = + - @, a tab or a carriage return.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number written as text ("-3.5", "+2", "1e3"): left as is, so that numbers stay numbers.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A CSV cell's text, neutralised against formula injection (CWE-1236): a text cell a spreadsheet would
 *  evaluate gets a leading single quote; numbers, and text that is a plain number, are kept as they are. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return s;
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** A number to at most `digits` decimals, without the float noise of the arithmetic behind it
 *  (61.650000000000006 → 61.65); integers and non-finite numbers as they are. */
export function roundTo(v: number, digits: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** A number as a CSV writes it: 15 significant digits at most, so 0.1 + 0.2 is written 0.3. */
const numberText = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '');

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted; NULL is an empty field. Every CSV the
 *  app writes comes from here, and every cell goes through csvCell (formula-like text is neutralised).
 *  `notes` (what the table is, its filters, a synthetic-data note) follow the rows after an empty line, each
 *  a one-field line starting with "#" (pandas: `comment='#'`). */
export function toCsv<T>(
  columns: readonly CsvColumn<T>[],
  rows: readonly T[],
  notes: readonly string[] = []
): string {
  const field = (v: unknown) => {
    const s = typeof v === 'number' ? numberText(v) : csvCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => field(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(c.value(r))).join(','));
  if (notes.length) lines.push('', ...notes.map((n) => field(`# ${n}`)));
  return lines.join('\r\n') + '\r\n';
}

/** A file name (without its extension) safe on every OS, from a view name and state, e.g.
 * "ranking-2023-reception"; the export adds .csv, .svg or .png. */
export function exportName(parts: readonly (string | number | null | undefined)[]): string {
  const base = parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .map((p) => String(p).replace(/[^\p{L}\p{N}_-]+/gu, '_'))
    .join('-');
  return base || 'gongkai';
}

/** What an exported image says above the chart. */
export interface ExportFrame {
  title: string;
  /** the filters, the data date… one line each (wrapped when long) */
  lines: readonly string[];
  /** the synthetic-data note, drawn in its colour; '' when the chart holds no synthetic data */
  synthetic: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const TITLE_SIZE = 15;
const LINE_SIZE = 11;

/** The header lines of a frame, wrapped to the width: [text, font size, colour, weight][]. */
export function frameLines(frame: ExportFrame, width: number): [string, number, string, string][] {
  const max = width - 2 * PAD;
  const out: [string, number, string, string][] = [];
  for (const l of wrapText(frame.title, max, TITLE_SIZE)) out.push([l, TITLE_SIZE, COLOR.text, 'bold']);
  for (const line of frame.lines)
    for (const l of wrapText(line, max, LINE_SIZE)) out.push([l, LINE_SIZE, COLOR.muted, 'normal']);
  if (frame.synthetic)
    for (const l of wrapText(frame.synthetic, max, LINE_SIZE)) out.push([l, LINE_SIZE, '#92400e', 'normal']);
  return out;
}

/** A new SVG: the frame's title and lines on top, the chart (a copy) below. Names stay text. */
export function framedSvg(svg: SVGSVGElement, frame: ExportFrame): SVGSVGElement {
  const doc = svg.ownerDocument;
  const w = Number(svg.getAttribute('width')) || svg.clientWidth;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight;
  const lines = frameLines(frame, w);
  const el = (tag: string, attrs: Record<string, string | number>) => {
    const e = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  let y = PAD;
  const texts = lines.map(([text, size, fill, weight]) => {
    y += size * 1.35;
    const tx = el('text', { x: PAD, y: y - size * 0.3, 'font-size': size, fill, 'font-weight': weight });
    tx.textContent = text;
    return tx;
  });
  const head = y + PAD / 2;
  const out = el('svg', {
    xmlns: SVG_NS,
    width: w,
    height: head + h,
    viewBox: `0 0 ${w} ${head + h}`,
    'font-family': FONT_FAMILY
  }) as SVGSVGElement;
  const title = el('title', {});
  title.textContent = frame.title;
  out.append(title, el('rect', { width: w, height: head + h, fill: '#ffffff' }), ...texts);
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('y', String(head));
  chart.removeAttribute('data-testid');
  out.appendChild(chart);
  out.setAttribute('data-testid', 'export-frame');
  return out;
}

export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(csv: string, filename: string) {
  // A BOM so spreadsheet programs read the Chinese text as UTF-8.
  download(new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' }), filename);
}

export function downloadSvg(svg: SVGSVGElement, filename: string) {
  download(new Blob([svgMarkup(svg)], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

/** Render the SVG onto a canvas at 2× and download it as PNG. */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2) {
  const w = Number(svg.getAttribute('width')) || svg.clientWidth;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(w * scale);
    canvas.height = Math.ceil(h * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG could not be encoded');
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
