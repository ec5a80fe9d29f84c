// A bounded fuzz of the real ingest, seeded so that every run tries the same inputs: mutated and hostile
// documents of every input kind (.txt, .html, .pdf) → no crash, no uncaught error, no document past its time
// budget, no bidi control in what is read, and a second run gives a byte-identical result.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestDocument } from '../../src/lib/ingest/index';
import { ingestPdf } from '../../src/lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import { htmlToLines } from '../../src/lib/ingest/html';
import type { DocumentResult } from '../../src/lib/model';
import { rng } from './helpers/rng';
import { chinesePdf, simplePdf, textAt, writePdf } from './helpers/pdf-writer';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = readFileSync(join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt'), 'utf8');
const TEMPLATE = readFileSync(join(ROOT, 'tests/fixtures/template-2024.txt'), 'utf8');
const PDFS = ['putuo-wanli-2024-dept-budget.pdf', 'putuo-commerce-2025-unit-budget.pdf'].map((f) =>
  readFileSync(join(ROOT, 'data/disclosures/shanghai', f))
);

/** seconds one text or HTML document may take (the seed takes ~5 ms), and one PDF */
const TEXT_BUDGET_MS = 3000;
const PDF_BUDGET_MS = 15_000;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const HOSTILE = [
  '=1+1+cmd|局',
  '\u202e局务办公室\u202c',
  '\u2067人民政府\u2069\u200f\u061c',
  '9'.repeat(400),
  '-0.00000000000000000001',
  '１２３，４５６．７８',
  'NaN | Infinity | -Infinity | 1e308 | -1e309',
  '|'.repeat(5000),
  '合计 | ' + '1,'.repeat(3000),
  '（'.repeat(2000),
  '公务接待费'.repeat(2000),
  'x'.repeat(200_000),
  '\t\f\v\r',
  '\ufffd\ufeff\u0000',
  '<!--',
  '&#99999999;&#x110000;&amp',
  '2023年度 2024年度 1900年 2100年 0年'
];

function mutateText(src: string, r: () => number): Uint8Array {
  let lines = src.split('\n');
  const ops = 1 + Math.floor(r() * 6);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 6)) {
      case 0:
        lines.splice(at, 1 + Math.floor(r() * 20));
        break;
      case 1:
        lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(r() * 40)));
        break;
      case 2:
        lines.splice(at, 0, HOSTILE[Math.floor(r() * HOSTILE.length)]);
        break;
      case 3: {
        const l = lines[at] ?? '';
        const p = Math.floor(r() * (l.length + 1));
        lines[at] = l.slice(0, p) + HOSTILE[Math.floor(r() * HOSTILE.length)] + l.slice(p);
        break;
      }
      case 4:
        lines = lines.slice(0, Math.max(1, at));
        break;
      default: {
        const j = Math.floor(r() * lines.length);
        [lines[at], lines[j]] = [lines[j], lines[at]];
      }
    }
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  // a few flipped bytes in one case of three: invalid UTF-8, GB18030, control bytes
  if (r() < 0.33)
    for (let k = 0; k < 1 + r() * 8; k++) bytes[Math.floor(r() * bytes.length)] ^= 1 << (r() * 8);
  return bytes;
}

const asHtml = (text: string) =>
  '<!doctype html><html><head><title>t</title><style>td{}</style><script>var a="<td>";</script></head><body>\n' +
  text
    .split('\n')
    .map((l) =>
      l.includes('|')
        ? '<table><tr>' +
          l
            .split('|')
            .map((c) => `<td>${c}</td>`)
            .join('') +
          '</tr></table>'
        : `<p>${l}</p><!-- note -->`
    )
    .join('\n') +
  '\n</body></html>';

const HTML_ATOMS = [
  '<',
  '>',
  '<!--',
  '-->',
  '</',
  '/>',
  '<a',
  '<td>',
  '</td>',
  '</tr>',
  '<br/>',
  '<script>',
  '<p>',
  '&amp;',
  '&#20013;',
  '\n',
  '|'
];

function mutateHtml(src: string, r: () => number): Uint8Array {
  let h = src;
  for (let k = 0; k < 1 + Math.floor(r() * 10); k++) {
    const p = Math.floor(r() * h.length);
    const q = p + Math.floor(r() * 300);
    const choice = r();
    if (choice < 0.3) h = h.slice(0, p) + h.slice(q);
    else if (choice < 0.8) h = h.slice(0, p) + HTML_ATOMS[Math.floor(r() * HTML_ATOMS.length)] + h.slice(p);
    else h = h.slice(0, p) + HOSTILE[Math.floor(r() * HOSTILE.length)] + h.slice(p);
  }
  return new TextEncoder().encode(h);
}

// hostile HTML pages: each one quadratic (or worse) for a backtracking tokenizer
const HOSTILE_HTML: [string, string][] = [
  ['unclosed-comments.html', '<!--'.repeat(100_000)],
  ['unclosed-tags.html', '<a '.repeat(133_333)],
  ['unclosed-close-tags.html', '</b'.repeat(133_333)],
  ['blank-tags.html', '<b> '.repeat(100_000)],
  ['nested-divs.html', '<div>'.repeat(50_000) + '合计 | 1 | 2' + '</div>'.repeat(50_000)],
  ['many-cells.html', '<table><tr>' + '<td>1.5</td>'.repeat(30_000) + '</tr></table>'],
  ['entities.html', '<p>' + '&#99999999;&amp;&#x;&'.repeat(20_000) + '</p>'],
  ['unclosed-script.html', '<p>x</p><script>' + 'a<b>c'.repeat(50_000)],
  ['bidi-name.html', asHtml(SEED.replace(/办公室/g, '办公\u202e室\u202c'))]
];

