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

export function htmlToLines(html: string): Line[] {
  const out: Line[] = [];
  let cur = '';
  let curLine = 1;
  let line = 1;
  let skipping: string | null = null;
  const flush = () => {
    const t = decodeEntities(cur).replace(/\s+/g, ' ').trim();
    if (t && t !== '|') out.push({ no: curLine, text: t.replace(/^\|\s*/, '') });
    cur = '';
  };
  const re = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tok = m[0];
    const startLine = line;
    for (let i = 0; i < tok.length; i++) if (tok.charCodeAt(i) === 10) line++;
    const tag = m[1]?.toLowerCase();
    if (skipping) {
      if (tag === skipping && tok.startsWith('</')) skipping = null;
      continue;
    }
    if (tok.startsWith('<!--')) continue;
    if (tag) {
      if (SKIP.has(tag) && !tok.startsWith('</') && !tok.endsWith('/>')) {
        skipping = tag;
        continue;
      }
      if (BLOCK.has(tag)) flush();
      else if (CELL.has(tag) && tok.startsWith('</')) cur += ' | ';
      continue;
    }
    // text: newlines inside text are not line ends in HTML, but keep the line where the text starts
    if (!cur.trim()) curLine = startLine + leadingNewlines(tok);
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
