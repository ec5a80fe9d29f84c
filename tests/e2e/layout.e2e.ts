// Phone and paper (issue 11): at 390×844 no view is wider than the screen, the ranking's names take at most
// about a third of the chart and its values are never cut, chips wrap, tables scroll sideways instead of
// wrapping a cell one character per line; printed, the controls are gone, the filters and the link are text
// and the chart is scaled to the page rather than clipped; each chart carries its title, filters, data date and
// synthetic note as an exported image does.
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { queryData, seedUnit } from './data';
import { useSession } from './session';
import { VIEWS } from '../../src/lib/state';
import { dataDateQuery, type DataDateRow } from '../../src/lib/db/facets';
import { dataDateText } from '../../src/lib/components/exportContext';
import { t } from '../../src/lib/i18n';

const s = useSession({ width: 390, height: 844 });
const open = s.open;
const { page } = s;

describe('a 390 px phone', () => {
  it.each(VIEWS)('%s is no wider than the screen (zh and en)', async (view) => {
    for (const lang of ['zh', 'en']) {
      await open(`/${view}/?v=1&lang=${lang}`);
      const w = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth
      ]);
      expect(w[0], `${view} ${lang}`).toBeLessThanOrEqual(w[1]);
    }
  });

  it("the ranking's names take at most ~⅓ of the chart, cut with the full name kept; every value is inside", async () => {
    await open('/ranking/?v=1&m=reception');
    const geo = await page.$eval('[data-testid="chart-ranking"]', (svg) => {
      const width = (svg as SVGSVGElement).width.baseVal.value;
      const rows = [...svg.querySelectorAll('g.rows > g')].map((g) => {
        const texts = g.querySelectorAll(':scope > text');
        const label = texts[0] as SVGTextElement;
        const value = texts[texts.length - 1] as SVGTextElement;
        const lb = label.getBBox();
        const vb = value.getBBox();
        return {
          labelLeft: lb.x,
          labelRight: lb.x + lb.width,
          // one line, or two smaller lines (tspans) for a long name
          shown: label.textContent ?? '',
          // the tooltip's first line is the whole name
          full: (label.getAttribute('data-tip') ?? '').split('\n')[0],
          valueRight: vb.x + vb.width
        };
      });
      return { width, rows };
    });
    expect(geo.rows.length).toBeGreaterThan(10);
    const labelColumn = Math.max(...geo.rows.map((r) => r.labelRight));
    expect(labelColumn).toBeLessThanOrEqual(geo.width * 0.4);
    for (const r of geo.rows) {
      expect(r.labelLeft).toBeGreaterThanOrEqual(0);
      expect(r.valueRight).toBeLessThanOrEqual(geo.width);
    }
    // a cut name ends in … and its tooltip holds the whole name
    // (names now wrap into two smaller lines: most are whole; a name longer than two lines is cut)
    const cut = geo.rows.filter((r) => r.shown.endsWith('…'));
    for (const r of geo.rows.filter((x) => !x.shown.endsWith('…')))
      expect(r.shown.startsWith(r.full)).toBe(true);
    // (the cut may fall inside the synthetic tag after the name)
    for (const r of cut) {
      const kept = r.shown.slice(0, -1);
      expect(r.full.startsWith(kept) || kept.startsWith(r.full)).toBe(true);
    }
    await screenshot(page, 'ranking-390');
  });

  it('chips of long names wrap inside the filters', async () => {
    const long = await queryData(
      `SELECT unit_id FROM units WHERE unit_name IS NOT NULL ORDER BY length(unit_name) DESC, unit_id LIMIT 3`
    );
    await open(`/trends/?v=1${long.map((r) => `&u=${r.unit_id}`).join('')}`);
    const box = await page.$eval('[data-testid="filters"]', (f) => f.getBoundingClientRect().right);
    const chips = await page.$$eval('[data-testid="unit-picker"] .chip', (cs) =>
      cs.map((c) => c.getBoundingClientRect().right)
    );
    expect(chips).toHaveLength(3);
    for (const r of chips) expect(r).toBeLessThanOrEqual(box);
  });

  it('a table scrolls sideways; its cells are not one character wide', async () => {
    const seed = await seedUnit();
    await open(`/unit/?v=1&unit=${seed.unit_id}`);
    const cells = await page.$$eval('table td:not(.num)', (tds) =>
      tds
        .filter((td) => (td.textContent ?? '').trim().length > 4)
        .map((td) => td.getBoundingClientRect().width / parseFloat(getComputedStyle(td).fontSize))
    );
    expect(cells.length).toBeGreaterThan(10);
    expect(Math.min(...cells)).toBeGreaterThanOrEqual(5);
    // the page itself does not scroll sideways: the tables do, inside their box
    const w = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth
    ]);
    expect(w[0]).toBeLessThanOrEqual(w[1]);
  });
});

