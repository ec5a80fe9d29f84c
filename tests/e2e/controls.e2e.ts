// Keyboard and pointer use of the controls (issue 11): the unit search is an ARIA combobox, the filter
// dropdowns close as menus do, and browsing a select with the arrow keys makes one history entry, not one
// per press, while a deliberate change still makes a back-button entry.
import { describe, expect, it } from 'vitest';
import { waitReady } from './browser';
import { useSession } from './session';

const s = useSession();
const open = s.open;
const { page } = s;
const param = (key: string) => new URL(page.url()).searchParams.getAll(key);
const search = '[data-testid="filters"] [data-testid="unit-search"]';

describe('unit search (combobox)', () => {
  it('is a combobox that owns a listbox of options', async () => {
    await open('/trends/?v=1');
    const input = page.locator(search);
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    const list = await input.getAttribute('aria-controls');
    expect(list).toBeTruthy();
    await input.focus();
    await page.keyboard.type('示例市');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const options = page.locator(`#${list} [role="option"]`);
    expect(await options.count()).toBeGreaterThan(2);
    await expect(page.locator(`#${list}`).getAttribute('role')).resolves.toBe('listbox');
  });

  it('Enter picks nothing until a match is highlighted; the arrows move through the matches', async () => {
    const input = page.locator(search);
    const list = (await input.getAttribute('aria-controls'))!;
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(param('u')).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    const ids = await page.$$eval(`#${list} [role="option"]`, (els) => els.map((e) => e.id));
    expect(active).toBe(ids[1]);
    await expect(page.locator(`#${active}`).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator(`#${ids[0]}`).getAttribute('aria-selected')).resolves.toBe('false');
    await page.keyboard.press('ArrowUp');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    const picked = await page.locator(`#${ids[1]}`).getAttribute('data-unit-id');

    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.getAll('u').length === 1);
    await waitReady(page);
    expect(param('u')).toEqual([picked]);
    await expect(
      page.locator(`[data-testid="unit-picker"] .chip[data-unit-id="${picked}"]`).count()
    ).resolves.toBe(1);
  });

  it('typing again reopens the list for a second pick without refocusing; Escape closes it', async () => {
    const input = page.locator(search);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'unit-search'
    );
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.type('示例市');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    // the unit already chosen is not offered again
    const list = (await input.getAttribute('aria-controls'))!;
    const offered = await page.$$eval(`#${list} [role="option"]`, (els) =>
      els.map((e) => e.getAttribute('data-unit-id'))
    );
    expect(offered).not.toContain(param('u')[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeNull();
    await expect(page.locator(`#${list}`).isVisible()).resolves.toBe(false);
    // a second Escape clears the text; Enter on a closed list picks nothing
    await page.keyboard.press('Escape');
    await expect(input.inputValue()).resolves.toBe('');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(param('u')).toHaveLength(1);
    // a second pick by arrow and Enter
    await page.keyboard.type('示例市');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.getAll('u').length === 2);
    await waitReady(page);
  });
});

describe('filter dropdowns', () => {
  it('close on a click outside and on Escape', async () => {
    await open('/ranking/?v=1');
    const region = page.locator('[data-testid="filter-region"]');
    const isOpen = () => region.evaluate((d) => (d as HTMLDetailsElement).open);
    await region.locator('summary').click();
    await expect(isOpen()).resolves.toBe(true);
    await page.locator('figure.chart').click({ position: { x: 5, y: 5 } });
    await expect(isOpen()).resolves.toBe(false);

    await region.locator('summary').click();
    await expect(isOpen()).resolves.toBe(true);
    // a click inside the menu keeps it open
    await region.locator('.menu label').first().click();
    await page.waitForURL((u) => u.searchParams.getAll('reg').length === 1);
    await waitReady(page);
    await expect(isOpen()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(isOpen()).resolves.toBe(false);
    // the focus returns to the dropdown's summary
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
  });
});

describe('history', () => {
  it('arrow keys in a select replace the entry their run made; a deliberate change pushes one', async () => {
    await open('/ranking/?v=1');
    const start = page.url();
    const length = () => page.evaluate(() => history.length);
    const before = await length();
    const year = page.locator('[data-testid="filter-year"]');
    const y0 = Number(await year.inputValue());
    await year.focus();
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('ArrowUp');
      await page.waitForURL((u) => u.searchParams.get('y') === String(y0 - i));
      await waitReady(page);
    }
    expect(await length()).toBe(before + 1);

    // a pick (no key held) is deliberate: one more entry
    await page.locator('[data-testid="filter-metric"]').selectOption('reception');
    await page.waitForURL((u) => u.searchParams.get('m') === 'reception');
    await waitReady(page);
    expect(await length()).toBe(before + 2);

    await page.goBack();
    await waitReady(page);
    expect(param('m')).toEqual([]);
    expect(param('y')).toEqual([String(y0 - 3)]);
    await page.goBack();
    await waitReady(page);
    expect(page.url()).toBe(start);
  });
});
