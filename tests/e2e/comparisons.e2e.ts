// Like-for-like comparisons (issue 11): a view that puts many documents' values on one axis shows one kind
// (预算 or 决算) at a time, budgets by default, and every change shows its base and where the base comes from.
// Checked in real Chromium against the built site, and against the same Parquet read in Node.
import { describe, expect, it } from 'vitest';
import { waitReady, screenshot } from './browser';
import { useSession } from './session';
import { column, shownTable } from './table';
import { queryData } from './data';

const ui = useSession();
const { open, baseUrl } = ui;

const table = (view: string) => shownTable(ui.page, view);

const ONE_KIND_VIEWS = ['ranking', 'trends', 'composition', 'staffing', 'percapita'];

describe('one kind on one axis', () => {
  it('no view’s default puts budgets and final accounts on one axis, and none offers a mixed choice', async () => {
    const kinds = await queryData(
      `SELECT DISTINCT kind FROM disclosures WHERE kind IS NOT NULL ORDER BY kind`
    );
    expect(kinds.map((k) => k.kind)).toEqual(['budget', 'final']);
    for (const view of ONE_KIND_VIEWS) {
      await open(`/${view}/`);
      const options = await ui.page.$$eval('[data-testid="filter-kind"] option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value)
      );
      expect(options, view).toEqual(['budget', 'final']);
      await expect(ui.page.inputValue('[data-testid="filter-kind"]'), view).resolves.toBe('budget');
      const t = await table(view);
      // a trends year without a value has no document (—); every value is a budget's
      const shown = column(t, '类型').filter((k) => k !== '—');
      expect(shown.length, view).toBeGreaterThan(0);
      expect(new Set(shown), view).toEqual(new Set(['预算']));
    }
  });

  it('choosing 决算 shows final accounts only, and the link carries it', async () => {
    await open('/ranking/');
    await ui.page.selectOption('[data-testid="filter-kind"]', 'final');
    await ui.page.waitForURL(/[?&]kind=final(&|$)/);
    await waitReady(ui.page);
    const t = await table('ranking');
    expect(new Set(column(t, '类型'))).toEqual(new Set(['决算']));
    const url = ui.page.url();
    await open(url.slice(baseUrl.length));
    expect(new Set(column(await table('ranking'), '类型'))).toEqual(new Set(['决算']));
  });

  it('trends mark the kind of every point, and the source of every point in the table', async () => {
    await open('/trends/?v=1&m=reception');
    const kinds = await ui.page.$$eval('[data-testid="chart-trends"] circle[data-unit-id]', (els) =>
      els.map((e) => e.getAttribute('data-kind'))
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['budget']));
    const t = await table('trends');
    const kindCol = column(t, '类型');
    const sourceCol = column(t, '数据来源');
    // a point with a value has its kind and its source; a year without one has neither
    t.rows.forEach((_, i) => {
      if (kindCol[i] === '—') expect(sourceCol[i]).toBe('—');
      else {
        expect(kindCol[i]).toBe('预算');
        expect(['本年文档', '次年文档所述上年数']).toContain(sourceCol[i]);
      }
    });
    expect(kindCol.filter((k) => k === '预算').length).toBeGreaterThan(0);
    expect(column(t, '口径').length).toBe(t.rows.length);
    expect(column(t, '来源').length).toBe(t.rows.length);
  });
});

describe('every change shows its base', () => {
  /** reception change on the like-for-like prior, computed in Node from the Parquet the site serves */
  async function expectedChanges(year: number, kind: string) {
    const rows = await queryData(
      `WITH d AS (
         SELECT * FROM disclosures WHERE year = $1 AND kind = $2 AND source_kind = 'synthetic'
       ),
       p AS (
         SELECT unit_id, scope, min(reception) AS r FROM disclosures
         WHERE year = $1 - 1 AND kind = $2 GROUP BY unit_id, scope
       )
       SELECT d.unit_id, d.reception AS own,
         CASE WHEN d.prev_basis IS NULL OR d.prev_basis = d.kind THEN d.prev_reception END AS stated, p.r AS before
       FROM d LEFT JOIN p ON p.unit_id = d.unit_id AND p.scope IS NOT DISTINCT FROM d.scope`,
      [year, kind]
    );
    const out = new Map<string, { base: number; source: string; change: number }>();
    for (const r of rows) {
      const stated = r.stated === null ? null : Number(r.stated);
      const before = r.before === null ? null : Number(r.before);
      const base = stated ?? before;
      if (r.own === null || base === null) continue;
      out.set(String(r.unit_id), {
        base,
        source: stated !== null ? '文档所述' : '取自上年文档',
        change: Number(r.own) - base
      });
    }
    return out;
  }

  for (const kind of ['budget', 'final'])
    it(`${kind}: each change is the value minus the base it shows, named stated or from the prior-year document`, async () => {
      const year = 2024;
      const expected = await expectedChanges(year, kind);
      expect(expected.size).toBeGreaterThan(kind === 'budget' ? 50 : 5);
      await open(`/ranking/?v=1&m=reception.chg&y=${year}&n=1000${kind === 'final' ? '&kind=final' : ''}`);
      const marks = await ui.page.$$eval('[data-testid="chart-ranking"] [data-unit-id][data-value]', (els) =>
        els.map((e) => [e.getAttribute('data-unit-id')!, Number(e.getAttribute('data-value'))] as const)
      );
      const t = await table('ranking');
      const ids = column(t, '单位编号');
      const bases = column(t, '上年同口径数（万元）');
      const sources = column(t, '上年数来源');
      let checked = 0;
      for (const [unit, value] of marks) {
        const e = expected.get(unit);
        if (!e) continue; // a published unit: not in the Node set above
        expect(value, unit).toBeCloseTo(e.change, 4);
        const i = ids.indexOf(unit);
        if (i < 0) continue; // beyond the rows the table shows
        expect(bases[i], unit).not.toBe('—');
        expect(Number(bases[i].replace(/,/g, '')), unit).toBeCloseTo(e.base, 2);
        expect(sources[i], unit).toBe(e.source);
        checked++;
      }
      expect(checked).toBeGreaterThan(kind === 'budget' ? 50 : 5);
      // every unit with a change is drawn, and no other
      expect(marks.filter(([u]) => expected.has(u)).length).toBe(expected.size);
      if (kind === 'budget') await screenshot(ui.page, 'ranking-change-base-table');
    });

  it('the demo city’s final accounts compare with last year’s final accounts, its budgets with budgets', async () => {
    const rows = await queryData(
      `SELECT kind, prev_basis, count(*) AS n FROM disclosures WHERE source_kind = 'synthetic'
       GROUP BY ALL ORDER BY ALL`
    );
    for (const r of rows) expect(r.prev_basis, String(r.kind)).toBe(r.kind);
    expect(rows.find((r) => r.kind === 'final')?.n).toBeGreaterThan(50);
  });
});
