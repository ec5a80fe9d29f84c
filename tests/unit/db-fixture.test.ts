// Query edge cases on a small hand-made SYNTHETIC dataset (tests/unit/helpers/db-fixture.ts) written as
// Parquet and read by DuckDB-WASM 1.28.0: a missing year, a zero headcount, a budget beside a final
// account, an outlier. The ingested corpus is tested in db-ingest.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { writeFixture } from './helpers/db-fixture';
import { openWasmDb } from './helpers/wasm-node';
import * as q from '../../src/lib/db/queries';
import type { Db, Facets } from '../../src/lib/db/queries';

let dir: string;
let db: Db;
let facets: Facets;
/** the ranking view's rows and spread, from its one query */
const ranking = async (p: q.RankingParams) => q.splitRanking(await db.query(q.rankingQuery(p, facets)));
const ranked = async (p: q.RankingParams) => (await ranking(p)).rows;
const spreadOf = async (p: q.RankingParams) => (await ranking(p)).spread;

beforeAll(async () => {
  dir = await writeFixture();
  db = await openWasmDb(dir);
  facets = await q.loadFacets(db);
});
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** quantile_cont's definition: linear interpolation between the order statistics. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]) - s[lo]);
}

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('facets', () => {
  it('lists what the data holds', () => {
    expect(facets.years).toEqual([2021, 2022, 2023]);
    expect(facets.kinds).toEqual(['budget', 'final']);
    expect(facets.levels).toEqual(['区县级', '市级']);
    expect(facets.sourceKinds).toEqual(['synthetic']);
    expect(facets.units).toHaveLength(6);
    const u2 = facets.units.find((u) => u.unit_id === 'u2')!;
    expect(u2).toMatchObject({ unit_name: '示例市公安局', first_year: 2021, last_year: 2023, docs: 4 });
    expect(facets.checks).toEqual(['narrative_change', 'staff_parts', 'three_public_parts']);
    expect(q.defaultYear(facets)).toBe(2023);
  });
});

