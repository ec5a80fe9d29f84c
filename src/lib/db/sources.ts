// Source in place: where a document's figures were read (figure_sources) and the text of its referenced lines
// (source_text, read one document at a time by range request), cut into the excerpts the unit page shows —
// each referenced line with the lines around it, or for a PDF the whole page it stands on.
import { SOURCE_CONTEXT_LINES, type FigureSourceRow, type SourceTextRow } from '../model';
import type { Query } from './types';

export type { FigureSourceRow, SourceTextRow };

export function figureSourcesQuery(docId: string): Query {
  return {
    sql: 'SELECT figure, source_lines, source_pages FROM figure_sources WHERE doc_id = ? ORDER BY figure',
    params: [docId]
  };
}

export function sourceTextQuery(docId: string): Query {
  return {
    sql: 'SELECT line, page, text FROM source_text WHERE doc_id = ? ORDER BY line',
    params: [docId]
  };
}

/** Line numbers from a row's source ("755,1078", 755 or NULL), each once, in their order. */
export function sourceLineList(src: string | number | null | undefined): number[] {
  if (src === null || src === undefined) return [];
  const out = String(src)
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(out)];
}

export interface ExcerptLine {
  line: number;
  text: string;
  /** one of the lines the figure was read from */
  hit: boolean;
}

export interface Excerpt {
  /** the PDF page the excerpt is (NULL for a text document's lines) */
  page: number | null;
  /** the referenced lines it shows, in line order */
  hits: number[];
  lines: ExcerptLine[];
}

/** The excerpts that show `refs` among a document's stored lines (sorted by line): for a text line, the
 * SOURCE_CONTEXT_LINES stored lines either side (the ingest stored exactly those), overlapping windows
 * merged; for a PDF line, every stored line of its page. A referenced line that was not stored gets an
 * excerpt of no lines (shown as such, never silently dropped). In document order. */
export function sourceExcerpts(
  rows: readonly Pick<SourceTextRow, 'line' | 'page' | 'text'>[],
  refs: number[]
): Excerpt[] {
  const at = new Map(rows.map((r, i) => [r.line, i]));
  const wanted = [...new Set(refs)].sort((a, b) => a - b);
  const out: Excerpt[] = [];
  const pages = new Map<number, Excerpt>();
  let open: { from: number; to: number; hits: number[] } | null = null;
  const closeWindow = () => {
    if (!open) return;
    const lines = rows.slice(open.from, open.to + 1).map((r) => ({
      line: r.line,
      text: r.text,
      hit: open!.hits.includes(r.line)
    }));
    out.push({ page: null, hits: open.hits, lines });
    open = null;
  };
  for (const ref of wanted) {
    const i = at.get(ref);
    if (i === undefined) {
      closeWindow();
      out.push({ page: null, hits: [ref], lines: [] });
      continue;
    }
    const page = rows[i].page;
    if (page !== null && page !== undefined) {
      closeWindow();
      const ex = pages.get(page);
      if (ex) {
        ex.hits.push(ref);
        continue;
      }
      const e: Excerpt = { page, hits: [ref], lines: [] };
      pages.set(page, e);
      out.push(e);
      continue;
    }
    const from = Math.max(0, i - SOURCE_CONTEXT_LINES);
    const to = Math.min(rows.length - 1, i + SOURCE_CONTEXT_LINES);
    if (open && from <= open.to + 1) {
      open.to = Math.max(open.to, to);
      open.hits.push(ref);
    } else {
      closeWindow();
      open = { from, to, hits: [ref] };
    }
  }
  closeWindow();
  for (const e of pages.values())
    e.lines = rows
      .filter((r) => r.page === e.page)
      .map((r) => ({ line: r.line, text: r.text, hit: e.hits.includes(r.line) }));
  return out;
}
