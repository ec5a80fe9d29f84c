// Round trip: generate a few hundred synthetic documents, run each through the real ingest (ingestDocument,
// the same parser path as the real seed), and compare every stored figure with the truth file; then 40
// generated PDFs through the ingest CLI, compared the same way.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type GeneratedDocument } from '../../src/lib/generate/index';
import { loadCjkFont, NOTO_CJK_PATH } from '../../src/lib/generate/pdf/font';
import { writePdf } from '../../src/lib/generate/pdf/write';
import { ingestDocument } from '../../src/lib/ingest/index';
import {
  FIGURE_NAMES,
  INITIAL_FIGURES,
  initialName,
  PREV_FIGURES,
  prevName
} from '../../src/lib/model/schema';
import type { DocumentResult } from '../../src/lib/model/records';
import { openParquetDir } from './helpers/wasm-db';

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
  const names = [...FIGURE_NAMES, ...PREV_FIGURES.map(prevName), ...INITIAL_FIGURES.map(initialName)];
  for (const n of names) {
    const want = trip.doc.truth.figures[n] ?? null;
    const got = (row[n] as number | null | undefined) ?? null;
    const same = want === null ? got === null : got !== null && Math.abs(got - want) < 0.00005;
    if (!same) out.push(`${n}: stored ${got} ≠ truth ${want}`);
  }
  if (row.prev_basis !== trip.doc.truth.prev_basis)
    out.push(`prev_basis: stored ${String(row.prev_basis)} ≠ truth ${trip.doc.truth.prev_basis}`);
  return out;
}

/** 表3/表5 functional rows (total, basic, project) and 表6 economic rows stored unlike the truth file; a
 *  planted parent_sum row of 表3 is skipped (its total is off on purpose). */
function lineItemMismatches(
  doc: Pick<GeneratedDocument, 'file' | 'truth'>,
  lines: readonly object[]
): string[] {
  type Line = { table_no: number | null; code: string | null; measure: string; amount: number | null };
  const bad: string[] = [];
  const stored = new Map<string, number | null>();
  for (const l of lines as Line[]) if (l.code) stored.set(`${l.table_no}/${l.code}/${l.measure}`, l.amount);
  const differs = (key: string, want: number) => {
    const got = stored.get(key);
    return got === undefined || got === null || Math.abs(got - want) > 0.00005
      ? `stored ${got} ≠ ${want}`
      : null;
  };
  const plant = doc.truth.planted[0];
  for (const table of [3, 5])
    for (const r of doc.truth.functional)
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
        const d = differs(`${table}/${r.code}/${measure}`, want);
        if (d) bad.push(`${doc.file} 表${table} ${r.code} ${measure}: ${d}`);
      }
  for (const r of doc.truth.economic) {
    const d = differs(`6/${r.code}/total`, r.amount);
    if (d) bad.push(`${doc.file} 表6 ${r.code}: ${d}`);
  }
  return bad;
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
    // 60 units × 6 years, each year a budget, a final account or both
    expect(new Set(docs.map((d) => `${d.truth.unit_name}|${d.truth.year}`)).size).toBe(360);
    expect(trips.length).toBeGreaterThan(360);
    expect(trips.filter((t) => t.doc.truth.kind === 'final').length).toBeGreaterThan(60);
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
      bad.push(...lineItemMismatches(doc, result.lineItems));
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

// The same round trip for PDFs: generated documents written as PDF (both 三公 layouts, split and joined codes,
// 元 units, 决算, the 栏次 row, long tables over pages, a 总计 row alone on a page), through the real ingest
// CLI, their Parquet read back and compared with the truth files.
const HAVE_FONT = existsSync(NOTO_CJK_PATH);