describe('ranking', () => {
  it('ranks units by the metric in the latest year, the budget before a final account', async () => {
    const rows = await ranked({ metric: 'reception' });
    expect(rows.map((r) => [r.unit_id, r.value, r.rank])).toEqual([
      ['u6', 100, 1],
      ['u2', 19.75, 2],
      ['u1', 8, 3],
      ['u5', 6, 4],
      ['u3', 5, 5],
      ['u4', 3, 6]
    ]);
    expect(rows[1]).toMatchObject({ kind: 'budget', doc_id: 'u2-2023-budget', prev_value: 22, year: 2023 });
  });

  it('filters by kind, level, units, year; ascending', async () => {
    const finals = await ranked({ metric: 'reception', kind: 'final' });
    expect(finals.map((r) => [r.unit_id, r.value])).toEqual([['u2', 18.5]]);
    const county = await ranked({ metric: 'reception', levels: ['区县级'] });
    expect(county.map((r) => r.unit_id)).toEqual(['u4']);
    const two = await ranked({ metric: 'three_public_total', units: ['u3', 'u1'], year: 2021, order: 'asc' });
    expect(two.map((r) => [r.unit_id, r.value])).toEqual([['u1', 30]]);
  });

  it('binds every value, one placeholder per chosen unit, and drops ids the data does not hold', async () => {
    const query = q.rankingQuery(
      { metric: 'reception', units: ['u1', "u2' OR 1=1 --", 'u3', 'nope'], regions: ['示例市'] },
      facets
    );
    expect(query.sql).not.toContain('示例市');
    expect(query.sql).not.toContain('u1');
    expect(placeholders(query.sql)).toBe(query.params.length);
    // the view shows one kind: budgets unless asked
    expect(query.params).toEqual([2023, 'budget', '示例市', 'u1', 'u3', q.DEFAULT_ROW_LIMIT]);
    const { rows } = q.splitRanking(await db.query(query));
    expect(rows.map((r) => r.unit_id)).toEqual(['u1', 'u3']);
    expect(q.resolveFilters({ units: ['u1', 'nope'] }, facets).dropped).toEqual([
      { filter: 'units', value: 'nope' }
    ]);
  });

  it('a limit keeps the top rows; ranks count every unit', async () => {
    const asc = await ranked({ metric: 'reception', order: 'asc', limit: 2 });
    expect(asc.map((r) => [r.unit_id, r.rank])).toEqual([
      ['u4', 1],
      ['u3', 2]
    ]);
    expect(q.rankingQuery({ limit: 10 ** 9 }, facets).params.at(-1)).toBe(q.ROW_LIMIT_MAX);
  });

  it('a change metric: value minus the like-for-like prior year, with its base and where it comes from', async () => {
    const rows = await ranked({ metric: 'reception.chg' });
    // u1 and u2 state last year's figure; u3 does not, and its 2022 budget gives it
    expect(rows.map((r) => [r.unit_id, r.value, r.prev_value, r.prev_source])).toEqual([
      ['u3', 0, 5, 'prior_doc'],
      ['u1', -1, 9, 'stated'],
      ['u2', -2.25, 22, 'stated']
    ]);
    // every change is its value minus the base it shows
    const own = new Map((await ranked({ metric: 'reception' })).map((r) => [r.unit_id, r.value]));
    for (const r of rows) expect(r.value).toBeCloseTo(own.get(r.unit_id)! - r.prev_value!, 10);
    // u2's 2023 final account states last year's budget: no like-for-like base, so no change
    const finals = await ranked({ metric: 'reception.chg', kind: 'final' });
    expect(finals).toEqual([]);
    const finalValue = await ranked({ metric: 'reception', kind: 'final' });
    expect(finalValue.map((r) => [r.unit_id, r.prev_value, r.prev_source])).toEqual([['u2', null, null]]);
    const pct = await ranked({ metric: 'reception.pct' });
    expect(pct.find((r) => r.unit_id === 'u2')!.value).toBeCloseTo((-2.25 / 22) * 100, 10);
  });

  it('spread: quartiles as quantile_cont defines them, and the count of units without a value', async () => {
    const s = await spreadOf({ metric: 'reception' });
    const values = [100, 19.75, 8, 6, 5, 3];
    expect(s).toEqual({
      n: 6,
      missing: 0,
      min: 3,
      q1: quantile(values, 0.25),
      median: quantile(values, 0.5),
      q3: quantile(values, 0.75),
      max: 100
    });
    const staff = await spreadOf({ metric: 'staff_actual' });
    expect(staff).toMatchObject({ n: 4, missing: 2 });
  });

  it('a spread of no values, and no rows, when no unit states the figure', async () => {
    const none = q.splitRanking(await db.query(q.rankingQuery({ metric: 'fund_budget' }, facets)));
    expect(none.rows).toEqual([]);
    expect(none.spread).toEqual({ n: 0, missing: 6, min: null, q1: null, median: null, q3: null, max: null });
  });
});

describe('trends', () => {
  it("uses the next year's prior-year figure where a year's own document is missing, marked from_prev", async () => {
    const rows = await db.query<q.TrendRow>(q.trendsQuery({ metric: 'reception', units: ['u1'] }, facets));
    expect(rows.map((r) => [r.year, r.value, r.from_prev, r.doc_id])).toEqual([
      [2021, 10, false, 'u1-2021-budget'],
      [2022, 9, true, null],
      [2023, 8, false, 'u1-2023-budget']
    ]);
    expect(rows[1].next_doc_id).toBe('u1-2023-budget');
  });

  it('keeps the chosen units in their order, over the chosen span', async () => {
    const rows = await db.query<q.TrendRow>(
      q.trendsQuery({ metric: 'three_public_total', units: ['u3', 'u2'], from: 2022, to: 2023 }, facets)
    );
    expect(rows.map((r) => [r.unit_id, r.unit_order, r.year, r.value])).toEqual([
      ['u3', 0, 2022, 15],
      ['u3', 0, 2023, 14],
      ['u2', 1, 2022, 62],
      ['u2', 1, 2023, 47.35]
    ]);
  });

  it('without chosen units: the top units by their latest value', async () => {
    const rows = await db.query<q.TrendRow>(q.trendsQuery({ metric: 'reception', top: 2 }, facets));
    expect([...new Set(rows.map((r) => r.unit_id))]).toEqual(['u6', 'u2']);
    expect(rows.filter((r) => r.unit_id === 'u6').map((r) => r.value)).toEqual([null, null, 100]);
  });
});

