// The benchmark's math on the DuckDB-WASM 1.28.0 engine: a too-small peer group widened, who is left out of
// n and why, ties as a range of percentiles, per-head metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { writeFixture } from './helpers/db-fixture';
import { openWasmDb } from './helpers/wasm-node';
import * as q from '../../src/lib/db/queries';
import type { Db, Facets } from '../../src/lib/db/queries';

let dir = '';
let db: Db;
let facets: Facets;

beforeAll(async () => {
  dir = await writeFixture();
  db = await openWasmDb(dir);
  facets = await q.loadFacets(db);
});
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const census = async (p: q.BenchmarkParams) => db.query<q.PeerCensusRow>(q.peerCensusQuery(p, facets)!);

describe('peer groups', () => {
  it('counts each group’s units, its peers, and why the others are not peers', async () => {
    // u3 (示例市, 市级) in 2022: of the five city-level units only u2 and u3 have a 2022 document
    const rows = await census({ unit: 'u3', year: 2022 });
    expect(rows.map((r) => r.group)).toEqual(q.BENCHMARK_GROUPS);
    expect(rows.find((r) => r.group === 'region_level')).toMatchObject({
      units: 5,
      same: 2,
      other_kind: 0,
      no_doc: 3
    });
    // all six units: u4 (a district) has no 2022 document either
    expect(rows.find((r) => r.group === 'all')).toMatchObject({ units: 6, same: 2, no_doc: 4 });
    // the census agrees with the peers the benchmark compares with
    const peers = await db.query<q.BenchmarkPeerRow>(
      q.benchmarkPeersQuery({ unit: 'u3', year: 2022 }, facets)!
    );
    expect(peers.length).toBe(2);
  });

  it('a unit with only another kind that year is counted as such, not as missing', async () => {
    // 2023 决算: only u2 has one; the other five units have a 2023 budget
    const rows = await census({ unit: 'u2', year: 2023, kind: 'final' });
    expect(rows.find((r) => r.group === 'all')).toMatchObject({
      units: 6,
      same: 1,
      other_kind: 5,
      no_doc: 0
    });
  });

  it('a group with fewer than 5 units is widened along its chain, and says from where', async () => {
    // u4 is alone in its district and its level: widened to all
    const rows = await census({ unit: 'u4', year: 2023 });
    const choice = q.choosePeerGroup('region_level', rows);
    expect(choice.group).toBe('all');
    expect(choice.widenedFrom).toBe('region_level');
    expect(choice.asked?.same).toBe(1);
    expect(choice.census?.same).toBe(6);
    // the city-level units have five peers: kept as asked
    const city = q.choosePeerGroup('region_level', await census({ unit: 'u1', year: 2023 }));
    expect(city).toMatchObject({ group: 'region_level', widenedFrom: null });
    expect(city.census?.same).toBe(5);
    // the chain is the only way: category widens straight to all
    expect(q.choosePeerGroup('category', rows).group).toBe('all');
    // with no group big enough, the widest one
    const none = rows.map((r) => ({ ...r, same: 1 }));
    expect(q.choosePeerGroup('region_level', none).group).toBe('all');
    expect(q.choosePeerGroup('region_level', rows, 1)).toMatchObject({
      group: 'region_level',
      widenedFrom: null
    });
  });

  it('the widened group is what the benchmark then compares with', async () => {
    const rows = await db.query<q.BenchmarkRow>(
      q.benchmarkQuery({ unit: 'u4', year: 2023, peers: 'all' }, facets)!
    );
    expect(rows.find((r) => r.metric === 'reception')!.n).toBe(6);
    const region = await db.query<q.BenchmarkRow>(
      q.benchmarkQuery({ unit: 'u4', year: 2023, peers: 'region' }, facets)!
    );
    expect(region.find((r) => r.metric === 'reception')!.n).toBe(1);
  });
});

describe('percentiles', () => {
  it('per head of staff: the amount over 实有人数, NULL for a missing or zero headcount', async () => {
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: 'u3', year: 2023 }, facets)!);
    const per = rows.find((r) => r.metric === 'three_public_total/staff_actual')!;
    // u3: 14 万元 over 31 people
    expect(per.value).toBeCloseTo(14 / 31, 10);
    // peers with a stated 实有人数: u1 12, u2 15, u3 31 (u5, u6 state none)
    expect(per.n).toBe(3);
    expect(rows.some((r) => r.metric === 'public_expense/staff_authorized')).toBe(true);
  });

  it('a value without ties has one percentile; the range collapses', async () => {
    const rows = await db.query<q.BenchmarkRow>(q.benchmarkQuery({ unit: 'u6', year: 2023 }, facets)!);
    const r = rows.find((x) => x.metric === 'reception')!;
    expect(r).toMatchObject({ percentile: 100, percentile_hi: 100, ties: 1 });
  });

  const real = 'data/parquet/manifest.json';
  it.skipIf(!existsSync(real))(
    'ties on the default data span the percentiles the tied units share (checked against the values)',
    async () => {
      const data = await openWasmDb('data/parquet');
      try {
        const f = await q.loadFacets(data);
        const unit = f.units.find((u) => u.unit_name === '上海市普陀区人民政府万里街道办事处')!;
        expect(unit).toBeTruthy();
        const rows = await data.query<q.BenchmarkRow>(
          q.benchmarkQuery({ unit: unit.unit_id, peers: 'all' }, f)!
        );
        const peers = await data.query<q.BenchmarkPeerRow>(
          q.benchmarkPeersQuery({ unit: unit.unit_id, peers: 'all' }, f)!
        );
        const ids = peers.map((p) => p.doc_id);
        let tied = 0;
        for (const r of rows.filter((x) => x.value !== null && !x.metric.includes('/'))) {
          // the peers' values read directly
          const vals = (
            await data.query<{ v: number | null }>({
              sql: `SELECT CAST("${r.metric}" AS DOUBLE) AS v FROM disclosures WHERE doc_id IN (${ids.map(() => '?').join(',')})`,
              params: ids
            })
          )
            .map((x) => x.v)
            .filter((v): v is number => v !== null);
          expect(vals.length, r.metric).toBe(r.n);
          const below = vals.filter((v) => v < r.value!).length;
          const equal = vals.filter((v) => v === r.value).length;
          expect(r.ties, r.metric).toBe(equal);
          expect(r.percentile!, r.metric).toBeCloseTo((100 * below) / (r.n - 1), 9);
          expect(r.percentile_hi!, r.metric).toBeCloseTo((100 * (below + equal - 1)) / (r.n - 1), 9);
          if (equal > 1) tied++;
        }
        // the real unit states several figures as 0 that most units state as 0 too
        expect(tied).toBeGreaterThan(0);
      } finally {
        await data.close();
      }
    }
  );
});