describe.skipIf(parserIsStub || !HAVE_FONT)('round trip: generated PDFs through the ingest CLI', () => {
  const pool = [
    ...generateCorpus({
      units: 80,
      firstYear: 2019,
      lastYear: 2024,
      seed: 'roundtrip-pdf',
      inconsistencyRate: 0.05,
      pdfShare: 1
    })
  ];
  const FEATURES: [string, (d: GeneratedDocument) => boolean][] = [
    ['元', (d) => d.truth.document_unit === '元'],
    ['决算, 三公 as rows', (d) => d.truth.kind === 'final' && d.pdf!.style.threeLayout === 'rows'],
    ['决算, 三公 as columns', (d) => d.truth.kind === 'final' && d.pdf!.style.threeLayout === 'columns'],
    ['预算, 三公 as columns', (d) => d.truth.kind === 'budget' && d.pdf!.style.threeLayout === 'columns'],
    ['预算, 三公 as rows', (d) => d.truth.kind === 'budget' && d.pdf!.style.threeLayout === 'rows'],
    ['split codes', (d) => d.pdf!.style.splitCodes],
    ['joined codes', (d) => !d.pdf!.style.splitCodes],
    ['栏次 row', (d) => d.pdf!.style.columnNumbers],
    ['tall rows: tables over pages', (d) => d.pdf!.style.rowHeight >= 20],
    ['总计 alone on a page', (d) => d.pdf!.style.totalAlone],
    ['planted', (d) => d.truth.planted.length > 0]
  ];
  const chosen = new Set<GeneratedDocument>();
  for (const [, has] of FEATURES) for (const d of pool.filter(has).slice(0, 4)) chosen.add(d);
  for (const d of pool) if (chosen.size < 40) chosen.add(d);
  const docs = [...chosen];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-roundtrip-pdf-'));
  const out = join(dir, 'out');
  let report: { entries: { file: string; status: string; reasons: string[] }[] };
  const rows = new Map<string, Record<string, unknown>>();
  const byDoc = new Map<
    string,
    {
      lines: Record<string, unknown>[];
      projects: Record<string, unknown>[];
      findings: Record<string, unknown>[];
    }
  >();

  beforeAll(async () => {
    const font = await loadCjkFont();
    mkdirSync(join(dir, 'docs'));
    for (const d of docs)
      writeFileSync(join(dir, 'docs', d.file), await writePdf(d.pdf!.document, d.pdf!.style, font));
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/tsx/dist/cli.mjs',
          'src/cli/ingest.ts',
          '--out',
          out,
          '--relative-to',
          join(dir, 'docs'),
          '--quiet',
          join(dir, 'docs')
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] }
      );
      child.on('error', fail);
      child.on('exit', done);
    });
    expect(code).toBe(0);
    report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8'));
    const db = await openParquetDir(out);
    const files = new Map<string, string>();
    for (const r of await db.query(`SELECT * FROM 'disclosures.parquet'`)) {
      const file = basename(String(r.source_file));
      rows.set(file, r);
      files.set(String(r.doc_id), file);
      byDoc.set(file, { lines: [], projects: [], findings: [] });
    }
    for (const [table, key] of [
      ['line_items', 'lines'],
      ['projects', 'projects'],
      ['findings', 'findings']
    ] as const)
      for (const r of await db.query(`SELECT * FROM '${table}.parquet'`))
        byDoc.get(files.get(String(r.doc_id))!)![key].push(r);
    await db.close();
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every layout feature, with 40 documents', () => {
    expect(docs).toHaveLength(40);
    for (const [what, has] of FEATURES) expect(docs.filter(has).length, what).toBeGreaterThanOrEqual(3);
  });

  it('every PDF is read as a full synthetic record', () => {
    const bad = report.entries
      .filter((e) => e.status !== 'ok')
      .map((e) => `${e.file}: ${e.status} ${e.reasons.join('; ')}`);
    expect(bad).toEqual([]);
    expect(rows.size).toBe(40);
    for (const r of rows.values()) expect(r.source_kind).toBe('synthetic');
  });

  it('identity and every stored figure equal the truth file', () => {
    const bad: string[] = [];
    for (const d of docs) {
      const row = rows.get(d.file);
      if (!row) {
        bad.push(`${d.file}: no record`);
        continue;
      }
      for (const k of ['unit_name', 'year', 'kind', 'published_on'] as const)
        if (row[k] !== d.truth[k]) bad.push(`${d.file} ${k}: stored ${row[k]} ≠ truth ${d.truth[k]}`);
      for (const n of [...FIGURE_NAMES, ...PREV_FIGURES.map(prevName)]) {
        const want = d.truth.figures[n] ?? null;
        const got = (row[n] as number | null | undefined) ?? null;
        const same = want === null ? got === null : got !== null && Math.abs(got - want) < 0.00005;
        if (!same) bad.push(`${d.file} ${n}: stored ${got} ≠ truth ${want}`);
      }
    }
    expect(bad.slice(0, 40), `${bad.length} mismatches`).toEqual([]);
  });

  it('projects, and the line items of 表3, 表5 and 表6', () => {
    const bad: string[] = [];
    for (const d of docs) {
      const got = byDoc.get(d.file);
      if (!got) continue;
      const projects = new Map(got.projects.map((p) => [p.name, p]));
      for (const p of d.truth.projects) {
        const s = projects.get(p.name);
        if (!s) bad.push(`${d.file} project ${p.name} missing`);
        else if (Math.abs(Number(s.amount) - p.amount) > 0.00005 || s.has_targets !== p.has_targets)
          bad.push(
            `${d.file} project ${p.name}: ${s.amount}/${s.has_targets} ≠ ${p.amount}/${p.has_targets}`
          );
      }
      bad.push(...lineItemMismatches(d, got.lines));
    }
    expect(bad.slice(0, 40), `${bad.length} mismatches`).toEqual([]);
  });

  it('clean PDFs produce no error findings; each planted inconsistency is found', () => {
    const CHECK: Record<string, string> = {
      parent_sum: 'tree_sum',
      narrative_vs_table: 'narrative_vs_table',
      project_without_targets: 'project_without_targets',
      staffing_sum: 'staff_parts'
    };
    const bad: string[] = [];
    for (const d of docs) {
      const findings = byDoc.get(d.file)?.findings ?? [];
      const plant = d.truth.planted[0];
      if (!plant)
        for (const f of findings.filter((f) => f.severity === 'error'))
          bad.push(`${d.file} ${f.check}: ${f.message_en}`);
      else if (!findings.some((f) => f.check === CHECK[plant.kind] && f.severity !== 'info'))
        bad.push(`${d.file} ${plant.kind} not found: ${plant.detail}`);
    }
    expect(bad.slice(0, 30), `${bad.length} problems`).toEqual([]);
  });
});
