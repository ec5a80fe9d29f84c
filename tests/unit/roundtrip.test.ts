// Round trip: generate a few hundred synthetic documents, run each through the real ingest (ingestDocument,
// the same parser path as the real seed), and compare every stored figure with the truth file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus, type GeneratedDocument } from '../../src/lib/generate/index';
import { ingestDocument } from '../../src/lib/ingest/index';
import { FIGURE_NAMES, PREV_FIGURES, prevName } from '../../src/lib/model/schema';
import type { DocumentResult } from '../../src/lib/model/records';

const SEED_FILE = 'data/disclosures/000_f7859c67d4b429b5.txt';
const seedResult = ingestDocument(readFileSync(SEED_FILE), SEED_FILE);
const parserIsStub =
  seedResult.status === 'rejected' && seedResult.reasons.includes('parser not written yet');

const encoder = new TextEncoder();

interface Trip {
  doc: GeneratedDocument;
  result: DocumentResult;
}

/** Figure-level differences between what the ingest stored and the truth file: "figure: stored → truth". */
function figureMismatches(trip: Trip): string[] {
  const out: string[] = [];
  const row = trip.result.disclosure as Record<string, unknown> | null;
  if (!row) return ['no disclosure row'];
  const names = [...FIGURE_NAMES, ...PREV_FIGURES.map(prevName)];
  for (const n of names) {
    const want = trip.doc.truth.figures[n] ?? null;
    const got = (row[n] as number | null | undefined) ?? null;
    const same = want === null ? got === null : got !== null && Math.abs(got - want) < 0.00005;
    if (!same) out.push(`${n}: stored ${got} ≠ truth ${want}`);
  }
  return out;
}

