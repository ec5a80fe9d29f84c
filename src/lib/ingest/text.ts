// Bytes → numbered, normalised text lines. Keeps every line's number in the original file so that each
// figure can be traced to its source line.
import * as OpenCC from 'opencc-js';
import { htmlToLines } from './html';

export interface Line {
  /** 1-based line number in the source file */
  no: number;
  text: string;
}

export class UnreadableDocument extends Error {}

/** Decode bytes as UTF-8 (or GB18030 when it is not UTF-8); reject binary content. */
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
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      const firstBad = firstInvalidUtf8(body);
      throw new UnreadableDocument(`${file}: not UTF-8 or GB18030 text (invalid byte at offset ${firstBad})`);
    }
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

/** Split text into raw lines, numbered from 1 (CRLF, CR and LF all end a line). */
export function splitLines(text: string): Line[] {
  const parts = text.split(/\r\n|\r|\n/);
  return parts.map((t, i) => ({ no: i + 1, text: t }));
}

// Traditional characters common in disclosures; their presence switches on the t2s conversion.
const TRADITIONAL_HINT = /[費經萬預說務車輛國與為關財撥總計數體況門預單價購維項離職編額補貼門額]/;
let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  t2s ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return t2s(s);
}

// Pinyin inserted by mirror sites after a character: 經(jīng)費 → 經費
const PINYIN = /([\u3400-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]{1,7})\)/g;

/** Width and punctuation folding; keeps Chinese '，' and '。' (they separate clauses). */
export function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else if (c === 0x2014 || c === 0x2015) out += '—';
    else out += s[i];
  }
  return out;
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
  /** header comment lines ('# source: …', '# synthetic: …') */
  headers: string[];
  html: boolean;
}

/** The whole text stage: bytes → non-empty normalised lines with their source line numbers. */
export function readDocumentText(bytes: Uint8Array, file: string): DocumentText {
  const raw = decodeBytes(bytes, file);
  const html = looksLikeHtml(raw, file);
  const rawLines = html ? htmlToLines(raw) : splitLines(raw);
  const traditional = TRADITIONAL_HINT.test(raw);
  const headers: string[] = [];
  const lines: Line[] = [];
  let inHeader = true;
  for (const l of rawLines) {
    const trimmed = l.text.trim();
    if (!trimmed) continue;
    if (inHeader && /^#\s/.test(trimmed)) {
      headers.push(trimmed);
      continue;
    }
    inHeader = false;
    const text = normaliseLine(trimmed, traditional);
    if (text) lines.push({ no: l.no, text });
  }
  return { lines, headers, html };
}

/** A name as the document writes it: brackets folded for parsing go back to full width. */
export function displayName(s: string): string {
  return /[\u3400-\u9fff]/.test(s) ? s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：') : s;
}
