// How one unit lays out its PDFs: the choices real publishers make differently. Drawn per unit (a unit's years
// look alike), except what varies from one document to the next.
import type { Random } from '../random';

export interface PdfStyle {
  /** 类/款/项 codes in separate cells (201 | 03 | 01), or joined in one (2010301). */
  splitCodes: boolean;
  /** 表10 with the items as rows (预算数 / 决算数 columns), or as columns with one data row (Shanghai's). */
  threeLayout: 'rows' | 'columns';
  /** "表3" on its own line above the title, before the title on its line, or not printed. */
  tableLabel: 'line' | 'prefix' | 'none';
  /** The header's 栏次 row (※ ※ 1 2 3). */
  columnNumbers: boolean;
  /** Body row height, pt: taller rows carry the long tables over more pages. */
  rowHeight: number;
  /** Table body font size, pt. */
  fontSize: number;
  /** Table title font size, pt. */
  titleSize: number;
  /** When a table ends with its 总计 row (表1, 表4), that row starts a new page (under a repeated header). */
  totalAlone: boolean;
}

/** The unit's style (from the unit's own stream). */
export function drawPdfStyle(random: Random): Omit<PdfStyle, 'totalAlone'> {
  return {
    splitCodes: random.chance(0.5),
    threeLayout: random.chance(0.35) ? 'columns' : 'rows',
    tableLabel: random.pick(['line', 'line', 'prefix', 'none'] as const),
    columnNumbers: random.chance(0.4),
    rowHeight: random.pick([15, 16, 18, 20, 22]),
    fontSize: random.pick([8, 8, 9]),
    titleSize: random.pick([16, 17, 18])
  };
}

/** The document's own draws on top of its unit's style. */
export function documentPdfStyle(unitStyle: Omit<PdfStyle, 'totalAlone'>, random: Random): PdfStyle {
  return { ...unitStyle, totalAlone: random.chance(0.3) };
}
