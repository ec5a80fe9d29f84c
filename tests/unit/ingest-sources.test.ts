// Source in place: the ingest names the line (and, for a PDF, the page) every stored figure was read from,
// and keeps the text of every referenced line with a few lines around it — never the whole document.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/lib/ingest';
import { ingestPdf } from '../../src/lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import { sourceText } from '../../src/lib/ingest/sources';
import {
  FIGURE_NAMES,
  PREV_FIGURES,
  prevName,
  SOURCE_CONTEXT_LINES,
  type DocumentResult
} from '../../src/lib/model';

const SEED = 'data/disclosures/000_f7859c67d4b429b5.txt';
const PDF = 'data/disclosures/shanghai/putuo-wanli-2023-dept-budget.pdf';
const seedLines = readFileSync(SEED, 'utf8').split(/\r?\n/);
let seed: DocumentResult;
let pdf: DocumentResult;

beforeAll(async () => {
  seed = ingestDocument(readFileSync(SEED), SEED);
  pdf = await ingestPdf(new Uint8Array(readFileSync(PDF)), PDF, {
    pdfjs: await nodePdfJs(),
    assets: nodePdfAssets()
  });
}, 60_000);

const sourceOf = (r: DocumentResult, figure: string) => r.figureSources.find((x) => x.figure === figure);
const textOf = (r: DocumentResult, line: number) => r.sourceText.find((x) => x.line === line)?.text;

describe('figure sources of the seed (a text document)', () => {
  it('has one row per stored figure, and none for a NULL figure', () => {
    const d = seed.disclosure as unknown as Record<string, unknown>;
    const columns = [...FIGURE_NAMES, ...PREV_FIGURES.map(prevName)];
    const unsourced = columns.filter((k) => d[k] !== null && sourceOf(seed, k) === undefined);
    expect(unsourced).toEqual([]);
    expect(seed.figureSources.length).toBe(columns.filter((k) => d[k] !== null).length);
    for (const s of seed.figureSources) expect(d[s.figure], s.figure).not.toBeNull();
    expect(seed.figureSources.every((s) => s.source_pages === '')).toBe(true);
  });

  it('names the 表10 line of 公务接待费 19.75, whose text states it', () => {
    expect(seed.disclosure!.reception).toBe(19.75);
    expect(sourceOf(seed, 'reception')!.source_lines).toBe('759');
    expect(seedLines[758]).toBe('公务接待费 19.75 19.75');
    expect(textOf(seed, 759)).toBe('公务接待费 19.75 19.75');
  });

  it('names the change and the amount a prior-year figure comes from (19.75 − 1.25 = 18.5)', () => {
    expect(seed.disclosure!.prev_reception).toBe(18.5);
    const lines = sourceOf(seed, 'prev_reception')!.source_lines.split(',').map(Number);
    expect(lines[0]).toBe(1090); // the sentence "公务接待费增加 1.25 万元" starts here
    expect(lines).toContain(1092);
    expect(lines).toContain(1080); // "公务接待费 19.75 万元"
    expect(textOf(seed, 1092)).toContain('1.25 万元');
    expect(textOf(seed, 1080)).toContain('公务接待费 19.75 万元');
  });

  it('names the staff sentence of the headcounts', () => {
    expect(seed.disclosure!.staff_in_service).toBe(11);
    const line = Number(sourceOf(seed, 'staff_in_service')!.source_lines.split(',')[0]);
    expect(textOf(seed, line)).toMatch(/在职\s*11\s*人/);
  });

  it('keeps every referenced line with its context, and not the whole document', () => {
    const kept = new Set(seed.sourceText.map((x) => x.line));
    const refs = [
      ...seed.lineItems.map((x) => x.source_line),
      ...seed.projects.map((x) => x.source_line),
      ...seed.findings.flatMap((x) => x.source_lines.split(',').map(Number)),
      ...seed.figureSources.flatMap((x) => x.source_lines.split(',').map(Number))
    ];
    for (const n of refs) expect(kept.has(n), `line ${n}`).toBe(true);
    // the non-empty lines around 759 (the seed has a blank line between its lines)
    const nonEmpty = seedLines.flatMap((t, i) => (t.trim() ? [i + 1] : []));
    const at = nonEmpty.indexOf(759);
    for (let k = at - SOURCE_CONTEXT_LINES; k <= at + SOURCE_CONTEXT_LINES; k++)
      expect(kept.has(nonEmpty[k]), `context line ${nonEmpty[k]}`).toBe(true);
    // each row's text is its line's text, and lines are in order
    for (const x of seed.sourceText) expect(x.text).toBe(seedLines[x.line - 1].trim());
    expect(seed.sourceText.map((x) => x.line)).toEqual([...kept].sort((a, b) => a - b));
    expect(seed.sourceText.length).toBeLessThan(nonEmpty.length / 2);
    // the 名词解释 at the end is referred to by nothing
    expect(kept.has(2269)).toBe(false);
  });
});

describe('figure sources of a real PDF', () => {
  it('names the page of 公务接待费 and keeps that page whole', () => {
    expect(pdf.disclosure!.reception).toBe(1.35);
    const src = sourceOf(pdf, 'reception')!;
    expect(src.source_pages).toBe('28');
    const line = Number(src.source_lines);
    expect(textOf(pdf, line)).toContain('1.35');
    const page28 = pdf.sourceText.filter((x) => x.page === 28);
    expect(page28.some((x) => x.line === line)).toBe(true);
    // the whole page: its title and its column header are there with the numbers
    expect(page28.map((x) => x.text).join('\n')).toContain('三公');
    // a page no row refers to is not kept
    const pages = new Set(pdf.sourceText.map((x) => x.page));
    const referenced = new Set([
      ...pdf.lineItems.map((x) => x.source_page),
      ...pdf.figureSources.flatMap((x) => x.source_pages.split(',').map(Number))
    ]);
    expect(
      [...pages].every(
        (p) =>
          referenced.has(p) || pdf.findings.some((f) => f.source_pages.split(',').map(Number).includes(p!))
      )
    ).toBe(true);
    expect(pdf.sourceText.every((x) => x.page !== null)).toBe(true);
  });

  it('names pages of the totals table', () => {
    expect(sourceOf(pdf, 'total_expenditure')).toMatchObject({ source_lines: '164', source_pages: '10' });
    expect(textOf(pdf, 164)).toContain('164,978,640');
  });
});

describe('sourceText', () => {
  const lines = Array.from({ length: 20 }, (_, i) => ({ no: i * 2 + 1, text: `L${i * 2 + 1}` }));
  it('keeps each referenced line and the lines either side, skipping unknown lines', () => {
    const rows = sourceText('d1', lines, [1, 21, 999]);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5, 7, 15, 17, 19, 21, 23, 25, 27]);
    expect(rows[0]).toEqual({ doc_id: 'd1', line: 1, page: null, text: 'L1' });
  });
  it('keeps a PDF line with its whole page', () => {
    const paged = lines.map((l, i) => ({ ...l, page: i < 10 ? 1 : 2 }));
    const rows = sourceText('d1', paged, [25]);
    expect(rows.map((r) => r.line)).toEqual(paged.slice(10).map((l) => l.no));
    expect(new Set(rows.map((r) => r.page))).toEqual(new Set([2]));
  });
});