describe('composition and staffing', () => {
  it('三公 parts per unit with the total; NULL parts stay NULL', async () => {
    const rows = await db.query<q.CompositionRow>(q.compositionQuery({ units: ['u1', 'u2'] }, facets));
    expect(rows.map((r) => r.unit_id)).toEqual(['u2', 'u1']);
    expect(rows[1]).toMatchObject({
      total: 25,
      overseas_travel: 0,
      vehicle_purchase: 0,
      vehicle_operation: 17,
      reception: 8,
      parts_sum: 25
    });
    expect(rows[0]).toMatchObject({
      total: 47.35,
      overseas_travel: null,
      reception: 19.75,
      parts_sum: 19.75
    });
    const split = await db.query<q.CompositionRow>(q.compositionQuery({ split: 'personnel_public' }, facets));
    expect(split).toEqual([
      expect.objectContaining({ unit_id: 'u1', total: 400, personnel_expense: 300, public_expense: 100 })
    ]);
  });

  it('staffing: 编制 / 实有 / 在职 with the spending metric', async () => {
    const rows = await db.query<q.StaffingRow>(q.staffingQuery({}, facets));
    const u2 = rows.find((r) => r.unit_id === 'u2')!;
    expect(u2).toMatchObject({ staff_authorized: 15, staff_actual: 15, staff_in_service: 11, spending: 900 });
    expect(rows.find((r) => r.unit_id === 'u5')).toBeUndefined(); // states no staff at all
  });
});

describe('per capita', () => {
  it('divides by 在职 by default; a zero or missing headcount is no value, never a division by zero', async () => {
    const rows = await db.query<q.PercapitaRow>(q.percapitaQuery({ metric: 'reception' }, facets));
    const byId = Object.fromEntries(rows.map((r) => [r.unit_id, r]));
    expect(Object.keys(byId).sort()).toEqual(['u1', 'u2', 'u3', 'u6']);
    expect(byId.u2).toMatchObject({ amount: 19.75, headcount: 11, value: 19.75 / 11 });
    const values = rows.map((r) => r.value);
    expect(byId.u2.peer_median).toBeCloseTo(quantile(values, 0.5), 12);
    expect(byId.u2.peer_n).toBe(4);
    const [spread] = await db.query<q.SpreadRow>(q.percapitaSpreadQuery({ metric: 'reception' }, facets));
    expect(spread).toMatchObject({ n: 4, missing: 2 }); // u4 (在职 0) and u5 (no headcount)
  });

  it('divides by the chosen headcount', async () => {
    const rows = await db.query<q.PercapitaRow>(
      q.percapitaQuery({ metric: 'reception', per: 'staff_actual' }, facets)
    );
    expect(rows.map((r) => [r.unit_id, r.value])).toEqual([
      ['u2', 19.75 / 15],
      ['u4', 3 / 4],
      ['u1', 8 / 12],
      ['u3', 5 / 31]
    ]);
  });

  it('peer spread per peer group', async () => {
    const rows = await db.query<q.PercapitaRow>(
      q.percapitaQuery({ metric: 'reception', per: 'staff_actual', peers: 'level' }, facets)
    );
    expect(rows.find((r) => r.unit_id === 'u4')).toMatchObject({ peer_n: 1, peer_median: 0.75 });
    expect(rows.find((r) => r.unit_id === 'u1')!.peer_n).toBe(3);
  });

  it('refuses a metric that is not an amount', () => {
    expect(() => q.percapitaQuery({ metric: 'staff_actual' }, facets)).toThrow(/amount/);
  });
});

