// The view queries against Parquet written by the real ingest (src/cli/ingest.ts) from the real seed
// disclosure plus a generated SYNTHETIC city (src/cli/generate.ts), read by DuckDB-WASM 1.28.0 — the same
// engine, views and prepared statements as the browser. Expected values come from the seed itself and from
// the generator's truth files, or are recomputed in JS from the raw rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWasmDb } from './helpers/wasm-node';
import * as q from '../../src/lib/db/queries';
import type { Db, Facets } from '../../src/lib/db/queries';
import type { DisclosureRow } from '../../src/lib/model';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SEED_NAME = '克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）';

let work: string;
let db: Db;
let facets: Facets;
/** the ranking view's rows and spread, from its one query */
const ranking = async (p: q.RankingParams) => q.splitRanking(await db.query(q.rankingQuery(p, facets)));
const ranked = async (p: q.RankingParams) => (await ranking(p)).rows;
const spreadOf = async (p: q.RankingParams) => (await ranking(p)).spread;
let all: (DisclosureRow & { level: string | null; category: string | null })[];
let seedId: string;
/** the document removed before ingest, to make a gap in one unit's years */
let gap: { unit_name: string; year: number; nextPrev: number; truth: number };

interface Truth {
  file: string;
  unit_name: string;
  year: number;
  kind: 'budget' | 'final';
  figures: Record<string, number | null>;
  planted: unknown[];
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gongkai-dbingest-'));
  const gen = join(work, 'gen');
  const out = join(work, 'out');
  execFileSync(
    TSX,
    ['src/cli/generate.ts', '--out', gen, '--units', '60', '--years', '2019-2024', '--seed', '11'],
    {
      cwd: ROOT,
      stdio: 'pipe'
    }
  );
  // the truth files go beside the documents, not into the ingest (which names and skips what it cannot read)
  const truthDir = join(work, 'truth');
  mkdirSync(truthDir);
  for (const f of readdirSync(gen).filter((f) => f.endsWith('.truth.json')))
    renameSync(join(gen, f), join(truthDir, f));
  // remove one clean mid-series document whose successor states its figure, so the trend has a gap
  const truths: Truth[] = readdirSync(truthDir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(truthDir, f), 'utf8')));
  // the trends view shows budgets: the gap is a budget whose next year's budget states its figure
  const budgets = truths.filter((t) => t.kind === 'budget');
  const key = (t: Truth) => `${t.unit_name}|${t.year}`;
  const byKey = new Map(budgets.map((t) => [key(t), t]));
  const victim = budgets.find((t) => {
    const next = byKey.get(`${t.unit_name}|${t.year + 1}`);
    return (
      t.year === 2021 &&
      next &&
      t.planted.length === 0 &&
      next.planted.length === 0 &&
      t.figures.reception !== null &&
      next.figures.prev_reception !== null &&
      next.figures.prev_reception !== undefined
    );
  });
  if (!victim)
    throw new Error('generated corpus has no clean 2021 document with a next-year statement of it');
  const next = byKey.get(`${victim.unit_name}|${victim.year + 1}`)!;
  gap = {
    unit_name: victim.unit_name,
    year: victim.year,
    nextPrev: next.figures.prev_reception!,
    truth: victim.figures.reception!
  };
  unlinkSync(join(gen, victim.file));
  execFileSync(
    TSX,
    ['src/cli/ingest.ts', '--out', out, join(ROOT, 'data', 'disclosures', '000_f7859c67d4b429b5.txt'), gen],
    {
      cwd: ROOT,
      stdio: 'pipe'
    }
  );
  db = await openWasmDb(out);
  facets = await q.loadFacets(db);
  all = await db.query({
    sql: 'SELECT d.*, u.level, u.category FROM disclosures d LEFT JOIN units u USING (unit_id) ORDER BY d.doc_id',
    params: []
  });
  seedId = facets.units.find((u) => u.unit_name === SEED_NAME)!.unit_id;
}, 180_000);

