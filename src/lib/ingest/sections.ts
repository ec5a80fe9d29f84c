// Find the template's parts in a document: the 公开表 (表1…表10) blocks and the prose around them.
import { declaredUnit, type MoneyUnit } from './numbers';
import type { Line } from './text';

export interface TableBlock {
  /** template number 1–10 (from "表 N" or from the title) */
  no: number;
  title: string;
  /** index range [start, end) into the document's lines, the title lines included */
  start: number;
  end: number;
  unit: MoneyUnit | null;
  /** the sentence that says the table is empty ("…为空表"), if any */
  emptyLine: number | null;
  /** the block starts at a "表 N" mark (the national template marks its ten tables so) */
  marked: boolean;
}

/** A table's role by its title's content words, the more specific tried first. The role is the national
 *  template's number (表1 收支总体 … 表10 三公); provincial sets title and number the same tables otherwise
 *  (Shanghai: 财务收支预算总表, 一般公共预算基本支出部门预算经济分类预算表, 三公 at 9 or 七 …). */
const TITLES: [number, RegExp][] = [
  [10, /三公.{0,2}经费/],
  [9, /国有资本经营预算/],
  [8, /政府性基金/],
  [7, /一般公共预算.{0,8}项目支出/],
  [6, /一般公共预算.{0,8}基本支出/],
  [5, /一般公共预算.{0,8}支出/],
  [4, /财政拨款收入?支出?/],
  [1, /收入?支出?(?:预算|决算)?(?:总体情况|总)表$/],
  [2, /收入(?:预算|决算)?(?:总体情况|总)?表$/],
  [3, /支出(?:预算|决算)?(?:总体情况|总)?表$/]
];

/** A title's own numbering and year in front ("1.", "五、", "表3", "2023年部门", "2025年预算单位"). */
const TITLE_PREFIX =
  /^(?:表?\s*\d{1,2}\s*[.、．:：]?\s*|[一二三四五六七八九十]{1,3}\s*[、.．:：]\s*)?(?:\d{4}\s*年度?)?\s*(?:部门|单位|预算单位)?/;

export function titleNumber(text: string): number | null {
  if (text.length > 60 || text.charCodeAt(text.length - 1) !== 0x8868 /* 表 */) return null;
  const t = text.replace(/\s+/g, '').replace(TITLE_PREFIX, '');
  if (t.length > 40 || t.length < 4 || /[，。,；;]/.test(t) || /绩效|说明|目录/.test(t)) return null;
  for (const [no, re] of TITLES) if (re.test(t)) return no;
  return null;
}

const TABLE_MARK = /^表\s*(\d{1,2})$/;
const PART_MARK = /^第[一二三四五六]部分/;
const PROSE_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六]部分)/;
const isSentence = (t: string) =>
  /。/.test(t) || (t.length > 60 && /[，,].*[，,]/.test(t.replace(/(?<=\d),(?=\d{3})/g, '')));
const EMPTY_TABLE = /为空表|无(?:此类|相关)?(?:数据|支出)|没有使用.{0,20}安排的支?出?/;

/** Locate table blocks. A block starts at "表 N" (or a bare template title) and ends at the next block,
 *  the next 第N部分 heading, or the end. */
export function findTables(lines: Line[]): TableBlock[] {
  const starts: { idx: number; no: number; title: string; titleIdx: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    const m = TABLE_MARK.exec(t);
    if (m) {
      const next = lines[i + 1]?.text ?? '';
      const fromTitle = titleNumber(next);
      const no = Number(m[1]);
      starts.push({ idx: i, no: fromTitle ?? no, title: next, titleIdx: i + 1 });
      i++;
      continue;
    }
    const no = titleNumber(t);
    if (no !== null && !(starts.length && starts[starts.length - 1].titleIdx === i)) {
      starts.push({ idx: i, no, title: t, titleIdx: i });
    }
  }
  const blocks: TableBlock[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    let end = k + 1 < starts.length ? starts[k + 1].idx : lines.length;
    for (let j = s.titleIdx + 1; j < end; j++) {
      if (PART_MARK.test(lines[j].text)) {
        end = j;
        break;
      }
    }
    let unit: MoneyUnit | null = null;
    let emptyLine: number | null = null;
    for (let j = s.titleIdx + 1; j < end; j++) {
      unit ??= declaredUnit(lines[j].text);
      if (emptyLine === null && EMPTY_TABLE.test(lines[j].text + (lines[j + 1]?.text ?? ''))) {
        emptyLine = lines[j].no;
      }
    }
    // outside the template's 公开表 part a table ends where headings or sentences begin again
    // (the sentence that says the table is empty belongs to it, up to its full stop)
    let emptyEnd = -1;
    if (emptyLine !== null) {
      emptyEnd = lines.findIndex((l) => l.no === emptyLine);
      while (emptyEnd + 1 < end && !/。\s*$/.test(lines[emptyEnd].text)) emptyEnd++;
    }
    for (let j = s.titleIdx + 1; j < end; j++) {
      if (j <= emptyEnd) continue;
      const t = lines[j].text;
      if ((PROSE_START.test(t) && /说明|情况|20\d\d年/.test(t) && !/表$/.test(t)) || isSentence(t)) {
        end = j;
        break;
      }
    }
    blocks.push({ no: s.no, title: s.title, start: s.idx, end, unit, emptyLine, marked: s.titleIdx > s.idx });
  }
  // a title with nothing under it (a 目录 entry) gives way to another block of the same table
  const bare = (b: TableBlock) => b.end - b.start <= (b.title === lines[b.start].text ? 1 : 2);
  return blocks.filter((b) => !bare(b) || !blocks.some((o) => o !== b && o.no === b.no && !bare(o)));
}

/** Indices of lines that belong to no table block (the prose of the document). */
export function proseLines(lines: Line[], tables: TableBlock[]): Line[] {
  const inTable = new Uint8Array(lines.length);
  for (const b of tables) for (let i = b.start; i < b.end; i++) inTable[i] = 1;
  return lines.filter((_, i) => !inTable[i]);
}
