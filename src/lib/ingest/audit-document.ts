// Checks of a document against itself beyond its sums: years that contradict its own year, the template's
// placeholders left in, tables its 目录 lists that it does not contain, a table said to be empty that has
// figures.
import type { Kind } from '../model';
import type { FindingList } from './checks';
import type { TableBlock } from './sections';
import type { Item } from './tables';
import { linesHolding, squash, squashedLines, type Line } from './text';

// "截至2023年12月31日", "截止2022年底", "截至2024年8月31日"
const AS_OF = /截[至止](20\d\d)年(?:(\d{1,2})月(?:(\d{1,2})日)?|(底|末))/g;
// a heading that names the document's own year: "第二部分 2023年部门预算表", "二、2022年度收入支出决算总体情况说明"
const HEADING_YEAR = /(?<![比较与同至止于自从和及])(20\d\d)年度?(?=[^，,。；;]{0,30}(?:预算|决算))/;
const COMPARISON = /比|较|与|相比|对比|执行|上年|下年|以来|期间|规划|至20/;

/** Years inside the document that contradict its year. */
export function auditYears(lines: Line[], year: number | null, kind: Kind | null, f: FindingList) {
  if (year === null) return;
  const wrong = new Map<string, { zh: string; en: string; lines: number[]; stated: number }>();
  const note = (key: string, stated: number, line: number, zh: string, en: string) => {
    const w = wrong.get(key);
    if (w) w.lines.push(line);
    else wrong.set(key, { zh, en, stated, lines: [line] });
  };
  const squashed = squashedLines(lines);
  // every date this reads starts 截至 / 截止, every heading's year reads 20xx年: other lines have neither
  for (const i of linesHolding(lines, '截', '年')) {
    const l = lines[i];
    const t = squashed[i];
    for (const m of t.includes('截') ? t.matchAll(AS_OF) : []) {
      const y = Number(m[1]);
      const yearEnd = m[4] !== undefined || (m[2] === '12' && (m[3] === undefined || m[3] === '31'));
      // a 决算 reports its year's end; a 预算 the end (or the months) of the year before
      const ok =
        kind === 'final'
          ? yearEnd
            ? [year]
            : [year, year + 1]
          : kind === 'budget'
            ? yearEnd
              ? [year - 1]
              : [year - 1, year]
            : [year - 1, year, year + 1];
      if (!ok.includes(y))
        note(
          `as-of|${y}`,
          y,
          l.no,
          `“${m[0]}”与文档年度 ${year} 年${kind === 'final' ? '决算' : kind === 'budget' ? '预算' : ''}不符`,
          `“${m[0]}” (as of ${y}) contradicts the document's year ${year}${kind ? ` (${kind === 'final' ? 'final account' : 'budget'})` : ''}`
        );
    }
    // a heading's year reads 20xx年
    if (t.length > 50 || !t.includes('年') || /[。，,；;]/.test(t) || COMPARISON.test(t)) continue;
    const h = HEADING_YEAR.exec(t);
    if (h && Number(h[1]) !== year)
      note(
        `heading|${h[1]}`,
        Number(h[1]),
        l.no,
        `标题“${t}”写 ${h[1]} 年，文档为 ${year} 年度`,
        `The heading “${t}” says ${h[1]}; the document is for ${year}`
      );
  }
  for (const w of wrong.values())
    f.add(
      'year_mismatch',
      'warning',
      w.lines.length > 1 ? `${w.zh}（共 ${w.lines.length} 处）` : w.zh,
      w.lines.length > 1 ? `${w.en} (${w.lines.length} places)` : w.en,
      year,
      w.stated,
      w.lines
    );
}

// "XX局", "××单位", "某某", "联系人：XXX": a template's blanks never filled in
const PLACEHOLDER = /(?<![A-Za-z])(?:[XＸ×]{2,}|某某)(?![A-Za-z])/g;