describe.skipIf(parserIsStub)('round trip: generated documents through the real ingest', () => {
  const docs = [
    ...generateCorpus({
      units: 60,
      firstYear: 2019,
      lastYear: 2024,
      seed: 'roundtrip',
      inconsistencyRate: 0.08
    })
  ];
  const trips: Trip[] = docs.map((doc) => ({
    doc,
    result: ingestDocument(encoder.encode(doc.text), doc.file)
  }));
  const clean = trips.filter((t) => t.doc.truth.planted.length === 0);
  const planted = trips.filter((t) => t.doc.truth.planted.length > 0);

  it('generates a few hundred documents, with planted ones among them', () => {
    expect(trips.length).toBe(360);
    expect(planted.length).toBeGreaterThan(10);
  });

  it('every document is read as a full synthetic record', () => {
    const bad = trips.filter(
      (t) => t.result.status !== 'ok' || t.result.disclosure?.source_kind !== 'synthetic'
    );
    expect(bad.map((t) => `${t.doc.file}: ${t.result.status} ${t.result.reasons.join('; ')}`)).toEqual([]);
  });

  it('identity: unit name, year, kind, published date', () => {
    const bad: string[] = [];
    for (const { doc, result } of trips) {
      const d = result.disclosure;
      const t = doc.truth;
      if (!d) continue;
      if (d.unit_name !== t.unit_name) bad.push(`${doc.file} unit_name ${d.unit_name} ≠ ${t.unit_name}`);
      if (d.year !== t.year) bad.push(`${doc.file} year ${d.year} ≠ ${t.year}`);
      if (d.kind !== t.kind) bad.push(`${doc.file} kind ${d.kind} ≠ ${t.kind}`);
      if (d.published_on !== t.published_on)
        bad.push(`${doc.file} published_on ${d.published_on} ≠ ${t.published_on}`);
    }
    expect(bad.slice(0, 30)).toEqual([]);
  });

  it('every stored figure equals the truth file (all figures and prev_* figures)', () => {
    const bad = trips.flatMap((t) => figureMismatches(t).map((m) => `${t.doc.file} ${m}`));
    expect(bad.slice(0, 40), `${bad.length} mismatches`).toEqual([]);
  });

  it('projects: names, amounts and whether each has a target table', () => {
    const bad: string[] = [];
    for (const { doc, result } of trips) {
      const stored = new Map(result.projects.map((p) => [p.name, p]));
      for (const p of doc.truth.projects) {
        const s = stored.get(p.name);
        if (!s) bad.push(`${doc.file} project ${p.name} missing`);
        else {
          if (s.amount === null || Math.abs(s.amount - p.amount) > 0.00005)
            bad.push(`${doc.file} ${p.name} amount ${s.amount} ≠ ${p.amount}`);
          if (s.has_targets !== p.has_targets)
            bad.push(`${doc.file} ${p.name} has_targets ${s.has_targets} ≠ ${p.has_targets}`);
        }
      }
      if (result.projects.length !== doc.truth.projects.length)
        bad.push(
          `${doc.file} ${result.projects.length} projects stored, ${doc.truth.projects.length} generated`
        );
    }
    expect(bad.slice(0, 30)).toEqual([]);
  });

  it('clean documents produce no error findings', () => {
    const bad = clean.flatMap((t) =>
      t.result.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${t.doc.file} ${f.check}: ${f.message_en}`)
    );
    expect(bad.slice(0, 30), `${bad.length} error findings in clean documents`).toEqual([]);
  });

  it('every planted inconsistency is found by the check of its kind', () => {
    // The ingest's check ids (src/lib/ingest/checks.ts, audit.ts) for each kind the generator plants.
    const CHECK: Record<string, string> = {
      parent_sum: 'tree_sum',
      narrative_vs_table: 'narrative_vs_table',
      project_without_targets: 'project_without_targets',
      staffing_sum: 'staff_parts'
    };
    const missed: string[] = [];
    for (const { doc, result } of planted) {
      const p = doc.truth.planted[0];
      const found = result.findings.some((f) => f.check === CHECK[p.kind] && f.severity !== 'info');
      if (!found) missed.push(`${doc.file} ${p.kind}: ${p.detail}`);
    }
    expect(new Set(planted.map((t) => t.doc.truth.planted[0].kind)).size).toBe(4);
    expect(missed).toEqual([]);
  });

  it('region and level follow from the unit name', () => {
    const bad: string[] = [];
    for (const { doc, result } of trips) {
      if (result.disclosure?.region !== doc.truth.region)
        bad.push(`${doc.file} region ${result.disclosure?.region} ≠ ${doc.truth.region}`);
      if (result.unit?.level !== doc.truth.level)
        bad.push(`${doc.file} level ${result.unit?.level} ≠ ${doc.truth.level}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('line items of 表3, 表5 and 表6 equal the generated rows', () => {
    const bad: string[] = [];
    for (const { doc, result } of trips) {
      const stored = new Map<string, number | null>();
      for (const l of result.lineItems)
        if (l.code) stored.set(`${l.table_no}/${l.code}/${l.measure}`, l.amount);
      const plant = doc.truth.planted[0];
      for (const table of [3, 5]) {
        for (const r of doc.truth.functional) {
          for (const [measure, want] of [
            ['total', r.total],
            ['basic', r.basic],
            ['project', r.project]
          ] as const) {
            if (want === 0) continue;
            if (
              plant?.kind === 'parent_sum' &&
              table === 3 &&
              measure === 'total' &&
              plant.detail.includes(` ${r.code} `)
            )
              continue;
            const got = stored.get(`${table}/${r.code}/${measure}`);
            if (got === undefined || got === null || Math.abs(got - want) > 0.00005)
              bad.push(`${doc.file} 表${table} ${r.code} ${measure}: stored ${got} ≠ ${want}`);
          }
        }
      }
      for (const r of doc.truth.economic) {
        const got = stored.get(`6/${r.code}/total`);
        if (got === undefined || got === null || Math.abs(got - r.amount) > 0.00005)
          bad.push(`${doc.file} 表6 ${r.code}: stored ${got} ≠ ${r.amount}`);
      }
    }
    expect(bad.slice(0, 30), `${bad.length} line-item mismatches`).toEqual([]);
  });

  it('reports each disagreement once, however many times the narrative repeats the figure', () => {
    const twice: string[] = [];
    for (const { doc, result } of trips) {
      const seen = new Set<string>();
      for (const f of result.findings) {
        const key = `${f.check}|${f.message_en}`;
        if (seen.has(key)) twice.push(`${doc.file}: ${key}`);
        seen.add(key);
      }
    }
    expect(twice).toEqual([]);
  });
});
