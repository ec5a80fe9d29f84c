// The prose of a document as one string, with the line breaks that PDF extraction put into sentences
// removed, and a map from every character back to its source line.
import type { Line } from './text';

export interface Prose {
  text: string;
  /** offset in text where each source line's characters begin, ascending */
  starts: number[];
  /** the source line number of each entry of starts */
  nos: number[];
}

const WORD_START = /^[0-9A-Za-z.%]/;
/** Whether a text ends in an ASCII word character (its last character only: a regex anchored at the end
 *  would try every position of a long line). */
const endsInWord = (t: string) => WORD_START.test(t.charAt(t.length - 1));
// a space survives only between two ASCII word characters ("47.35 47.35"); elsewhere it is a PDF artefact
const INNER_SPACE = /(?<![0-9A-Za-z.%]) +| +(?![0-9A-Za-z.%])/g;

/** Join lines; drop whitespace unless it separates two ASCII word characters (two numbers, say). */
export function buildProse(lines: Line[]): Prose {
  const parts: string[] = [];
  const starts: number[] = [];
  const nos: number[] = [];
  let length = 0;
  let last = '';
  for (const l of lines) {
    let t = l.text.indexOf(' ') >= 0 ? l.text.replace(INNER_SPACE, '') : l.text;
    if (!t) continue;
    if (last && endsInWord(last) && WORD_START.test(t)) t = ' ' + t;
    starts.push(length);
    nos.push(l.no);
    parts.push(t);
    length += t.length;
    last = t;
  }
  return { text: parts.join(''), starts, nos };
}

/** Index into starts/nos of the line holding the character at index. */
function lineIndex(p: Prose, index: number): number {
  const s = p.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The source line of the character at index. */
export function lineOf(p: Prose, index: number): number {
  return p.starts.length ? p.nos[lineIndex(p, index)] : 0;
}

/** The source lines that the characters [start, end) span. */
export function linesOf(p: Prose, start: number, end: number): number[] {
  if (!p.starts.length) return [];
  let k = lineIndex(p, start);
  const out = [p.nos[k]];
  while (++k < p.starts.length && p.starts[k] < end) out.push(p.nos[k]);
  return out;
}