function mutatePdf(src: Uint8Array, r: () => number, op: number): Uint8Array {
  const b = new Uint8Array(src);
  switch (op % 3) {
    case 0: // flipped bytes
      for (let k = 0; k < 1 + r() * 40; k++) b[Math.floor(r() * b.length)] ^= 1 << (r() * 8);
      return b;
    case 1: // truncated
      return b.subarray(0, Math.floor(r() * b.length));
    default: {
      // a chunk duplicated
      const p = Math.floor(r() * b.length);
      const q = Math.min(b.length, p + Math.floor(r() * 20_000));
      const out = new Uint8Array(b.length + (q - p));
      out.set(b.subarray(0, q));
      out.set(b.subarray(p), q);
      return out;
    }
  }
}

function hostilePdfs(): [string, Uint8Array][] {
  const nestedArray = '['.repeat(50_000) + ']'.repeat(50_000);
  const nestedDict = '<< /A '.repeat(20_000) + '1' + ' >>'.repeat(20_000);
  return [
    ['nested-array.pdf', simplePdf({ pages: [textAt([[50, 700, 12, 'x']])], extra: () => [nestedArray] })],
    [
      'nested-resources.pdf',
      simplePdf({ pages: [textAt([[50, 700, 12, 'x']])], resources: `<< /Font ${nestedDict} >>` })
    ],
    ['huge-page-count.pdf', simplePdf({ pages: [textAt([[50, 700, 12, '1']])], repeat: 20_000 })],
    [
      'self-referencing-pages.pdf',
      writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 5 /Kids [2 0 R 2 0 R] >>'])
    ],
    [
      'bidi-text.pdf',
      chinesePdf(
        SEED.split('\n')
          .slice(0, 60)
          .map((l) => l.replace(/公/g, '公\u202e'))
      )
    ],
    [
      'huge-count-claim.pdf',
      writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 999999999 /Kids [] >>'])
    ]
  ];
}

/** A result as bytes: what a rerun must reproduce exactly. */
const bytesOf = (r: DocumentResult) => JSON.stringify(r);

function checkResult(file: string, r: DocumentResult, ms: number, budget: number) {
  expect(['ok', 'partial', 'rejected'], file).toContain(r.status);
  expect(ms, `${file} took ${ms.toFixed(0)} ms`).toBeLessThan(budget);
  // what was read carries no direction control (the file name is the test's own)
  const json = bytesOf({ ...r, reasons: r.reasons.map((x) => x.replaceAll(file, '')) } as DocumentResult);
  expect(BIDI.test(json.replaceAll(file, '')), `${file}: bidi control in the result`).toBe(false);
}

function runText(file: string, bytes: Uint8Array) {
  const t = performance.now();
  const a = ingestDocument(bytes, file);
  const ms = performance.now() - t;
  checkResult(file, a, ms, TEXT_BUDGET_MS);
  const b = ingestDocument(bytes, file);
  expect(bytesOf(b), `${file}: a rerun differs`).toBe(bytesOf(a));
}

describe('fuzz: text and HTML documents through the real ingest', () => {
  it('mutated .txt documents (seed and template): no crash, in budget, reruns identical', () => {
    const r = rng(20261203);
    for (const [name, src] of [
      ['seed', SEED],
      ['template', TEMPLATE]
    ] as const)
      for (let i = 0; i < 60; i++) runText(`${name}-${i}.txt`, mutateText(src, r));
  });

  it('mutated .html pages built from the seed and the template', () => {
    const r = rng(7);
    for (const [name, src] of [
      ['seed', asHtml(SEED)],
      ['template', asHtml(TEMPLATE)]
    ] as const)
      for (let i = 0; i < 40; i++) runText(`${name}-${i}.html`, mutateHtml(src, r));
  });

  it('hostile HTML pages (unclosed comments and tags, deep nesting, entity floods) in linear time', () => {
    for (const [file, html] of HOSTILE_HTML) {
      const t = performance.now();
      htmlToLines(html);
      expect(performance.now() - t, `${file}: tokenizer`).toBeLessThan(1000);
      runText(file, new TextEncoder().encode(html));
    }
  });

  it('strips direction controls from names and text at ingest', () => {
    const bytes = new TextEncoder().encode(SEED.replace(/办公室/g, '办公\u202e室\u202c\u200f'));
    const r = ingestDocument(bytes, 'bidi.txt');
    expect(r.status).not.toBe('rejected');
    expect(r.disclosure!.unit_name).toContain('办公室');
    expect(BIDI.test(JSON.stringify(r))).toBe(false);
  });
});

describe('fuzz: PDFs through the real ingest (pdf.js)', () => {
  it('mutated real PDFs and hostile raw PDFs: no crash, in budget, reruns identical', async () => {
    const reader = { pdfjs: await nodePdfJs(), assets: nodePdfAssets() };
    const r = rng(42);
    const cases: [string, Uint8Array][] = [];
    PDFS.forEach((pdf, k) => {
      for (let i = 0; i < 4; i++) cases.push([`real-${k}-${i}.pdf`, mutatePdf(pdf, r, i)]);
    });
    cases.push(...hostilePdfs());
    for (const [file, bytes] of cases) {
      const run = async () => {
        const t = performance.now();
        const res = await ingestPdf(bytes, file, reader);
        return { res, ms: performance.now() - t };
      };
      const a = await run();
      checkResult(file, a.res, a.ms, PDF_BUDGET_MS);
      const b = await run();
      expect(bytesOf(b.res), `${file}: a rerun differs`).toBe(bytesOf(a.res));
    }
  }, 120_000);
});
