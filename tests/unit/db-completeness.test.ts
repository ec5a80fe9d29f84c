// 公开完整度 in the queries, on Parquet written by the real ingest CLI and read by DuckDB-WASM 1.28.0: the ranking
// by completeness (a score in 分, no prior year), and a unit page's items present and missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../../src/lib/db/queries';
import type { Db, Facets } from '../../src/lib/db/queries';
import { COMPLETENESS_ITEM_IDS, type DisclosureRow } from '../../src/lib/model';
import { openWasmDb } from './helpers/wasm-node';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const NINE = readFileSync(join(ROOT, 'tests/fixtures/completeness-9tables-2025.txt'), 'utf8');
const NAME = '示例市样例区测绘服务中心';
// the same fixture as another fictional unit, without its 名词解释 and its 国有资产 paragraph
const OTHER = '示例市样例区档案服务中心';
const lacking = NINE.replaceAll(NAME, OTHER)
  .replace(/名词解释\n\(一\)[\s\S]*?(?=2025年部门预算编制说明)/, '')
  .replace(/五、国有资产占有使用情况\n.*\n/, '');

let work: string;
let db: Db;
let facets: Facets;
const unitIdOf = (name: string) => facets.units.find((u) => u.unit_name === name)!.unit_id;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gongkai-dbcomplete-'));
  const docs = join(work, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'nine.txt'), NINE);
  writeFileSync(join(docs, 'lacking.txt'), lacking);
  const out = join(work, 'out');
  execFileSync(
    TSX,
    [
      'src/cli/ingest.ts',
      '--quiet',
      '--out',
      out,
      docs,
      join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt'),
      join(ROOT, 'data/disclosures/shanghai/putuo-finance-2024-dept-final.pdf'),
      join(ROOT, 'data/disclosures/shanghai/putuo-social-work-2024-dept-final.pdf'),
      join(ROOT, 'data/disclosures/shanghai/putuo-commerce-2025-dept-budget.pdf')
    ],
    { cwd: ROOT, stdio: 'pipe' }
  );
  db = await openWasmDb(out);
  facets = await q.loadFacets(db);
}, 180_000);

afterAll(async () => {
  await db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const ranking = async (p: q.RankingParams) => q.splitRanking(await db.query(q.rankingQuery(p, facets)));

describe('completeness as a ranking metric', () => {
  it('is offered among the metrics as a score in 分, not an amount, with no prior-year value', () => {
    const m = q.metricOf('completeness');
    expect(m).toMatchObject({ unit: '分', measure: 'value', group: 'disclosure', zh: '公开完整度' });
    expect(q.isMetricId('completeness')).toBe(true);
    expect(q.AMOUNT_METRICS.some((x) => x.id === 'completeness')).toBe(false);
    expect(q.hasPrevValue('completeness')).toBe(false);
    expect(q.hasPrevValue('reception')).toBe(true);
    expect(q.metricSql('completeness')).toBe('CAST(d."completeness" AS DOUBLE)');
    expect(q.prevMetricSql('completeness')).toBe('CAST(NULL AS DOUBLE)');
  });

  it('ranks 2025’s units by completeness, highest first, and lowest first when asked', async () => {
    const { rows, spread } = await ranking({ year: 2025, metric: 'completeness' });
    expect(rows.map((r) => [r.unit_name, r.value, r.rank, r.prev_value])).toEqual([
      ['上海市普陀区商务委员会', 100, 1, null],
      [NAME, 100, 1, null],
      [OTHER, 90, 3, null]
    ]);
    expect(spread).toMatchObject({ n: 3, missing: 0, min: 90, max: 100, median: 100 });
    const asc = await ranking({ year: 2025, metric: 'completeness', order: 'asc' });
    expect(asc.rows[0]).toMatchObject({ unit_name: OTHER, value: 90, rank: 1 });
  });

  it('2024: the 决算 that does not explain its 三公 change ranks below the complete one', async () => {
    // the ranking shows one kind at a time (budgets unless asked): these two are final accounts
    const { rows } = await ranking({ year: 2024, metric: 'completeness', kind: 'final' });
    expect(rows.map((r) => [r.unit_name, r.value])).toEqual([
      ['上海市普陀区财政局', 100],
      ['中共上海市普陀区委社会工作部', 95]
    ]);
  });

  it('binds the filter values: the SQL holds no year, unit or limit of its own', () => {
    const query = q.rankingQuery({ year: 2025, metric: 'completeness', units: [unitIdOf(OTHER)] }, facets);
    expect(query.sql).not.toContain('2025');
    expect(query.sql).not.toContain(unitIdOf(OTHER));
    expect(query.params).toContain(2025);
    expect(query.params).toContain(unitIdOf(OTHER));
  });
});

describe('completeness in the benchmark', () => {
  it('gives a unit’s score and its percentile among its peers, whole points', async () => {
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: unitIdOf(OTHER) }, facets)!);
    // every value metric, then the amounts per head of staff
    expect(rows.map((r) => r.metric)).toEqual([
      ...q.METRICS.filter((m) => m.measure === 'value').map((m) => m.id),
      ...q.PER_HEAD_METRICS
    ]);
    const c = rows.find((r) => r.metric === 'completeness')!;
    // its one peer of the same region and level is the complete fixture
    expect(c).toMatchObject({ value: 90, n: 2, min: 90, max: 100, percentile: 0 });
  });
});

describe('completeness on the unit page', () => {
  const row = async (name: string, year: number) => {
    const docs = await db.query<q.UnitDocRow>(q.unitDocsQuery(unitIdOf(name)));
    const doc = q.pickDoc(docs, year)!;
    return (await db.query<DisclosureRow>(q.disclosureQuery(doc.doc_id)))[0];
  };

  it('lists the items a document lacks and those it has, in catalogue order', async () => {
    const c = q.completenessOf(await row(OTHER, 2025))!;
    expect(c.score).toBe(90);
    expect(c.missing).toEqual(['assets', 'glossary']);
    expect(c.present).toHaveLength(18);
    expect([...c.present, ...c.missing].sort()).toEqual([...COMPLETENESS_ITEM_IDS].sort());
    expect(c.present.indexOf('table_summary')).toBe(0);
  });

  it('the real sample has all 20 items', async () => {
    const c = q.completenessOf(await row('克拉玛依市乌尔禾区人民政府办公室（乌尔禾区信访局）', 2023))!;
    expect(c).toEqual({ score: 100, present: COMPLETENESS_ITEM_IDS, missing: [] });
  });

  it('a row without a score (data from before the score) is no score, not 0', () => {
    expect(q.completenessOf(null)).toBeNull();
    expect(
      q.completenessOf({ completeness: null, completeness_missing: null } as unknown as DisclosureRow)
    ).toBeNull();
  });
});
