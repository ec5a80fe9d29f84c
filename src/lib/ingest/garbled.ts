// A number that cannot be a table's amount: too many digits to hold (400 nines), absurdly large (a trillion
// yuan and more in one department's cell) or damaged. In a coded table its row is voided (rows.ts); in a
// label table (表1, 表4, 表10) the cell would otherwise melt into a label and its row vanish unseen.
import { parseAmount } from './numbers';
import { tokens } from './rows';
import type { Problem } from './tables';
import type { TableBlock } from './sections';
import type { Line } from './text';

const NUMERIC = /^-?[\d,.]*\d[\d,.]*$/;
const LIST_MARK = /^\d{1,2}[.、]$/;

/** A token that is written as a number but is not a readable amount. */
export const garbledToken = (t: string) => NUMERIC.test(t) && !LIST_MARK.test(t) && parseAmount(t) === null;

/** The document's lines with every line of the block that holds a garbled number emptied (its row is not
 *  read), each reported in `problems`. The lines are copied only when there is one. */
export function voidGarbled(lines: Line[], b: TableBlock, problems: Problem[]): Line[] {
  let out = lines;
  for (let i = b.start + 1; i < b.end; i++) {
    const bad = tokens(lines[i].text).find(garbledToken);
    if (bad === undefined) continue;
    if (out === lines) out = lines.slice();
    out[i] = { ...lines[i], text: '', ...(lines[i].cells ? { cells: [] } : {}) };
    const shown = bad.length > 24 ? `${bad.slice(0, 20)}…（${bad.length} 位）` : bad;
    const shownEn = bad.length > 24 ? `${bad.slice(0, 20)}… (${bad.length} characters)` : bad;
    problems.push({
      check: 'garbled_number',
      zh: `表${b.no}有无法识别的数字“${shown}”，该行金额未采用`,
      en: `Table ${b.no}: unreadable number “${shownEn}”; the row's amounts were not used`,
      lines: [lines[i].no],
      severity: 'warning'
    });
  }
  return out;
}
