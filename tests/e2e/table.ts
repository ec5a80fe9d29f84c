// A chart's table alternative as a reader sees it, read by the e2e tests.
import type { Page } from 'playwright-core';

export interface ShownTable {
  head: string[];
  rows: string[][];
}

/** The table of a view (shown first if the chart is), as header texts and rows of cell texts. */
export async function shownTable(page: Page, view: string): Promise<ShownTable> {
  if ((await page.locator(`[data-testid="table-${view}"]`).count()) === 0)
    await page.click('figure.chart [data-testid="toggle-table"]');
  return page.$eval(`[data-testid="table-${view}"]`, (t) => ({
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())
    )
  }));
}

/** The cells of the column headed `label`. */
export function column(t: ShownTable, label: string): string[] {
  const i = t.head.indexOf(label);
  if (i < 0) throw new Error(`no column ${label} in ${t.head.join(' | ')}`);
  return t.rows.map((r) => r[i]);
}
