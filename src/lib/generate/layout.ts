// Text as a PDF extractor gives it: every line followed by a blank line, some lines tight (no blank), the
// first line of a page with a leading space, prose wrapped at a fixed width.

export interface Layout {
  /** A line followed later by a blank line (the usual extraction shape). */
  line(text: string): void;
  /** A line glued to the previous one (no blank line between). */
  tight(text: string): void;
  /** Verbatim block (already laid out, e.g. a table header copied from the template). */
  raw(block: string): void;
  /** The next line starts a new page: leading space, no blank line before it. */
  pageBreak(): void;
  /** Prose wrapped at the page width, paging automatically every `linesPerPage` lines. */
  prose(text: string, width?: number): void;
  /** The number of lines written since the page began. */
  text(): string;
}

/** Closing punctuation never starts a line: it hangs at the end of the previous one. */
const HANGING = new Set(['，', '。', '、', '；', '：', '）', '”', ',', ';', ':', ')']);

/**
 * Wrap text at `width` CJK characters (ASCII counts half). Runs of ASCII letters, digits and . % are never split,
 * as a PDF never breaks inside a number.
 */
export function wrap(text: string, width = 35): string[] {
  const limit = width * 2;
  const lines: string[] = [];
  let lineStart = 0;
  let used = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One token: a run of ASCII letters/digits/./% or a single character.
    let j = i + 1;
    let w: number;
    if (isWordChar(text.charCodeAt(i))) {
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      w = j - i;
    } else {
      w = text.charCodeAt(i) < 0x2000 ? 1 : 2;
    }
    if (used + w > limit && i > lineStart && !HANGING.has(text[i])) {
      lines.push(text.slice(lineStart, i).trimEnd());
      if (text[i] === ' ') {
        lineStart = j;
        used = 0;
        i = j;
        continue;
      }
      lineStart = i;
      used = 0;
    }
    used += w;
    i = j;
  }
  const last = text.slice(lineStart).trimEnd();
  if (last.trim().length) lines.push(last);
  return lines;
}

/** ASCII letters, digits, '.' and '%' (a number like 29.43% is never split). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 37;
}

export function createLayout(linesPerPage = 24): Layout {
  const parts: string[] = [];
  let started = false;
  let pendingPage = false;
  let onPage = 0;
  const emit = (text: string, sep: string) => {
    if (pendingPage) {
      parts.push(started ? '\n' : '', ` ${text}`);
      pendingPage = false;
      onPage = 1;
    } else {
      parts.push(started ? sep : '', text);
      onPage++;
    }
    started = true;
  };
  const layout: Layout = {
    line: (text) => emit(text, '\n\n'),
    tight: (text) => emit(text, '\n'),
    raw: (block) => {
      // The block's own blank lines are kept: emit its first line normally, the rest verbatim.
      const cut = block.indexOf('\n');
      if (cut < 0) return emit(block, '\n\n');
      emit(block.slice(0, cut), '\n\n');
      parts.push(block.slice(cut));
      onPage += 8;
    },
    pageBreak: () => {
      pendingPage = true;
    },
    prose: (text, width = 35) => {
      for (const l of wrap(text, width)) {
        if (onPage >= linesPerPage && !pendingPage) pendingPage = true;
        emit(l, '\n\n');
      }
    },
    text: () => parts.join('')
  };
  return layout;
}
