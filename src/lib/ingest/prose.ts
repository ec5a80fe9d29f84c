// The prose of a document as one string, with the line breaks that PDF extraction put into sentences
// removed, and a map from every character back to its source line.
import type { Line } from './text';

export interface Prose {
  text: string;
  /** source line number of each character of text */
  lineAt: Int32Array;
}

const ASCII_WORD = /[0-9A-Za-z.%]/;

/** Join lines; drop whitespace unless it separates two ASCII word characters (two numbers, say). */
export function buildProse(lines: Line[]): Prose {
  const chars: string[] = [];
  const at: number[] = [];
  let pendingSpace = false;
  for (const l of lines) {
    const t = l.text;
    // a line break inside the text is a possible space between two numbers
    pendingSpace = chars.length > 0;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === ' ') {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && chars.length && ASCII_WORD.test(c) && ASCII_WORD.test(chars[chars.length - 1])) {
        chars.push(' ');
        at.push(l.no);
      }
      pendingSpace = false;
      chars.push(c);
      at.push(l.no);
    }
  }
  return { text: chars.join(''), lineAt: Int32Array.from(at) };
}

export function linesOf(p: Prose, start: number, end: number): number[] {
  const set = new Set<number>();
  for (let i = Math.max(0, start); i < Math.min(end, p.text.length); i++) set.add(p.lineAt[i]);
  return [...set].sort((a, b) => a - b);
}

export function lineOf(p: Prose, index: number): number {
  return p.lineAt[Math.min(Math.max(0, index), p.lineAt.length - 1)] ?? 0;
}
