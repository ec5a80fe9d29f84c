// Bytes → numbered, normalised text lines. Keeps every line's number in the original file so that each
// figure can be traced to its source line.
import * as OpenCC from 'opencc-js';
import { htmlToLines } from './html';

export interface Line {
  /** 1-based line number in the source file (for a PDF: in its extracted text, counted through all pages) */
  no: number;
  text: string;
  /** the PDF page the line stands on, and its baseline from the page's top in points (absent for text) */
  page?: number;
  y?: number;
  /** the line's cells with their x-ranges on the page (PDF only): what places a number in its column */
  cells?: Cell[];
}

/** A cell of a PDF line: its text and horizontal extent in points. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export class UnreadableDocument extends Error {}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8 (or GB18030 when it is not UTF-8); reject binary content. Web APIs only, so the
 *  text stage runs in a browser as in Node. */
export function decodeBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new UnreadableDocument(`${file}: empty file`);
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  let controls = 0;
  const probe = Math.min(body.length, 8192);
  for (let i = 0; i < probe; i++) {
    const b = body[i];
    if (b === 0) throw new UnreadableDocument(`${file}: binary file (NUL byte at offset ${i + start})`);
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > probe * 0.05) throw new UnreadableDocument(`${file}: binary file (control bytes)`);
  try {
    return UTF8.decode(body);
  } catch {
    // not UTF-8: GB18030 below
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    const firstBad = firstInvalidUtf8(body);
    throw new UnreadableDocument(`${file}: not UTF-8 or GB18030 text (invalid byte at offset ${firstBad})`);
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0,
    hi = b.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      d.decode(b.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function looksLikeHtml(text: string, file: string): boolean {
  if (/\.html?$/i.test(file)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 512));
}

// Traditional characters common in disclosures; their presence switches on the t2s conversion. Looked up by
// code unit in a table, which is cheaper than a regex character class over the first 8,000 characters.
const TRADITIONAL_HINT = '費經萬預說務車輛國與為關財撥總計數體況門預單價購維項離職編額補貼門額';
const IS_HINT = new Uint8Array(0x10000);
for (let i = 0; i < TRADITIONAL_HINT.length; i++) IS_HINT[TRADITIONAL_HINT.charCodeAt(i)] = 1;
let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  t2s ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return t2s(s);
}

// Pinyin inserted by mirror sites after a character: 經(jīng)費 → 經費
const PINYIN = /([\u3400-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]{1,7})\)/g;