afterAll(async () => {
  await db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** One document per unit-year as the views pick it: the budget before a final account. */
function picked(rows: typeof all) {
  const best = new Map<string, (typeof all)[number]>();
  for (const r of rows) {
    const k = `${r.unit_id}|${r.year}`;
    const cur = best.get(k);
    const rank = (x: typeof r) => `${x.kind === 'budget' ? 0 : 1}|${x.doc_id}`;
    if (!cur || rank(r) < rank(cur)) best.set(k, r);
  }
  return [...best.values()];
}

/** A figure's like-for-like prior: the document's own statement when it is of the document's kind (or says
 * no kind), else the figure of the unit's document of the same kind and scope a year before. */
function likePrior(r: (typeof all)[number], figure: string): number | null {
  const rec = r as unknown as Record<string, number | null>;
  const stated = rec[`prev_${figure}`];
  if (stated !== null && (r.prev_basis === null || r.prev_basis === r.kind)) return stated;
  const before = all
    .filter(
      (x) => x.unit_id === r.unit_id && x.year === r.year! - 1 && x.kind === r.kind && x.scope === r.scope
    )
    .map((x) => (x as unknown as Record<string, number | null>)[figure])
    .filter((v): v is number => v !== null);
  return before.length ? Math.min(...before) : null;
}

function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]) - s[lo]);
}