describe('print', () => {
  it('hides the controls, prints the filters and the link as text, and scales the chart to the page', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open('/ranking/?v=1&m=reception&lang=zh');
    const shown = (sel: string) =>
      page.$$eval(
        sel,
        (els) =>
          els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).length
      );
    /** the chart's drawn width and its box's, with the page made narrower than the chart was drawn for (as on
     * paper, where no script redraws it) */
    const squeeze = () =>
      page.evaluate(() => {
        const main = document.querySelector('main') as HTMLElement;
        const svg = document.querySelector('[data-testid="chart-ranking"]') as SVGSVGElement;
        main.style.maxWidth = '600px';
        const drawn = svg.getBoundingClientRect().width;
        const box = (svg.parentElement as HTMLElement).getBoundingClientRect().width;
        main.style.maxWidth = '';
        return { drawn, box, attr: svg.width.baseVal.value };
      });

    // on screen: controls, and a chart wider than a narrow box (it scrolls)
    expect(await shown('button')).toBeGreaterThan(3);
    await expect(page.locator('[data-testid="print-info"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-testid="print-notes"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-testid="local-panel"]').isVisible()).resolves.toBe(true);
    const screen = await squeeze();
    expect(screen.drawn).toBeGreaterThan(screen.box);

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await shown('button')).toBe(0);
      expect(await shown('nav, input[type="search"]')).toBe(0);
      // the filters as text: each select shows its chosen value without a control's box or arrow
      const metric = page.locator('[data-testid="filter-metric"]');
      await expect(metric.isVisible()).resolves.toBe(true);
      await expect(metric.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0].text)).resolves.toBe(
        '公务接待费'
      );
      const look = await metric.evaluate((e) => {
        const st = getComputedStyle(e);
        return [st.appearance, st.borderTopStyle];
      });
      expect(look).toEqual(['none', 'none']);
      // which view, and the link that reproduces it
      const info = await page.locator('[data-testid="print-info"]').innerText();
      expect(info).toContain('排名');
      expect(info).toContain('m=reception');
      // the chart's title prints, with the filters and the data date in words and the synthetic note, as on an
      // exported image; the panel for adding documents is a control and does not
      await expect(page.locator('figure.chart figcaption .title').isVisible()).resolves.toBe(true);
      const [when] = await queryData(dataDateQuery().sql);
      const date = dataDateText('zh', when as unknown as DataDateRow);
      expect(date).toMatch(/^数据：20\d\d/);
      const notes = page.locator('figure.chart [data-testid="print-notes"]');
      await expect(notes.isVisible()).resolves.toBe(true);
      const printed = await notes.innerText();
      expect(printed).toContain(date);
      expect(printed).toContain('类型：预算');
      const synthetic = page.locator('figure.chart .synthetic-note');
      await expect(synthetic.isVisible()).resolves.toBe(true);
      await expect(synthetic.innerText()).resolves.toBe(t('zh', 'synthetic_chart_note'));
      await expect(page.locator('[data-testid="local-panel"]').isVisible()).resolves.toBe(false);
      const paper = await squeeze();
      expect(paper.attr).toBeGreaterThan(paper.box);
      expect(paper.drawn).toBeLessThanOrEqual(paper.box + 0.5);
      await page.screenshot({ path: 'test-results/screenshots/print-ranking.png' });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