/** The template's placeholders left in the document. */
export function auditPlaceholders(lines: Line[], f: FindingList) {
  const hits: { line: number; text: string }[] = [];
  const squashed = squashedLines(lines);
  // a placeholder is made of X, Ｘ, × or 某: only the lines holding one are read
  for (const i of linesHolding(lines, 'X', 'Ｘ', '×', '某')) {
    const t = squashed[i];
    for (const m of t.matchAll(PLACEHOLDER)) {
      const around = t.slice(Math.max(0, m.index! - 1), m.index! + m[0].length + 1);
      // CJK on one side at least, or the whole value of a "名称：XXX" field
      if (!/[\u3400-\u9fff：:]/.test(around)) continue;
      hits.push({ line: lines[i].no, text: t.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 6) });
      break;
    }
  }
  if (!hits.length) return;
  const first = hits[0].text;
  f.add(
    'placeholder_text',
    'warning',
    `文中留有模板占位符“${first}”${hits.length > 1 ? `等 ${hits.length} 处` : ''}`,
    `The template's placeholder “${first}” is left in the text${hits.length > 1 ? ` (${hits.length} places)` : ''}`,
    null,
    null,
    hits.map((h) => h.line)
  );
}

// the entry's own numbering, dot leaders and page number
const ENTRY_NOISE =
  /^(?:第[一二三四五六]部分|表?\s*\d{1,2}\s*[.、．:：-]?|[一二三四五六七八九十]{1,3}[、.．:：]|[(（][一二三四五六七八九十\d]+[)）])|[.·…．_\-—\s]*\d*$/g;
/** A 目录 entry's or a heading's title without its numbering and page number, from its squashed text. */
const coreTitle = (squashed: string) =>
  squashed
    .replace(ENTRY_NOISE, '')
    .replace(/^.*?20\d\d年度?/, '')
    .replace(/^(?:部门|单位)/, '');

/** Tables the document's 目录 lists that its body does not contain. */
export function auditContents(lines: Line[], f: FindingList) {
  const squashed = squashedLines(lines);
  // a line that is 目录 and nothing else, whatever its spaces
  const at = squashed.indexOf('目录');
  if (at < 0) return;
  const entries: { line: Line; title: string }[] = [];
  let end = lines.length;
  for (let i = at + 1; i < Math.min(lines.length, at + 80); i++) {
    const t = coreTitle(squashed[i]);
    if (!t) continue;
    // the body begins where the contents' first entry comes again
    if (entries.length && t === entries[0].title) {
      end = i;
      break;
    }
    if (/[。，,]/.test(lines[i].text)) {
      end = i;
      break;
    }
    entries.push({ line: lines[i], title: t });
  }
  if (end === lines.length) return; // no body after the contents: not a 目录 block
  const tables = entries.filter((e) => e.title.length >= 4 && e.title.endsWith('表'));
  if (!tables.length) return;
  const body: string[] = [];
  for (let i = end; i < lines.length; i++) {
    const b = coreTitle(squashed[i]);
    if (b.length >= 4) body.push(b);
  }
  for (const { line, title } of tables) {
    if (body.some((b) => b === title || b.endsWith(title))) continue;
    f.add(
      'toc_table_missing',
      'warning',
      `目录列有“${squash(line.text)}”，正文中没有这张表`,
      `The contents list “${squash(line.text)}”, but the document does not contain that table`,
      null,
      null,
      [line.no]
    );
  }
}

const FIGURE = /(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}(?![\d.])/g;

/** A table stated to be empty ("本表为空表") that carries non-zero figures (the 三公 grid reports its own). */
export function auditEmptyTables(lines: Line[], blocks: TableBlock[], items: Item[], f: FindingList) {
  for (const b of blocks) {
    if (b.emptyLine === null) continue;
    if (
      f.list.some((x) => x.check === 'empty_table_has_values' && x.source_lines.includes(String(b.emptyLine)))
    )
      continue;
    const [lo, hi] = [lines[b.start].no, lines[b.end - 1].no];
    const parsed = items.filter(
      (x) =>
        x.table_no === b.no &&
        x.source_line >= lo &&
        x.source_line <= hi &&
        x.amount !== null &&
        x.amount !== 0
    );
    let count = parsed.length;
    if (!count) {
      for (let i = b.start + 1; i < b.end; i++) {
        // the sentence that says the table is empty is no row
        if (/[。，；]|空表|没有/.test(lines[i].text)) continue;
        for (const m of lines[i].text.matchAll(FIGURE)) if (Number(m[0].replace(/,/g, '')) !== 0) count++;
      }
    }
    if (count)
      f.add(
        'empty_table_has_values',
        'warning',
        `${b.title || `表${b.no}`}注明为空表，却列有 ${count} 个非零数`,
        `${b.title || `Table ${b.no}`} is stated to be empty, yet it carries ${count} non-zero figures`,
        0,
        count,
        [lines[b.start].no, b.emptyLine]
      );
  }
}