describe('facets of the ingested data', () => {
  it('hold the seed (published) and the synthetic city', () => {
    expect(facets.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(facets.sourceKinds).toEqual(['published', 'synthetic']);
    expect(facets.units.length).toBe(61);
    const seed = facets.units.find((u) => u.unit_id === seedId)!;
    expect(seed).toMatchObject({ source_kind: 'published', first_year: 2023, last_year: 2023, docs: 1 });
    for (const u of facets.units.filter((x) => x.source_kind === 'synthetic'))
      expect(u.unit_name).toMatch(/^示例市/);
  });

  it("the manifest's facets are what the queries find, so the browser skips the facet query", async () => {
    const manifest = JSON.parse(readFileSync(join(work, 'out', 'manifest.json'), 'utf8'));
    const fromManifest = q.manifestFacets(manifest);
    const { units, ...queried } = facets;
    expect(fromManifest).toEqual(queried);
    expect(queried.checks.length).toBeGreaterThan(0);
    expect(queried.regions.length).toBeGreaterThan(1);
    expect(await q.loadFacets(db, fromManifest)).toEqual({ ...queried, units });
    expect(q.manifestFacets({ ...manifest, checks: undefined })).toBeNull();
    const perUnitYear = new Map<string, number>();
    for (const r of all)
      perUnitYear.set(`${r.unit_id}|${r.year}`, (perUnitYear.get(`${r.unit_id}|${r.year}`) ?? 0) + 1);
    expect(manifest.unit_years_with_several_documents).toBe(
      [...perUnitYear.values()].filter((n) => n > 1).length
    );
  });
});

describe('ranking on the ingested data', () => {
  it("shows the seed's 公务接待费 as 19.75 and 三公 as 47.35 in 2023", async () => {
    const rows = await ranked({ year: 2023, metric: 'reception' });
    const seed = rows.find((r) => r.unit_id === seedId)!;
    expect(seed).toMatchObject({
      unit_name: SEED_NAME,
      value: 19.75,
      kind: 'budget',
      source_kind: 'published'
    });
    const tp = await ranked({ year: 2023, sources: ['published'] });
    expect(tp.map((r) => [r.unit_id, r.value])).toEqual([[seedId, 47.35]]);
  });

  it('equals the ranking recomputed from the raw rows, for every metric family and filter', async () => {
    const cases: q.RankingParams[] = [
      { year: 2023, metric: 'reception' },
      {
        year: 2020,
        metric: 'staff_in_service',
        levels: ['区县级']
      },
      { year: 2024, metric: 'three_public_total', kind: 'final' },
      { year: 2022, metric: 'vehicle_operation.chg', levels: ['市级'] },
      { year: 2023, metric: 'reception.chg', kind: 'final' },
      { year: 2023, metric: 'public_expense', order: 'asc', sources: ['synthetic'] }
    ];
    for (const c of cases) {
      const rows = await ranked(c);
      const m = q.metricOf(c.metric!);
      const expected = picked(
        all.filter(
          (r) =>
            r.year === c.year &&
            // one kind at a time: budgets unless asked
            r.kind === (c.kind ?? 'budget') &&
            (!c.levels || c.levels.includes(r.level!)) &&
            (!c.categories || c.categories.includes(r.category!)) &&
            (!c.sources || c.sources.includes(r.source_kind))
        )
      )
        .map((r) => {
          const own = r[m.figure] as number | null;
          const prev = likePrior(r, m.figure);
          const value = m.measure === 'value' ? own : own === null || prev === null ? null : own - prev;
          return { unit_id: r.unit_id, value };
        })
        .filter((r) => r.value !== null);
      const dir = c.order === 'asc' ? 1 : -1;
      expect(rows.length, JSON.stringify(c)).toBe(expected.length);
      expect(rows.length, JSON.stringify(c)).toBeGreaterThan(0);
      expect(rows.map((r) => r.value)).toEqual(
        [...expected.map((e) => e.value!)].sort((a, b) => dir * (a - b))
      );
      for (const r of rows) {
        const e = expected.find((x) => x.unit_id === r.unit_id)!;
        expect(r.value).toBeCloseTo(e.value!, 9);
      }
      const spread = await spreadOf(c);
      const vals = expected.map((e) => e.value!);
      expect(spread.n).toBe(vals.length);
      expect(spread.median).toBeCloseTo(quantile(vals, 0.5), 9);
      expect(spread.q1).toBeCloseTo(quantile(vals, 0.25), 9);
      expect(spread.q3).toBeCloseTo(quantile(vals, 0.75), 9);
    }
  });
});

describe('trends on the ingested data', () => {
  it("fills a missing year's document from the next year's prior-year statement, marked from_prev", async () => {
    const unit = facets.units.find((u) => u.unit_name === gap.unit_name)!;
    const rows = await db.query<q.TrendRow>(
      q.trendsQuery({ metric: 'reception', units: [unit.unit_id] }, facets)
    );
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const hole = rows.find((r) => r.year === gap.year)!;
    expect(hole).toMatchObject({ doc_id: null, from_prev: true, value: gap.nextPrev });
    expect(hole.value).toBe(gap.truth); // the generator kept the narrative consistent with last year's figure
    for (const r of rows.filter((x) => x.year !== gap.year)) {
      const own = all.find((d) => d.unit_id === unit.unit_id && d.year === r.year)!;
      expect(r).toMatchObject({ from_prev: false, value: own.reception, doc_id: own.doc_id });
    }
  });

  it('by default shows the top units by their latest value', async () => {
    const rows = await db.query<q.TrendRow>(q.trendsQuery({ metric: 'three_public_total', top: 3 }, facets));
    const ids = [...new Set(rows.map((r) => r.unit_id))];
    expect(ids).toHaveLength(3);
    const latest = picked(all.filter((r) => r.year === 2024 && r.three_public_total !== null)).sort(
      (a, b) => b.three_public_total! - a.three_public_total!
    );
    expect(ids).toEqual(latest.slice(0, 3).map((r) => r.unit_id));
  });
});

describe('per capita on the ingested data', () => {
  it("divides the seed's 公务接待费 by its 11 staff in service, and by the other headcounts", async () => {
    const [inService] = await db.query<q.PercapitaRow>(
      q.percapitaQuery({ year: 2023, metric: 'reception', units: [seedId] }, facets)
    );
    expect(inService).toMatchObject({ amount: 19.75, headcount: 11, value: 19.75 / 11 });
    const seed = all.find((r) => r.unit_id === seedId)!;
    for (const per of ['staff_actual', 'staff_authorized'] as const) {
      const [r] = await db.query<q.PercapitaRow>(
        q.percapitaQuery({ year: 2023, metric: 'reception', units: [seedId], per }, facets)
      );
      expect(r.headcount).toBe(seed[per]);
      expect(r.value).toBeCloseTo(19.75 / seed[per]!, 12);
    }
  });

  it('every row is amount / headcount; each peer group’s quartiles match a JS recomputation, first rows or all', async () => {
    for (const peers of q.PEER_GROUPS) {
      const p = { year: 2022, metric: 'personnel_expense', peers, limit: 1000 } as const;
      const rows = await db.query<q.PercapitaRow>(q.percapitaQuery(p, facets));
      expect(rows.length).toBeGreaterThan(10);
      // a peer group is the units sharing its columns, NULL being a value of its own
      const key = (r: q.PercapitaRow) => q.PEER_COLUMNS[peers].map((c) => String(r[c as 'level'])).join('|');
      for (const r of rows) {
        expect(r.value).toBeCloseTo(r.amount / r.headcount, 12);
        const group = rows.filter((x) => key(x) === key(r)).map((x) => x.value);
        expect(r.peer_n, peers).toBe(group.length);
        expect(r.peer_q1).toBeCloseTo(quantile(group, 0.25), 9);
        expect(r.peer_median).toBeCloseTo(quantile(group, 0.5), 9);
        expect(r.peer_q3).toBeCloseTo(quantile(group, 0.75), 9);
      }
      if (peers === 'category') expect(rows.some((r) => r.category === null)).toBe(true);
      const first = await db.query<q.PercapitaRow>(q.percapitaQuery({ ...p, limit: 50 }, facets));
      expect(first).toEqual(rows.slice(0, 50));
    }
  });
});

describe('composition and staffing on the ingested data', () => {
  it("the seed's 三公 parts and its staffing", async () => {
    const [c] = await db.query<q.CompositionRow>(q.compositionQuery({ year: 2023, units: [seedId] }, facets));
    expect(c.total).toBe(47.35);
    expect(c.reception).toBe(19.75);
    const seed = all.find((r) => r.unit_id === seedId)!;
    for (const p of q.SPLITS.three_public.parts) expect(c[p]).toBe(seed[p]);
    const [s] = await db.query<q.StaffingRow>(q.staffingQuery({ year: 2023, units: [seedId] }, facets));
    expect(s).toMatchObject({
      staff_in_service: 11,
      staff_actual: seed.staff_actual,
      spending: seed.total_expenditure
    });
  });
});

describe('benchmark on the ingested data', () => {
  it("a synthetic unit's percentile and quartiles among its region+level peers", async () => {
    const target = picked(all).find(
      (r) => r.year === 2024 && r.level === '市级' && r.source_kind === 'synthetic'
    )!;
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: target.unit_id }, facets)!);
    // every value metric, then the amounts per head of staff
    expect(rows).toHaveLength(
      q.METRICS.filter((m) => m.measure === 'value').length + q.PER_HEAD_METRICS.length
    );
    const peers = picked(all).filter(
      (r) =>
        r.year === 2024 && r.kind === target.kind && r.region === target.region && r.level === target.level
    );
    for (const metric of ['reception', 'staff_in_service', 'total_expenditure'] as const) {
      const row = rows.find((r) => r.metric === metric)!;
      const vals = peers.map((p) => p[metric]).filter((v): v is number => v !== null);
      const below = vals.filter((v) => v < target[metric]!).length;
      expect(row.value).toBe(target[metric]);
      expect(row.n).toBe(vals.length);
      expect(row.percentile).toBeCloseTo((below / (vals.length - 1)) * 100, 9);
      expect(row.median).toBeCloseTo(quantile(vals, 0.5), 9);
      const [q1, q3] = [quantile(vals, 0.25), quantile(vals, 0.75)];
      const out =
        target[metric]! > q3 + 1.5 * (q3 - q1)
          ? 'high'
          : target[metric]! < q1 - 1.5 * (q3 - q1)
            ? 'low'
            : null;
      expect(row.outlier).toBe(out);
    }
  });
});

