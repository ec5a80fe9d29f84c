// A document cut short: the national template's 情况说明 part (第三部分) closes with the 三公 explanation, the
// 其他重要事项 (机关运行经费, 政府采购, 国有资产占用, 预算绩效) and the 名词解释 part. A document of that template
// whose headings stop before the last of these, and that is not signed off with a date, lost its end; the
// ones after its last are named.
import type { Line } from './text';

const CLOSING: [string, RegExp][] = [
  ['“三公”经费说明', /三公/],
  ['其他重要事项', /其他重要事项/],
  ['机关运行经费', /机关运行经费/],
  ['政府采购', /政府采购/],
  ['国有资产占用', /国有资产/],
  ['预算绩效', /绩效/],
  ['名词解释', /名词解释/]
];

const HEADING =
  /^(?:第[一二三四五六七八九十\d]部分|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])/;

const SIGNED = /^(?:20\d\d|19\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** The closing sections a national-template document lacks after the last one it has ([] when complete or
 *  not of that template). */
export function missingClosing(lines: Line[]): string[] {
  const heads = lines.map((l) => l.text.trim()).filter((t) => t.length <= 60 && HEADING.test(t));
  const explanation = heads.findIndex((t) => /^第[三3]部分/.test(t));
  if (explanation < 0) return [];
  // a document signed off with its date ("2024 年 1月 15 日") reached its end, whatever it left out
  const tail = lines.slice(-3).map((l) => l.text.trim());
  if (tail.some((t) => SIGNED.test(t))) return [];
  const after = heads.slice(explanation + 1);
  let last = -1;
  CLOSING.forEach(([, re], i) => {
    if (after.some((t) => re.test(t))) last = i;
  });
  return CLOSING.slice(last + 1).map(([name]) => name);
}