describe('benchmark', () => {
  it('percentile of every figure among the peers, outliers by the IQR rule', async () => {
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: 'u6' }, facets)!);
    // the 23 figures, the 公开完整度 score (NULL in this hand-made data) and 10 amounts per head
    expect(rows).toHaveLength(24 + q.PER_HEAD_METRICS.length);
    expect(q.PER_HEAD_METRICS).toHaveLength(10);
    expect(rows.find((r) => r.metric === 'completeness')).toMatchObject({ value: null, n: 0 });
    const reception = rows.find((r) => r.metric === 'reception')!;
    // peers: same region (示例市) and level (市级), 2023 budgets: u1 8, u2 19.75, u3 5, u5 6, u6 100
    const values = [8, 19.75, 5, 6, 100];
    expect(reception).toMatchObject({
      value: 100,
      n: 5,
      percentile: 100,
      outlier: 'high',
      doc_id: 'u6-2023-budget'
    });
    expect(reception.q1).toBe(quantile(values, 0.25));
    expect(reception.q3).toBe(quantile(values, 0.75));
    const income = rows.find((r) => r.metric === 'total_income')!;
    expect(income).toMatchObject({ value: null, n: 0, percentile: null, outlier: null });
  });

  it('the unit at the bottom, and too few peers for outliers', async () => {
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: 'u3' }, facets)!);
    expect(rows.find((r) => r.metric === 'reception')).toMatchObject({
      value: 5,
      percentile: 0,
      outlier: null
    });
    const staff = rows.find((r) => r.metric === 'staff_actual')!;
    expect(staff).toMatchObject({ n: 3, outlier: null }); // u1 12, u2 15, u3 31: fewer than 4
    const peers = await db.query<q.BenchmarkPeerRow>(
      q.benchmarkPeersQuery({ unit: 'u3', peers: 'category' }, facets)!
    );
    expect(peers.map((p) => p.unit_id)).toEqual(['u3']);
  });

  it('an unknown unit gives no query', () => {
    expect(q.benchmarkQuery({ unit: "x' OR 1=1" }, facets)).toBeNull();
  });
});

describe('unit page', () => {
  it('lists the documents and rebuilds one', async () => {
    const docs = await db.query<q.UnitDocRow>(q.unitDocsQuery('u2'));
    expect(docs.map((d) => [d.year, d.kind, d.findings, d.errors])).toEqual([
      [2023, 'budget', 2, 1],
      [2023, 'final', 0, 0],
      [2022, 'budget', 0, 0],
      [2021, 'budget', 0, 0]
    ]);
    expect(q.pickDoc(docs)?.doc_id).toBe('u2-2023-budget');
    expect(q.pickDoc(docs, 2023, 'final')?.doc_id).toBe('u2-2023-final');
    expect(q.pickDoc(docs, 2021)?.doc_id).toBe('u2-2021-budget');
    const [d] = await db.query<q.DisclosureRow>(q.disclosureQuery('u2-2023-budget'));
    expect(d).toMatchObject({
      reception: 19.75,
      three_public_total: 47.35,
      published_on: '2023-02-06',
      total_income: null
    });
    const items = await db.query<q.LineItemRow>(q.lineItemsQuery('u2-2023-budget'));
    expect(q.groupByTable(items).map((g) => [g.table_no, g.items.length])).toEqual([
      [1, 1],
      [3, 1],
      [10, 1]
    ]);
    expect(items[2]).toMatchObject({ name: '公务接待费', amount: 19.75, source_line: 755 });
    const projects = await db.query<q.ProjectRow>(q.projectsQuery('u2-2023-budget'));
    expect(projects).toEqual([
      {
        doc_id: 'u2-2023-budget',
        name: '示例项目',
        code: null,
        amount: 12.5,
        has_targets: true,
        source_line: 900,
        source_page: null
      }
    ]);
    const findings = await db.query<q.FindingRow>(q.docFindingsQuery('u2-2023-budget'));
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('findings', () => {
  it('filters by severity, check, unit and year; pages; counts', async () => {
    const errors = await db.query<q.FindingListRow>(q.findingsQuery({ severities: ['error'] }, facets));
    expect(errors.map((f) => f.unit_id)).toEqual(['u2', 'u3']);
    expect(errors[0]).toMatchObject({ unit_name: '示例市公安局', year: 2023, source_lines: '755,1078' });
    const page2 = await db.query<q.FindingListRow>(q.findingsQuery({ pageSize: 1, page: 2 }, facets));
    expect(page2.map((f) => f.doc_id)).toEqual(['u3-2023-budget']);
    const byUnit = await db.query<q.FindingListRow>(
      q.findingsQuery({ units: ['u2'], checks: ['narrative_change'] }, facets)
    );
    expect(byUnit.map((f) => f.check)).toEqual(['narrative_change']);
    const [count] = await db.query<q.FindingsCountRow>(q.findingsCountQuery({ years: [2023] }, facets));
    expect(count).toEqual({ total: 3, errors: 2, warnings: 1, infos: 0 });
    const byCheck = await db.query<q.CheckCountRow>(q.findingsByCheckQuery({}, facets));
    expect(byCheck[0]).toEqual({ check: 'three_public_parts', severity: 'error', n: 2 });
  });
});