describe('unit page on the ingested data', () => {
  it('rebuilds the seed: its document, the tables 1–10 as line items, projects and findings', async () => {
    const docs = await db.query<q.UnitDocRow>(q.unitDocsQuery(seedId));
    expect(docs).toHaveLength(1);
    const doc = q.pickDoc(docs)!;
    expect(doc).toMatchObject({
      year: 2023,
      kind: 'budget',
      source_kind: 'published',
      published_on: '2023-02-06'
    });
    const [d] = await db.query<q.DisclosureRow>(q.disclosureQuery(doc.doc_id));
    expect(d).toMatchObject({
      unit_name: SEED_NAME,
      reception: 19.75,
      three_public_total: 47.35,
      staff_in_service: 11
    });
    const items = await db.query<q.LineItemRow>(q.lineItemsQuery(doc.doc_id));
    const tables = q.groupByTable(items).map((g) => g.table_no);
    expect(tables).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 10]));
    expect(items.every((i) => Number.isInteger(i.source_line) && i.source_line > 0)).toBe(true);
    const reception = items.find((i) => i.table_no === 10 && i.amount === 19.75);
    expect(reception).toBeDefined();
    const projects = await db.query<q.ProjectRow>(q.projectsQuery(doc.doc_id));
    expect(projects.length).toBeGreaterThan(0);
    const findings = await db.query<q.FindingRow>(q.docFindingsQuery(doc.doc_id));
    expect(findings.length).toBe(doc.findings);
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('findings on the ingested data', () => {
  it('pages through every finding exactly once; counts agree', async () => {
    const [count] = await db.query<q.FindingsCountRow>(q.findingsCountQuery({}, facets));
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM findings', params: [] });
    expect(count.total).toBe(n);
    expect(count.errors + count.warnings + count.infos).toBe(n);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(n / 5) + 1; page++) {
      const rows = await db.query<q.FindingListRow>(q.findingsQuery({ page, pageSize: 5 }, facets));
      seen.push(...rows.map((r) => JSON.stringify([r.doc_id, r.check, r.source_lines, r.message_en])));
    }
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    const seedOnly = await db.query<q.FindingListRow>(q.findingsQuery({ units: [seedId] }, facets));
    expect(seedOnly.length).toBeGreaterThan(0);
    expect(seedOnly.every((f) => f.unit_name === SEED_NAME && f.source_kind === 'published')).toBe(true);
  });
});

