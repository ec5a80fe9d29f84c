// The quality view as an oversight reader uses it: click a check's count to see that check alone, order the
// findings by amount, and find the same view again from its link.
import { describe, expect, it } from 'vitest';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { queryData } from './data';
import { CHECK_IDS, MONEY_CHECKS } from '../../src/lib/model';

const { page, baseUrl } = useSession();

/** The findings table's rows as [check label, difference] (the last column). */
async function findingRows(): Promise<{ check: string; gap: string }[]> {
  return page.$$eval('[data-testid="quality-findings"] tbody tr', (trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((x) => x.textContent?.trim() ?? '');
      return { check: td[3], gap: td[td.length - 1] };
    })
  );
}

const num = (t: string) => (t === '—' ? null : Number(t.replace(/,/g, '')));

describe('quality view', () => {
  it('filters by a clicked check count and orders by amount; the URL reproduces both', async () => {
    // the check that fires most often in the data, and how often, straight from the Parquet
    // (among the checks whose figures are money, so that the amount order applies)
    const money = MONEY_CHECKS(CHECK_IDS);
    const [top] = await queryData(
      `SELECT "check", count(*)::INTEGER AS n FROM findings WHERE list_contains($1::VARCHAR[], "check")
       GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1`,
      [`[${money.join(',')}]`]
    );
    const check = String(top.check);
    await page.goto(`${baseUrl}/quality/?v=1&lang=zh`);
    await waitReady(page);
    const link = page.locator(`[data-testid="quality-by-check"] a[href*="chk=${check}"]`).first();
    await link.click();
    await page.waitForURL((u) => u.searchParams.getAll('chk').join() === check);
    await waitReady(page);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="findings-count"]')?.textContent?.includes(`共 ${n} 条`),
      Number(top.n)
    );
    const label = await page.$eval(
      '[data-testid="quality-findings"] tbody tr td:nth-child(4)',
      (e) => e.textContent?.trim() ?? ''
    );
    expect(new Set((await findingRows()).map((r) => r.check))).toEqual(new Set([label]));

    // order by amount: the largest difference first, the URL says so
    await page.selectOption('[data-testid="findings-sort"]', 'amount');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'amount');
    await waitReady(page);
    const gaps = (await findingRows()).map((r) => num(r.gap)).filter((x): x is number => x !== null);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    // the largest difference of that check in the data heads the list
    const [max] = await queryData(
      `SELECT max(abs(coalesce(expected, 0) - coalesce(actual, 0))) AS m FROM findings WHERE "check" = $1`,
      [check]
    );
    expect(gaps[0]).toBeCloseTo(Number(max.m), 2);
    await screenshot(page, 'quality-check-by-amount');

    // the link alone brings the same view back
    const url = page.url();
    const before = await findingRows();
    await page.goto('about:blank');
    await page.goto(url);
    await waitReady(page);
    await page.waitForSelector('[data-testid="quality-findings"] tbody tr');
    expect(await findingRows()).toEqual(before);
    expect(await page.$eval('[data-testid="findings-sort"]', (e) => (e as HTMLSelectElement).value)).toBe(
      'amount'
    );
  });

  it('reports a check id that is not the audit’s and ignores it', async () => {
    await page.goto(`${baseUrl}/quality/?v=1&lang=en&chk=drop_table`);
    await waitReady(page);
    expect(await page.textContent('body')).toContain('drop_table');
    // every finding is listed, as without the filter
    const [all] = await queryData(`SELECT count(*)::INTEGER AS n FROM findings`);
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="findings-count"]')?.textContent?.startsWith(`${n} findings`),
      Number(all.n)
    );
  });
});