// Folded in the same pass: bidi and direction controls (embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069, marks U+200E, U+200F, U+061C) are removed, so that no name or text can reorder what is shown
// around it.
const WIDE =
  /[\uff01-\uff0b\uff0d-\uff5e\u3000\u00a0\u2014\u2015\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const foldChar = (c: string) => {
  const n = c.charCodeAt(0);
  if (
    (n >= 0x202a && n <= 0x202e) ||
    (n >= 0x2066 && n <= 0x2069) ||
    n === 0x200e ||
    n === 0x200f ||
    n === 0x61c
  )
    return '';
  if (n >= 0xff01 && n <= 0xff5e) return String.fromCharCode(n - 0xfee0);
  if (n === 0x3000 || n === 0xa0) return ' ';
  return '—';
};

/** Width and punctuation folding; keeps Chinese '，' and '。' (they separate clauses); drops bidi controls. */
export function foldWidth(s: string): string {
  return s.replace(WIDE, foldChar);
}

/** Whether a document's text is in traditional characters (judged on its first pages). */
export function looksTraditional(raw: string): boolean {
  const end = Math.min(raw.length, 8000);
  for (let i = 0; i < end; i++) if (IS_HINT[raw.charCodeAt(i)]) return true;
  return false;
}

/** Normalise one line: width folding, pinyin removal, traditional → simplified, whitespace. */
export function normaliseLine(s: string, traditional: boolean): string {
  let t = foldWidth(s);
  if (traditional) {
    t = t.replace(PINYIN, '$1');
    t = toSimplified(t);
  }
  return t.replace(/[\t\f\v ]+/g, ' ').trim();
}

export interface DocumentText {
  lines: Line[];
  /** the normalised text from the first line after the header comments, with its line number: what the
   *  document id is a hash of */
  normalised: string;
  /** header comment lines ('# source: …', '# synthetic: …') */
  headers: string[];
  html: boolean;
  /** a line as the document writes it, before widths are folded (for showing the source; absent for a PDF,
   *  whose lines are shown as read) */
  original?: (no: number) => string | undefined;
}

/** The whole text stage: bytes → non-empty normalised lines with their source line numbers. */
export function readDocumentText(bytes: Uint8Array, file: string): DocumentText {
  const raw = decodeBytes(bytes, file);
  const html = looksLikeHtml(raw, file);
  // a traditional-character document shows it in its first pages
  const traditional = looksTraditional(raw);
  const headers: string[] = [];
  const lines: Line[] = [];
  let inHeader = true;
  const take = (no: number, t: string) => {
    if (!t) return;
    if (inHeader && t.charCodeAt(0) === 35 /* # */ && /^#\s/.test(t)) {
      headers.push(t);
      return;
    }
    inHeader = false;
    lines.push({ no, text: t });
  };
  let normalised: string;
  let original: (no: number) => string | undefined;
  if (html) {
    const read = htmlToLines(raw);
    const byNo = new Map(read.map((l) => [l.no, l.text]));
    original = (no) => byNo.get(no);
    for (const l of read) take(l.no, normaliseLine(l.text, traditional));
    normalised = lines.map((l) => `${l.no}\t${l.text}`).join('\n'); // headers are not in lines
  } else {
    // fold the whole text at once (folding keeps every line break), then split
    let t = foldWidth(raw).replace(/[\t\f\v ]+/g, ' ');
    if (traditional) t = toSimplified(t.replace(PINYIN, '$1'));
    if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
    const parts = t.split('\n');
    // folding keeps every line break, so the raw text splits into the same lines
    let rawParts: string[] | undefined;
    original = (no) => (rawParts ??= raw.replace(/\r\n?/g, '\n').split('\n'))[no - 1];
    let offset = 0;
    let body = -1;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.length) {
        take(i + 1, p.trim());
        if (body < 0 && !inHeader) body = i;
      }
      if (body < 0) offset += p.length + 1;
    }
    // header comment lines ('# source: …') are not part of the document; where its body starts is
    normalised = body < 0 ? '' : `${body + 1}\n${t.slice(offset)}`;
  }
  return { lines, headers, html, normalised, original };
}

/** A text without its whitespace: how headings and titles are compared ("第 二 部 分" is "第二部分"). */
export const squash = (s: string) => s.replace(/\s+/g, '');

interface Squashed {
  lines: string[];
  /** the squashed lines joined by line breaks (a squashed line has no whitespace, so no break of its own) */
  text: string;
  /** where each line starts in text */
  starts: number[];
}

const SQUASHED = new WeakMap<readonly Line[], Squashed>();

/** The document's squashed lines, made once per document and shared by every audit that reads them. */
function squashed(lines: readonly Line[]): Squashed {
  let s = SQUASHED.get(lines);
  if (!s || s.lines.length !== lines.length) {
    const sq = lines.map((l) => squash(l.text));
    const starts: number[] = new Array(sq.length);
    let at = 0;
    for (let i = 0; i < sq.length; i++) {
      starts[i] = at;
      at += sq[i].length + 1;
    }
    SQUASHED.set(lines, (s = { lines: sq, text: sq.join('\n'), starts }));
  }
  return s;
}

/** Every line's text squashed, computed once per document: the audits that read a whole document by its
 *  squashed lines share it instead of each squashing every line again. */
export function squashedLines(lines: readonly Line[]): string[] {
  return squashed(lines).lines;
}

/** The indices, ascending, of the lines whose squashed text holds one of `needles` (none empty, none with a
 *  line break): each needle is searched for in the whole squashed document once, not line by line. */
export function linesHolding(lines: readonly Line[], ...needles: string[]): number[] {
  const { text, starts } = squashed(lines);
  const marked = new Uint8Array(starts.length);
  for (const needle of needles) {
    // the places come in order: the line holding each is found by walking on from the last one
    let line = 0;
    for (let at = text.indexOf(needle); at >= 0;) {
      while (line + 1 < starts.length && starts[line + 1] <= at) line++;
      marked[line] = 1;
      at = line + 1 < starts.length ? text.indexOf(needle, starts[line + 1]) : -1;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i]) out.push(i);
  return out;
}

/** A name as the document writes it: brackets folded for parsing go back to full width. */
export function displayName(s: string): string {
  return /[\u3400-\u9fff]/.test(s) ? s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：') : s;
}
