// What the browser needs to show a figure's source in place, without the whole document: where each stored
// figure was read (figure_sources), and the text of every line some row refers to with a few lines around it
// (source_text; for a PDF, every line of each page referred to).
import {
  FIGURE_NAMES,
  PREV_FIGURES,
  SOURCE_CONTEXT_LINES,
  prevName,
  type FigureName,
  type FigureSourceRow,
  type SourceTextRow
} from '../model';
import type { Stated } from './narrative';
import type { Line } from './text';

/** Comma-separated lines, each once, in their order of weight. */
export const lineList = (lines: readonly number[]) => [...new Set(lines)].join(',');

/** The PDF pages of comma-separated lines, in the same order ("" for a text document). */
export function pageList(lines: string, page: (line: number) => number | null): string {
  if (!lines) return '';
  return lines
    .split(',')
    .map((n) => page(Number(n)))
    .filter((n): n is number => n !== null)
    .join(',');
}

/** One row per stored figure (current and prior-year) naming the lines it was read from. */
export function figureSources(
  docId: string,
  value: Partial<Record<FigureName, Stated>>,
  prev: Partial<Record<FigureName, Stated>>,
  page: (line: number) => number | null
): FigureSourceRow[] {
  const out: FigureSourceRow[] = [];
  const add = (figure: string, st: Stated | undefined) => {
    if (!st || !st.lines.length) return;
    const source_lines = lineList(st.lines);
    out.push({ doc_id: docId, figure, source_lines, source_pages: pageList(source_lines, page) });
  };
  for (const n of FIGURE_NAMES) add(n, value[n]);
  for (const n of PREV_FIGURES) add(prevName(n), prev[n]);
  return out;
}

// direction controls never reach the page (they could reorder what is shown around the text)
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const shown = (s: string | undefined) => s?.replace(BIDI, '').trim();

/** The document's lines some row refers to, each with SOURCE_CONTEXT_LINES lines (of text) either side; a
 * line on a PDF page brings its whole page. In line order; lines the document does not have are ignored.
 * The text is the line as the document writes it (`original`) where known, else as read. */
export function sourceText(
  docId: string,
  lines: readonly Line[],
  referenced: Iterable<number>,
  original: (no: number) => string | undefined = () => undefined
): SourceTextRow[] {
  const at = lineIndex(lines);
  const keep = new Uint8Array(lines.length);
  const pages = new Set<number>();
  for (const no of referenced) {
    const i = at(no);
    if (i === undefined) continue;
    const p = lines[i].page;
    if (p !== undefined) pages.add(p);
    else
      for (
        let k = Math.max(0, i - SOURCE_CONTEXT_LINES);
        k <= i + SOURCE_CONTEXT_LINES && k < lines.length;
        k++
      )
        keep[k] = 1;
  }
  const out: SourceTextRow[] = [];
  lines.forEach((l, i) => {
    if (keep[i] || (l.page !== undefined && pages.has(l.page)))
      out.push({ doc_id: docId, line: l.no, page: l.page ?? null, text: shown(original(l.no)) || l.text });
  });
  return out;
}

/** Where a line number stands in `lines`: found by halving when the numbers ascend (as every reader gives
 *  them), else by a map (the last line of a number, as before). */
function lineIndex(lines: readonly Line[]): (no: number) => number | undefined {
  let ascending = true;
  for (let i = 1; i < lines.length && ascending; i++) ascending = lines[i].no > lines[i - 1].no;
  if (!ascending) {
    const at = new Map(lines.map((l, i) => [l.no, i]));
    return (no) => at.get(no);
  }
  return (no) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = lines[mid].no;
      if (n === no) return mid;
      if (n < no) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/** Every line number a document's rows refer to. */
export function referencedLines(rows: {
  lineItems: readonly { source_line: number }[];
  projects: readonly { source_line: number }[];
  findings: readonly { source_lines: string }[];
  figureSources: readonly { source_lines: string }[];
}): Set<number> {
  const out = new Set<number>();
  for (const r of [...rows.lineItems, ...rows.projects]) out.add(r.source_line);
  for (const r of [...rows.findings, ...rows.figureSources])
    for (const n of r.source_lines.split(',')) if (n) out.add(Number(n));
  return out;
}
