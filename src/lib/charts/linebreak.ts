// Line breaking for chart labels and export frames: where a long name or note breaks into lines (at a space,
// a bracket or the end of a place's name, else where the lines are even), never leaving a closing mark to
// start a line or an opening one to end it.
import { textWidth, truncateLabel } from './labels';

/** Marks that never start a line (closing brackets and quotes, punctuation) and never end one (opening). */
const CLOSING = new Set([...'）)】]》〉」』”’〕］｝}，。、；：！？,.;:!?…']);
const OPENING = new Set([...'（(【[《〈「『“‘〔［｛{']);
const LATIN = /[A-Za-z0-9]/;
/** the end of a place's name in a unit's name (上海市|普陀区|…), unless it goes on as 区委, 区政府, 市级, 区域… */
const PLACE = new Set([...'省市县区州旗盟镇乡']);
const PLACE_GOES_ON = new Set([...'委政级域属']);

/**
 * How good a line break before chars[i] is: 0 at a space, before an opening bracket or after a closing one;
 * 1 after a place's name (市, 区, 县…), after 政府 or after 区委/市委; 2 anywhere else between two characters;
 * null where a line may not break (a closing mark would start a line or an opening one end it, or inside a
 * Latin word).
 */
function breakTier(chars: readonly string[], i: number): 0 | 1 | 2 | null {
  const a = chars[i - 1];
  const b = chars[i];
  if (a === ' ' || b === ' ') return 0;
  if (CLOSING.has(b) || OPENING.has(a)) return null;
  if (OPENING.has(b) || CLOSING.has(a)) return 0;
  if (LATIN.test(a) && LATIN.test(b)) return null;
  const before = chars[i - 2];
  if (PLACE.has(a) && !PLACE_GOES_ON.has(b)) return 1;
  if ((a === '府' && before === '政') || (a === '委' && PLACE.has(before))) return 1;
  return 2;
}

/** The two lines of a break before chars[i] (a space at the break is dropped). */
function breakAt(chars: readonly string[], i: number): [string, string] {
  return [chars.slice(0, i).join('').trimEnd(), chars.slice(i).join('').trimStart()];
}

/**
 * Two lines of at most maxWidth px, or null when the text does not fit in two: broken at the best boundary
 * (a space or bracket, then a place's name) that leaves neither line under a quarter of the text, else where
 * the two lines are most even; never a closing mark alone at the start of the second line.
 */
export function splitTwoLines(text: string, maxWidth: number, fontSize: number): [string, string] | null {
  const chars = [...text];
  let best: { lines: [string, string]; score: number[] } | null = null;
  for (let i = 1; i < chars.length; i++) {
    const tier = breakTier(chars, i);
    if (tier === null) continue;
    const lines = breakAt(chars, i);
    if (!lines[0] || !lines[1]) continue;
    const [wa, wb] = lines.map((l) => textWidth(l, fontSize));
    if (wa > maxWidth || wb > maxWidth) continue;
    const lopsided = Math.min(wa, wb) < (wa + wb) / 4;
    // a boundary first, then the more even pair, then the longer first line
    const score = [lopsided ? 2 : tier, Math.abs(wa - wb), -wa];
    if (!best || lessThan(score, best.score)) best = { lines, score };
  }
  return best?.lines ?? null;
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k];
  return false;
}

/** The first line of a text too long for two: as full as fits, ending at a space, bracket or place's name
 *  when one is near its end, never with a closing mark left to start the next line. */
function firstLine(chars: readonly string[], maxWidth: number, fontSize: number): number {
  let greedy = 0;
  let anyFit = 1;
  let boundary = 0;
  for (let i = 1; i < chars.length; i++) {
    const [a] = breakAt(chars, i);
    if (textWidth(a, fontSize) > maxWidth) break;
    anyFit = i;
    const tier = breakTier(chars, i);
    if (tier === null) continue;
    greedy = i;
    if (tier < 2) boundary = i;
  }
  if (!greedy) return anyFit;
  return boundary >= greedy * 0.75 ? boundary : greedy;
}

/** Break text into lines of at most maxWidth px (at a space when the line has one, else between
 *  characters, never leaving a closing mark to start a line or an opening one to end it); nothing is cut. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const ch of text) {
    if (line.length && textWidth(line.join('') + ch, fontSize) > maxWidth) {
      const space = line.lastIndexOf(' ');
      if (ch === ' ') {
        lines.push(line.join(''));
        line = [];
        continue;
      }
      if (space > 0) {
        lines.push(line.slice(0, space).join(''));
        line = line.slice(space + 1);
      } else {
        // carry the last character (or two) over rather than start the next line with "）" or end one with "（"
        const bad = (k: number) => CLOSING.has(k < line.length ? line[k] : ch) || OPENING.has(line[k - 1]);
        let cut = line.length;
        for (let k = line.length; k >= Math.max(1, line.length - 2); k--)
          if (!bad(k)) {
            cut = k;
            break;
          }
        lines.push(line.slice(0, cut).join(''));
        line = line.slice(cut);
      }
    }
    line.push(ch);
  }
  if (line.length || !lines.length) lines.push(line.join(''));
  return lines;
}

/** A row label: one line at fontSize when it fits, else at the smaller size in one line or two (a long real
 *  name is wrapped at a sensible boundary, not cut; only a name longer than two small lines ends in "…"). */
export function fitLabel(
  text: string,
  maxWidth: number,
  fontSize: number,
  small: number
): { lines: string[]; size: number } {
  if (textWidth(text, fontSize) <= maxWidth) return { lines: [text], size: fontSize };
  if (textWidth(text, small) <= maxWidth) return { lines: [text], size: small };
  const two = splitTwoLines(text, maxWidth, small);
  if (two) return { lines: two, size: small };
  const chars = [...text];
  const [first, rest] = breakAt(chars, firstLine(chars, maxWidth, small));
  return { lines: rest ? [first, truncateLabel(rest, maxWidth, small)] : [first], size: small };
}