describe('budget execution on the ingested data', () => {
  type Raw = Record<string, unknown>;
  /** The execution rows recomputed from the raw rows: one 决算 per unit (the smaller doc_id), its budget from the
   * unit's budget document of that year and scope, else from the 决算's own initial_<figure>. */
  function expectedExecution(year: number, figure: string) {
    const finals = new Map<string, (typeof all)[number]>();
    for (const r of all.filter((x) => x.year === year && x.kind === 'final')) {
      const cur = finals.get(r.unit_id);
      if (!cur || r.doc_id < cur.doc_id) finals.set(r.unit_id, r);
    }
    return [...finals.values()].map((f) => {
      const fromBudget = all
        .filter(
          (b) => b.unit_id === f.unit_id && b.year === year && b.kind === 'budget' && b.scope === f.scope
        )
        .map((b) => (b as unknown as Raw)[figure] as number | null)
        .filter((v): v is number => v !== null);
      const stated = (f as unknown as Raw)[`initial_${figure}`] as number | null;
      const budget = fromBudget.length ? Math.min(...fromBudget) : stated;
      const actual = (f as unknown as Raw)[figure] as number | null;
      return {
        unit_id: f.unit_id,
        unit_name: f.unit_name ?? '',
        rate: budget !== null && budget > 0 && actual !== null ? (actual / budget) * 100 : null,
        source: fromBudget.length ? 'budget_doc' : stated !== null ? 'final_doc' : null
      };
    });
  }

  it('ranks the units with a 决算 by the execution rate, as recomputed from the raw rows', async () => {
    const sources = new Set<string>();
    const cases: q.ExecutionParams[] = [
      { year: 2023 },
      { year: 2022, metric: 'total_expenditure', order: 'asc' },
      { year: 2024, metric: 'reception', levels: ['市级'] },
      { year: 2021, metric: 'basic_expenditure' },
      { year: 2020, metric: 'general_budget', order: 'asc' }
    ];
    for (const c of cases) {
      const query = q.executionQuery(c, facets);
      expect((query.sql.match(/\?/g) ?? []).length).toBe(query.params.length);
      const { rows, spread } = q.splitSpread<q.ExecutionRow>(await db.query(query));
      const figure = c.metric ?? 'three_public_total';
      const level = new Map(all.map((r) => [r.unit_id, r.level]));
      const expected = expectedExecution(c.year!, figure)
        .filter((e) => !c.levels || c.levels.includes(level.get(e.unit_id)!))
        .filter((e) => e.rate !== null);
      const dir = c.order === 'asc' ? 1 : -1;
      expected.sort(
        (a, b) =>
          dir * (a.rate! - b.rate!) ||
          (a.unit_name < b.unit_name ? -1 : a.unit_name > b.unit_name ? 1 : 0) ||
          (a.unit_id < b.unit_id ? -1 : 1)
      );
      expect(rows.length, JSON.stringify(c)).toBeGreaterThan(0);
      expect(spread.n).toBe(expected.length);
      expect(rows.map((r) => r.unit_id)).toEqual(expected.map((e) => e.unit_id));
      rows.forEach((r, i) => {
        expect(r.value).toBeCloseTo(expected[i].rate!, 9);
        expect(r[`${figure as q.ExecutionFigure}_source`]).toBe(expected[i].source);
        expect(r.kind).toBe('final');
        sources.add(String(expected[i].source));
      });
    }
    // where the budget document is missing, the 决算's own statement of its 年初预算 stands in (marked)
    expect([...sources].sort()).toEqual(['budget_doc', 'final_doc']);
  });

  it('a unit-year whose budget no document states has no rate (never a guess)', async () => {
    const { rows, spread } = q.splitSpread<q.ExecutionRow>(
      await db.query(q.executionQuery({ year: 2023, metric: 'vehicle_purchase' }, facets))
    );
    const none = expectedExecution(2023, 'vehicle_purchase').filter((e) => e.rate === null);
    expect(spread.missing).toBe(none.length);
    for (const r of rows) expect(none.some((e) => e.unit_id === r.unit_id)).toBe(false);
  });
});
