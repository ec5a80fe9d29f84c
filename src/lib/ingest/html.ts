// HTML page → text lines, each numbered with the source line where it starts. Block elements end a line,
// table cells are separated by ' | ' (the same flattening the realdocs pages show), script/style dropped.
import type { Line } from './text';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'title',
  'hr',
  'pre',
  'blockquote'
]);
const CELL = new Set(['td', 'th']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: ' ',
  yen: '¥'
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The next index of `needle` at or after `from` (-1: none), remembering the last answer: the tokenizer only
 *  asks for later and later positions, so the page is scanned once for each needle whatever it holds (an
 *  unclosed '<!--' or '<a' repeated over a page costs no more than text). */
function finder(s: string, needle: string) {
  let at = -2;
  let from = 0;
  return (f: number): number => {
    if (at === -2 || f < from || (at !== -1 && at < f)) {
      at = s.indexOf(needle, f);
      from = f;
    }
    return at;
  };
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * HTML → lines in one linear pass. The tokens are those of the pattern
 * `<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|<` (a comment up to its first '-->'; a tag up to
 * its first '>'; text up to the next '<'; a '<' that starts neither is text), found without backtracking.
 */
export function htmlToLines(html: string): Line[] {
  const out: Line[] = [];
  let cur = '';
  let curHasText = false;
  let curLine = 1;
  let line = 1;
  let skipping: string | null = null;
  const flush = () => {
    if (cur) {
      const t = decodeEntities(cur).replace(/\s+/g, ' ').trim();
      if (t && t !== '|') out.push({ no: curLine, text: t.replace(/^\|\s*/, '') });
    }
    cur = '';
    curHasText = false;
  };
  const commentEnd = finder(html, '-->');
  const tagEnd = finder(html, '>');
  const n = html.length;
  let pos = 0;
  while (pos < n) {
    const startLine = line;
    let end: number;
    let tag: string | undefined;
    let closing = false;
    if (html.charCodeAt(pos) === 60 /* < */) {
      end = -1;
      if (html.startsWith('<!--', pos)) {
        const e = commentEnd(pos + 4);
        if (e >= 0) end = e + 3;
      }
      if (end < 0) {
        let k = pos + 1;
        if (html.charCodeAt(k) === 47 /* / */) {
          closing = true;
          k++;
        }
        if (isAlpha(html.charCodeAt(k))) {
          let j = k + 1;
          while (j < n && isAlnum(html.charCodeAt(j))) j++;
          // \b after the name: the next character is not a word character ('_' is one)
          if (j < n && html.charCodeAt(j) !== 95) {
            const e = tagEnd(j);
            if (e >= 0) {
              end = e + 1;
              tag = html.slice(k, j).toLowerCase();
            }
          }
        }
        if (end < 0) {
          closing = false;
          end = pos + 1; // a lone '<' is text
        }
      }
    } else {
      const e = html.indexOf('<', pos);
      end = e < 0 ? n : e;
    }
    const tokStart = pos;
    for (let i = pos; i < end; i++) if (html.charCodeAt(i) === 10) line++;
    pos = end;
    if (skipping) {
      if (tag === skipping && closing) skipping = null;
      continue;
    }
    if (tag !== undefined) {
      if (SKIP.has(tag) && !closing && !(html.charCodeAt(end - 2) === 47 && end - 2 > tokStart)) {
        skipping = tag;
        continue;
      }
      if (BLOCK.has(tag)) flush();
      else if (CELL.has(tag) && closing) {
        cur += ' | ';
        curHasText = true;
      }
      continue;
    }
    if (html.startsWith('<!--', tokStart) && end - tokStart > 1) continue; // a comment
    // text: newlines inside text are not line ends in HTML, but keep the line where the text starts
    const tok = html.slice(tokStart, end);
    if (!curHasText) {
      curLine = startLine + leadingNewlines(tok);
      if (/\S/.test(tok)) curHasText = true;
    }
    cur += tok;
  }
  flush();
  return out;
}

function leadingNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c !== 13 && c !== 32 && c !== 9) break;
  }
  return n;
}
