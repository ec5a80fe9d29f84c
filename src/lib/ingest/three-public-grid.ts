// 表10 read by position (PDF lines with cells): items (合计, 因公出国 …) as rows under 预算数/决算数 columns,
// or a row of figures under a heading per item (合计 | 因公出国(境)费 | 公务接待费 | 公务用车 小计 购置费 运行费 |
// 机关运行经费), with 预算数/决算数 as columns or as labelled rows. A 预算数 beside a 决算数 is kept as a
// budget line item, never taken for the actual.
import { columnKind, gridLines, headings, isAmountCell, nearestHeading } from './grid';
import { parseAmount, toWan, type MoneyUnit } from './numbers';
import type { TableBlock } from './sections';
import type { ParsedTables } from './tables';
import type { Line } from './text';

/** The 三公 table's rows by their label (the national template lists its items as rows). */
const THREE_PUBLIC_ROWS: [RegExp, string][] = [
  [/^(?:“?三公”?经费)?合计$/, 'three_public_total'],
  [/因公出国/, 'overseas_travel'],
  [/公务接待/, 'reception'],
  [/公务用车购置及运行/, 'vehicle_total'],
  [/公务用车购置费?$/, 'vehicle_purchase'],
  [/公务用车运行(?:维护)?费?$/, 'vehicle_operation']
];

/** A row label's figure ("其中：公务用车购置费" → vehicle_purchase), or null. */
export const threePublicRow = (text: string) => {
  const label = text
    .replace(/\s+/g, '')
    .replace(/^其中[:：]/, '')
    .replace(/[（(]小计[)）]$/, '');
  if (/^(?:“?三公”?经费)?(?:合计|总计)$/.test(label)) return { label, measure: 'three_public_total' };
  const row = THREE_PUBLIC_ROWS.find(([re]) => re.test(label));
  return row && label.length <= 20 ? { label, measure: row[1] } : null;
};

// a heading that ran into the group heading above it ("公务用车购置及运行费购置费") is named by its end
const THREE_PUBLIC_HEADINGS: [RegExp, string][] = [
  [/机关运行/, 'operating_expense'],
  [/因公出国/, 'overseas_travel'],
  [/公务接待/, 'reception'],
  [/购置及运行(?:维护)?费?$|小计$/, 'vehicle_total'],
  [/购置费?$/, 'vehicle_purchase'],
  [/运行(?:维护)?费?$/, 'vehicle_operation'],
  [/^(?:“?三公”?经费)?(?:合计|总计)$/, 'three_public_total']
];

const headingMeasure = (text: string) => {
  const t = text.replace(/\s+/g, '');
  return t.length <= 24 ? (THREE_PUBLIC_HEADINGS.find(([re]) => re.test(t))?.[1] ?? null) : null;
};

const FIGURE_ZH: Record<string, string> = {
  three_public_total: '“三公”经费合计',
  overseas_travel: '因公出国（境）费',
  vehicle_total: '公务用车购置及运行费',
  vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行费',
  reception: '公务接待费',
  operating_expense: '机关运行经费'
};

export function parseThreePublicGrid(lines: Line[], b: TableBlock, unit: MoneyUnit, out: ParsedTables) {
  const body = gridLines(lines.slice(b.start + 1, b.end));
  const heads = headings(body);
  const kinds = heads.filter((h) => columnKind(h.text) !== null && h.text.length <= 12);
  const measureHeads = heads.filter((h) => headingMeasure(h.text) !== null);
  // a row is an item (合计, 因公出国 …) under 预算数/决算数 columns, or a 预算数/决算数 row under item headings
  const rows = body.flatMap((l) => {
    const cells = l.cells ?? [];
    const firstAmount = cells.findIndex(isAmountCell);
    if (firstAmount < 0) return [];
    const label = cells
      .slice(0, firstAmount)
      .map((c) => c.text)
      .join('');
    const rowMeasure = label ? threePublicRow(label)?.measure : undefined;
    const rowKind = label && !rowMeasure && label.length <= 12 ? columnKind(label) : null;
    if (label && !rowMeasure && !rowKind) return []; // a labelled row that is no 三公 item
    return [{ l, cells: cells.slice(firstAmount), label, rowMeasure, rowKind }];
  });
  const hasFinal =
    kinds.some((h) => columnKind(h.text) === 'final') || rows.some((r) => r.rowKind === 'final');
  const seen = new Set<string>();
  let values = 0;
  for (const { l, cells, label, rowMeasure, rowKind } of rows) {
    for (const c of cells) {
      if (!isAmountCell(c)) continue;
      const measure = rowMeasure ?? headingMeasure(nearestHeading(c, measureHeads)?.text ?? '');
      if (!measure) continue;
      const kindHead = nearestHeading(c, kinds, true);
      const kind = rowKind ?? (kindHead ? columnKind(kindHead.text) : null);
      const budgetColumn = hasFinal && kind === 'budget';
      const key = (budgetColumn ? 'budget:' : '') + measure;
      if (seen.has(key)) continue;
      seen.add(key);
      const amount = toWan(parseAmount(c.text.replace(/\s+/g, ''))!, unit);
      if (!budgetColumn) values++;
      else out.initial.push({ figure: measure, amount, line: l.no });
      out.items.push({
        table_no: 10,
        section: 'three_public',
        code: null,
        name: rowMeasure ? label.replace(/^其中[:：]/, '') : FIGURE_ZH[measure],
        measure: budgetColumn ? 'budget' : measure,
        amount,
        source_line: l.no
      });
      if (budgetColumn && !rowMeasure) out.items[out.items.length - 1].name = FIGURE_ZH[measure];
    }
  }
  if (b.emptyLine !== null && values > 0)
    out.problems.push({
      check: 'empty_table_has_values',
      zh: `“三公”经费表注明为空表，却列有 ${values} 个数`,
      en: `The “three public” table is stated to be empty, yet it carries ${values} figures`,
      lines: [lines[b.start].no, b.emptyLine],
      severity: 'warning'
    });
}
