// The language is in the link (issue 11): `lang=en` opens the page in English, switching the language
// writes it into the URL (without a history entry), the tabs and a copied link carry it, filter changes
// keep it; English text uses Latin typography (no 万元/人/辆, no full-width brackets, commas or colons).
import { beforeAll, describe, expect, it } from 'vitest';
import { waitReady } from './browser';
import { queryData, seedUnit } from './data';
import { useSession } from './session';
import { VIEWS } from '../../src/lib/state';

const s = useSession();
const { page, open, baseUrl } = s;
/** every name the data holds (units, places, levels, categories): shown as written */
let names: string[] = [];
const lang = () => new URL(page.url()).searchParams.get('lang');

/** The page's own words: its text without the data's names (in <bdi>, in chart labels), the switch to 中文
 * and SVG tooltips (which name units). */
async function ownText(): Promise<string> {
  return page.evaluate((names: string[]) => {
    const skip = (el: Element | null): boolean =>
      !!el?.closest('bdi, script, style, title, [data-testid="lang-switch"], textarea, noscript');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      let text = n.textContent ?? '';
      // a cell that is only a unit of measure is the page's word, not the data's
      const unitWord = /^\s*(万元|人|辆|万元\/人)\s*$/.test(text) && !!el?.closest('td');
      if (!unitWord && (skip(el) || (el && getComputedStyle(el).display === 'none'))) continue;
      for (const name of names) if (name && text.includes(name)) text = text.split(name).join(' ');
      // a chart label cut to fit ("示例市临江区…") is a name too
      if (el?.closest('svg') && /…$/.test(text.trim())) {
        const cut = text.trim().slice(0, -1);
        if (names.some((nm) => nm.startsWith(cut))) text = '';
      }
      out.push(text);
    }
    return out.join('\n');
  }, names);
}

beforeAll(async () => {
  const rows = await queryData(`
    SELECT DISTINCT x FROM (
      SELECT unit_name AS x FROM units UNION ALL SELECT region FROM units UNION ALL SELECT level FROM units
      UNION ALL SELECT category FROM units UNION ALL SELECT unit_name FROM disclosures
      UNION ALL SELECT region FROM disclosures
    ) WHERE x IS NOT NULL`);
  // the longest first, so that a name is removed before any name it contains
  names = [...rows.map((r) => String(r.x)), '示例市'].sort((a, b) => b.length - a.length);
});

describe('lang in the link', () => {
  it('lang=en opens the page in English, and a filter change keeps it', async () => {
    await open('/ranking/?v=1&lang=en&m=reception');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.locator('figure.chart figcaption .title').innerText()).resolves.toMatch(
      /reception.* \(10k yuan\)$/i
    );
    await page.locator('[data-testid="filter-order"]').selectOption('asc');
    await page.waitForURL((u) => u.searchParams.get('ord') === 'asc');
    await waitReady(page);
    expect(lang()).toBe('en');
    // the tabs carry it
    const href = await page.getAttribute('[data-testid="tab-trends"]', 'href');
    expect(new URL(href!, baseUrl).searchParams.get('lang')).toBe('en');
  });

  it('an invalid lang is reported and ignored', async () => {
    await open('/ranking/?v=1&lang=zh');
    await open('/ranking/?v=1&lang=fr');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('zh-CN');
    await expect(page.locator('[data-testid="url-notice"]').innerText()).resolves.toContain('lang=fr');
  });

  it('switching the language writes it into the URL without a history entry; a reload keeps it', async () => {
    await open('/trends/?v=1&lang=zh');
    const before = await page.evaluate(() => history.length);
    await page.click('[data-testid="lang-switch"]');
    await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
    await waitReady(page);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.reload();
    await waitReady(page);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForURL((u) => u.searchParams.get('lang') === 'zh');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('zh-CN');
  });

  it('a link naming another language wins over the last choice; a link naming none gets the current one', async () => {
    await open('/ranking/?v=1&lang=en');
    // a link inside the page that names no language (the table's link to the unit page)
    const seed = await seedUnit();
    await open(`/unit/?v=1&unit=${seed.unit_id}`);
    await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await open(`/unit/?v=1&unit=${seed.unit_id}&lang=zh`);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('zh-CN');
  });

  it('the copied link names the language', async () => {
    await s.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await open('/ranking/?v=1&m=reception');
    await page.click('[data-testid="copy-link"]');
    const zh = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(zh.searchParams.get('lang')).toBe('zh');
    expect(zh.searchParams.get('m')).toBe('reception');
    await page.click('[data-testid="lang-switch"]');
    await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
    await page.click('[data-testid="copy-link"]');
    const en = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(en.searchParams.get('lang')).toBe('en');
    expect(en.pathname).toBe('/ranking/');
  });
});

describe('English typography', () => {
  // every view but the unit page, whose own test follows
  const views = VIEWS.filter((v) => v !== 'unit');
  it.each(views)('%s in English has no 万元/人/辆, Chinese words or full-width punctuation', async (view) => {
    await open(`/${view}/?v=1&lang=en`);
    const text = await ownText();
    const bad = text.match(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/g) ?? [];
    expect(bad).toEqual([]);
  });

  it('the unit page in English too (the document itself stays as written)', async () => {
    const seed = await seedUnit();
    await open(`/unit/?v=1&unit=${seed.unit_id}&lang=en`);
    const bad = (await ownText()).match(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/g) ?? [];
    expect(bad).toEqual([]);
  });

  it('the check can fail: the Chinese page has them', async () => {
    await open('/ranking/?v=1&lang=zh');
    expect(await ownText()).toMatch(/万元/);
  });
});
