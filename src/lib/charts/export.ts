// Exports of a chart: its table as CSV, the SVG itself, and a PNG rendered from the SVG.

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

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted; NULL is an empty field. Every CSV the
 *  app writes comes from here, and every cell goes through csvCell (formula-like text is neutralised). */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const field = (v: unknown) => {
    const s = csvCell(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => field(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(c.value(r))).join(','));
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

export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
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
