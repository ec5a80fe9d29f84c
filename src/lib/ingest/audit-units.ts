// A money-unit header that the document's own figures contradict: "单位：元" over a table whose totals are
// the other tables' and the prose's 万元 figures as written (every amount read 10,000 times too small), or
// "单位：万元" over amounts in 元. The table is read again in the unit the rest of the document supports, and
// the finding names the header and the figures that settle it.
import type { FindingList } from './checks';
import type { Mention } from './mentions';
import type { MoneyUnit } from './numbers';
import { parseTables, type ParsedTables } from './tables';
import type { TableBlock } from './sections';
import type { Line } from './text';

interface Fix {
  block: TableBlock;
  from: MoneyUnit;
  to: MoneyUnit;
  /** [this table's amount as read, the same amount stated elsewhere in 万元, its line, the other's line] */
  evidence: [number, number, number, number][];
}

const SCALE: Partial<Record<MoneyUnit, Partial<Record<MoneyUnit, number>>>> = {
  元: { 万元: 10000 },
  万元: { 元: 0.0001 }
};

export function unitHeaderFixes(
  tables: ParsedTables,
  blocks: TableBlock[],
  mentions: Mention[],
  docUnit: MoneyUnit | null
): Fix[] {
  const fixes: Fix[] = [];
  for (const b of blocks) {
    const from = b.unit ?? docUnit;
    const own = tables.items.filter((x) => x.table_no === b.no && x.amount !== null && x.amount > 0);
    if (!from || !own.length || fixes.some((f) => f.block.no === b.no)) continue;
    const refs: [number, number][] = [
      ...tables.items
        .filter((x) => x.table_no !== b.no && x.amount !== null && x.amount > 0)
        .map((x): [number, number] => [x.amount!, x.source_line]),
      ...mentions
        .filter((m) => m.kind === 'value' && m.value > 0)
        .map((m): [number, number] => [m.value, m.lines[0]])
    ];
    /** Each amount of the table stated elsewhere once scaled (only the first one with `one`). */
    const match = (scale: number, one = false) => {
      // a value read in the wrong unit was rounded to 4 decimals of 万元 first: allow for that
      const tol = 0.00005 * Math.max(1, scale) + 0.006;
      const hits: [number, number, number, number][] = [];
      for (const it of own) {
        const r = refs.find(([v]) => Math.abs(it.amount! * scale - v) <= tol);
        if (!r) continue;
        hits.push([it.amount!, r[0], it.source_line, r[1]]);
        if (one) break;
      }
      return hits;
    };
    if (match(1, true).length) continue; // the header agrees with the rest
    for (const [to, scale] of Object.entries(SCALE[from] ?? {}) as [MoneyUnit, number][]) {
      const hits = match(scale);
      const totals = hits.filter(([, , line]) => own.some((x) => x.source_line === line && x.code === null));
      if (hits.length >= 2 && totals.length >= 1) {
        fixes.push({ block: b, from, to, evidence: hits });
        break;
      }
    }
  }
  return fixes;
}

/** Read the tables again with each contradicted header's unit corrected; the document's unit becomes the one
 *  most of its tables then state (the first header may have been the wrong one). */
export function applyUnitFixes(
  lines: Line[],
  blocks: TableBlock[],
  docUnit: MoneyUnit | null,
  fixes: Fix[]
): { tables: ParsedTables; unit: MoneyUnit | null } {
  const fixed = blocks.map((b) => {
    const fx = fixes.find((x) => x.block.no === b.no);
    return fx ? { ...b, unit: fx.to } : b;
  });
  const count = new Map<MoneyUnit, number>();
  for (const b of fixed) if (b.unit) count.set(b.unit, (count.get(b.unit) ?? 0) + 1);
  const top = [...count].sort((a, b) => b[1] - a[1])[0];
  const unit = top && top[1] > (count.get(docUnit!) ?? 0) ? top[0] : docUnit;
  return { tables: parseTables(lines, fixed, unit), unit };
}

/** One finding per corrected header, naming it and a figure that settles it. */
export function reportUnitFixes(lines: Line[], fixes: Fix[], f: FindingList) {
  for (const fx of fixes) {
    const [[read, other, line, otherLine]] = fx.evidence;
    const header = lines[fx.block.start].no;
    const at = (n: number) => f.place([n]);
    f.add(
      'unit_header',
      'warning',
      `表${fx.block.no}标注“单位：${fx.from}”（${at(header).zh}），按此其${at(line).zh}之数为 ${read} 万元，而${at(otherLine).zh}所列同一数为 ${other} 万元（共 ${fx.evidence.length} 处如此），按${fx.to}读取`,
      `Table ${fx.block.no} states its unit as ${fx.from} (${at(header).en}); so read, ${at(line).en} is ${read} × 10k yuan where ${at(otherLine).en} states the same figure as ${other} × 10k yuan (${fx.evidence.length} such); read as ${fx.to}`,
      other,
      read,
      [header, line, otherLine]
    );
  }
}
