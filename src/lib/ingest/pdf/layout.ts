// Positioned text items → the ingest's numbered lines. A line is one visual row of a page: items whose
// baselines lie within a fraction of the font size of each other (a table row whose cells wrap or sit at
// different heights stays one row). Within a row, items that touch or overlap horizontally form one cell; a
// cell keeps its x-range, which is what places a number in its column when empty cells print nothing.
import type { Cell, Line } from '../text';
import type { PdfItem, PdfPage } from './load';

/** Baselines closer than this share of the font size belong to one row. */
const ROW_MERGE = 0.7;
/** Items on one baseline closer than this share of the font size belong to one cell. */
const CELL_GAP = 0.3;

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';
const SPACED_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

interface Row {
  y: number;
  h: number;
  items: Piece[];
}

/** An item, or a part of one: `apart` parts never join their neighbours on the same baseline. */
interface Piece extends PdfItem {
  apart?: boolean;
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const WIDE_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/** pdf.js joins runs drawn close together into one item with a space ("371,514,655.00 一、一般公共服务支出",
 *  "10,823,891.00 1,467,842.00"): split an item where a space stands beside an amount, placing each part
 *  by its share of the item's width (full-width characters count twice). */
function splitItem(it: PdfItem): Piece[] {
  if (!/\s/.test(it.str.trim())) return [it];
  const parts = it.str.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0 && parts[i]);
  if (words.length < 2 || !words.some((w) => AMOUNT.test(w))) return [it];
  const scale = it.w / (widthOf(it.str) || 1);
  const out: Piece[] = [];
  let at = 0;
  let cur: { str: string; from: number; last: string } | null = null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i % 2 === 0 && p) {
      if (!cur || AMOUNT.test(p) || AMOUNT.test(cur.last)) {
        if (cur) out.push({ ...it, str: cur.str, x: it.x + cur.from * scale, w: widthOf(cur.str) * scale });
        cur = { str: p, from: at, last: p };
      } else {
        cur.str += ' ' + p;
        cur.last = p;
      }
    }
    at += widthOf(p);
  }
  if (cur) out.push({ ...it, str: cur.str, x: it.x + cur.from * scale, w: widthOf(cur.str) * scale });
  return out.length > 1 ? out.map((p) => ({ ...p, apart: true })) : [it];
}

/** Width of a string in half-ems: full-width characters take two. */
function widthOf(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE_CHAR.test(ch) ? 2 : 1;
  return n;
}

/** Drop runs drawn twice at (nearly) the same place: WPS draws some lines twice at page ends, and a fake
 *  bold is the same run drawn again a fraction of a point away. */
function dedupe(items: PdfItem[]): PdfItem[] {
  const seen = new Map<string, PdfItem[]>();
  return items.filter((it) => {
    const same = seen.get(it.str);
    if (same?.some((o) => Math.abs(o.x - it.x) < 1.5 && Math.abs(o.y - it.y) < 1.5)) return false;
    if (same) same.push(it);
    else seen.set(it.str, [it]);
    return true;
  });
}

function rowsOf(items: Piece[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  let cur: Row | null = null;
  let lastY = -Infinity;
  for (const it of sorted) {
    const size = Math.min(it.h, cur?.h ?? it.h) || 10;
    if (cur && it.y - lastY <= ROW_MERGE * size) {
      cur.items.push(it);
      cur.h = Math.max(cur.h, it.h);
    } else {
      cur = { y: it.y, h: it.h, items: [it] };
      rows.push(cur);
    }
    lastY = it.y;
  }
  return rows;
}

interface Building {
  x0: number;
  x1: number;
  items: Piece[];
}

function cellsOf(row: Row): Cell[] {
  const items = [...row.items].sort((a, b) => a.x - b.x || a.y - b.y);
  const cells: Building[] = [];
  for (const it of items) {
    const x1 = it.x + it.w;
    const gap = CELL_GAP * (it.h || 10);
    // join a cell this item overlaps (a wrapped cell), continues on the same baseline, or touches from
    // another line of the row (a wrapped cell whose lines start at different x)
    const into = cells.find(
      (c) =>
        (it.x < c.x1 - 0.5 && x1 > c.x0 + 0.5) ||
        (!it.apart &&
          c.items.some((o) =>
            Math.abs(o.y - it.y) < 0.5
              ? !o.apart && it.x - (o.x + o.w) <= gap && it.x >= o.x
              : Math.abs(it.x - (o.x + o.w)) <= 1
          ))
    );
    if (into) {
      into.items.push(it);
      into.x0 = Math.min(into.x0, it.x);
      into.x1 = Math.max(into.x1, x1);
    } else cells.push({ x0: it.x, x1, items: [it] });
  }
  return cells
    .sort((a, b) => a.x0 - b.x0)
    .map((c) => {
      const parts = [...c.items].sort((a, b) => a.y - b.y || a.x - b.x);
      let text = '';
      let prev: Piece | null = null;
      for (const p of parts) {
        // a visible gap on one baseline is a space; a wrapped continuation joins directly
        const spaced = prev && Math.abs(prev.y - p.y) < 0.5 && p.x - (prev.x + prev.w) > 0.15 * (p.h || 10);
        text += (spaced ? ' ' : '') + p.str;
        prev = p;
      }
      text = text.replace(/\s+/g, ' ').trim().replace(SPACED_CJK, '');
      return { text, x0: round1(c.x0), x1: round1(c.x1) };
    })
    .filter((c) => c.text.length > 0);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Column-heading cells of the 类/款/项 code columns carry nothing a row needs. */
const CODE_HEADING = /^(类|款|项)$/;

/** The pages' rows as numbered lines (numbered through the whole document, from 1), each with its page and
 *  cells. `fold` normalises a cell's text as the text path normalises a line. */
export function pdfLines(pages: PdfPage[], fold: (s: string) => string): Line[] {
  const lines: Line[] = [];
  for (const page of pages) {
    for (const row of rowsOf(dedupe(page.items).flatMap(splitItem))) {
      let cells = cellsOf(row).map((c) => ({ ...c, text: fold(c.text) }));
      cells = cells.filter((c) => c.text.length > 0);
      if (
        cells.length > 1 &&
        cells.some((c) => CODE_HEADING.test(c.text)) &&
        cells.some((c) => !CODE_HEADING.test(c.text))
      )
        cells = cells.filter((c) => !CODE_HEADING.test(c.text));
      if (!cells.length) continue;
      lines.push({
        no: lines.length + 1,
        text: cells.map((c) => c.text).join(' '),
        page: page.no,
        y: round1(row.y),
        cells
      });
    }
  }
  return lines;
}
