// A PDF that cannot be read gives a clear kind and reason, never garbage text: no text layer (a scan), text
// without a usable Unicode map, encrypted, damaged, over the page or time budget. Every PDF here is made by
// the test itself from raw PDF syntax (tests/unit/helpers/pdf-writer.ts), read with the real pdf.js.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  readPdf,
  unusableShare,
  UnreadablePdf,
  type PdfBudget,
  type UnreadableKind
} from '../../src/lib/ingest/pdf/load';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import { chinesePdf, HELVETICA, simplePdf, textAt, writePdf, type PdfObject } from './helpers/pdf-writer';

const pdfjs = await nodePdfJs();
const assets = nodePdfAssets();
const read = (bytes: Uint8Array, file = 'test.pdf', budget?: PdfBudget) =>
  readPdf(bytes, file, pdfjs, assets, budget);

/** The UnreadablePdf reading gives; fails the test when the PDF is read or fails otherwise. */
async function unreadable(bytes: Uint8Array, file: string, budget?: PdfBudget): Promise<UnreadablePdf> {
  let text: string;
  try {
    const info = await read(bytes, file, budget);
    text = info.pages.flatMap((p) => p.items.map((i) => i.str)).join(' ');
  } catch (e) {
    if (e instanceof UnreadablePdf) return e;
    throw e;
  }
  throw new Error(`${file} was read (text: ${JSON.stringify(text.slice(0, 80))}), expected UnreadablePdf`);
}

async function expectKind(bytes: Uint8Array, file: string, kind: UnreadableKind, message: RegExp) {
  const e = await unreadable(bytes, file);
  expect(e.kind).toBe(kind);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).toMatch(message);
  return e;
}

const strings = (info: Awaited<ReturnType<typeof read>>) => info.pages.map((p) => p.items.map((i) => i.str));
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

const GOOD = simplePdf({
  pages: [
    textAt([
      [72, 720, 12, 'Hello budget 2024'],
      [72, 700, 10, 'Total 123.45']
    ]),
    textAt([[100, 50, 20, 'Page two']])
  ]
});

/** A page drawing a 2 × 2 grey image (as a scan's page draws its picture), and no text. */
const IMAGE: PdfObject = {
  dict: '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>',
  stream: new Uint8Array([0, 255, 255, 0])
};

/** Helvetica with some codes renamed: the glyph names pdf.js maps to Unicode. */
const renamed = (differences: string) =>
  `<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences}] >> >> >> >>`;

/** A ToUnicode CMap sending the codes A–Z to U+E000… (private use), as some subsetting tools write it. */
const PUA_CMAP =
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <E000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end';

/** Object offsets as the xref table gives them, and what lies at each. */
function xrefTargets(pdf: Uint8Array) {
  const s = latin1(pdf);
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)![1]);
  const table = s.slice(start);
  const offsets = [...table.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  return { atStart: s.slice(start, start + 4), at: offsets.map((o) => s.slice(o, o + 12)) };
}

describe('the test PDF writer', () => {
  it('writes xref offsets that point at their objects, and breaks them when asked', () => {
    const ok = xrefTargets(GOOD);
    expect(ok.atStart).toBe('xref');
    expect(ok.at.length).toBe(6); // catalog, pages, 2 pages, 2 contents
    ok.at.forEach((head, i) => expect(head.startsWith(`${i + 1} 0 obj`)).toBe(true));
    const broken = xrefTargets(simplePdf({ pages: [textAt([[72, 720, 12, 'x']])], breakXref: true }));
    expect(broken.at.length).toBe(4);
    broken.at.forEach((head) => expect(head).not.toMatch(/^\d+ 0 obj/));
  });
});

describe('a readable PDF (positive control)', () => {
  it('gives its text items with x to the right and y downwards from the top of the page', async () => {
    const info = await read(GOOD);
    expect(info.pages.map((p) => [p.no, p.width, p.height])).toEqual([
      [1, 612, 792],
      [2, 612, 792]
    ]);
    expect(strings(info)).toEqual([['Hello budget 2024', 'Total 123.45'], ['Page two']]);
    const [hello, total] = info.pages[0].items;
    expect(hello.x).toBeCloseTo(72, 3);
    expect(hello.y).toBeCloseTo(792 - 720, 3); // the baseline, from the top
    expect(hello.h).toBeCloseTo(12, 3);
    // Helvetica's widths (AFM) of "Hello budget 2024" add up to 8116 / 1000 em
    expect(hello.w).toBeCloseTo(8.116 * 12, 2);
    expect(total.y).toBeCloseTo(92, 3); // the lower line has the larger y
    expect(total.h).toBeCloseTo(10, 3);
    expect(info.pages[1].items[0]).toMatchObject({ x: 100, y: 792 - 50, h: 20 });
  });

  it('reads Chinese text set in a CID font through its CMap', async () => {
    const lines = ['示例市测试局 2024 年部门预算', '“三公”经费合计 15.00 万元'];
    const info = await read(chinesePdf(lines));
    expect(strings(info)).toEqual([lines]);
    expect(info.pages[0].items[1].y).toBeGreaterThan(info.pages[0].items[0].y);
  });

  it('reads a PDF whose xref table is wrong but whose objects are intact (pdf.js rebuilds the table)', async () => {
    const broken = simplePdf({
      pages: [textAt([[72, 720, 12, 'Rebuilt from the objects']])],
      breakXref: true
    });
    expect(strings(await read(broken, 'broken-xref.pdf'))).toEqual([['Rebuilt from the objects']]);
  });
});

describe('no text layer: a scan', () => {
  it('rejects pages that only draw an image (XObject) as no_text, saying it needs OCR', async () => {
    const scan = simplePdf({
      pages: ['q 400 0 0 500 100 150 cm /Im1 Do Q', 'q 400 0 0 500 100 150 cm /Im1 Do Q'],
      resources: '<< /XObject << /Im1 7 0 R >> >>', // objects: catalog, pages, 2 pages, 2 contents, image
      extra: () => [IMAGE]
    });
    const e = await expectKind(scan, 'scan.pdf', 'no_text', /no text layer in 2 page\(s\).*needs OCR/);
    expect(e.message).toContain('scan');
  });

  it('rejects an inline image with only blank text runs as no_text', async () => {
    const scan = simplePdf({
      pages: [
        'q 400 0 0 500 100 150 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q\n' +
          textAt([[72, 720, 12, '   ']])
      ]
    });
    await expectKind(scan, 'inline.pdf', 'no_text', /needs OCR/);
  });
});

describe('text without a usable Unicode map', () => {
  it('rejects glyph names in the private-use area (/uniE001 …) as no_unicode', async () => {
    const pdf = simplePdf({
      pages: [textAt([[72, 720, 12, 'ABCDEFGH ABCD']])],
      resources: renamed('65 /uniE001 /uniE002 /uniE003 /uniE004 /uniE005 /uniE006 /uniE007 /uniE008')
    });
    await expectKind(pdf, 'pua-names.pdf', 'no_unicode', /no usable Unicode map \(100% private-use/);
  });

  it('rejects a ToUnicode map into the private-use area as no_unicode', async () => {
    const pdf = simplePdf({
      pages: [textAt([[72, 720, 12, 'QUARTERLY BUDGET']])],
      resources: '<< /Font << /F1 5 0 R >> >>',
      extra: () => [
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>',
        { dict: '<< >>', stream: PUA_CMAP }
      ]
    });
    await expectKind(pdf, 'pua-tounicode.pdf', 'no_unicode', /Unicode map/);
  });

  it('rejects glyph numbers taken for text (Identity-H, no ToUnicode) as no_unicode', async () => {
    // a subset CJK font's glyph ids as a line of a disclosure might use them
    const gids = [
      0x0003, 0x011a, 0x02c4, 0x0157, 0x0011, 0x01f0, 0x0233, 0x0298, 0x0105, 0x0012, 0x0188, 0x02aa
    ];
    const pdf = simplePdf({
      pages: [`BT /F1 12 Tf 72 720 Td <${gids.map((g) => g.toString(16).padStart(4, '0')).join('')}> Tj ET`],
      resources: '<< /Font << /F1 5 0 R >> >>',
      extra: () => [
        '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>',
        '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
        '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>'
      ]
    });
    await expectKind(pdf, 'identity.pdf', 'no_unicode', /Unicode map/);
  });

  it('keeps a text with a few private-use characters (symbol-font bullets), and rejects it when they are many', async () => {
    // Z draws U+E001 (a bullet from a symbol font): 2 of 12 visible characters are fine, 5 of 12 are not
    const few = simplePdf({
      pages: [textAt([[72, 720, 12, 'Z Total 1234 Z']])],
      resources: renamed('90 /uniE001')
    });
    expect(strings(await read(few, 'few.pdf'))).toEqual([['\ue001 Total 1234 \ue001']]);
    const many = simplePdf({
      pages: [textAt([[72, 720, 12, 'ZZ Total ZZZ 1']])],
      resources: renamed('90 /uniE001')
    });
    await expectKind(many, 'many.pdf', 'no_unicode', /45% private-use/);
  });

  it('counts private-use, replacement, control and out-of-place characters, not Chinese or Latin text', () => {
    expect(unusableShare('')).toBe(0);
    expect(unusableShare('部门预算 “三公”经费 12,345.67 万元 Total (¥) …')).toBe(0);
    expect(unusableShare('\ue000\ue001 ab')).toBe(0.5);
    expect(unusableShare('\ufffd\u0001\u0085x')).toBe(0.75);
    expect(unusableShare('ĀŗɄ预算')).toBe(0.6);
  });
});

describe('encrypted', () => {
  const secret = 'Hello budget 2024';
  it('rejects a PDF that needs a user password as encrypted', async () => {
    const pdf = simplePdf({
      pages: [textAt([[72, 720, 12, secret]])],
      encrypt: { user: 'secret', owner: 'boss' }
    });
    expect(latin1(pdf)).not.toContain(secret); // the content stream is encrypted
    await expectKind(pdf, 'locked.pdf', 'encrypted', /encrypted PDF \(needs a password to open\)/);
  });

  it('reads a PDF protected by an owner password only (empty user password)', async () => {
    const pdf = simplePdf({ pages: [textAt([[72, 720, 12, secret]])], encrypt: { user: '', owner: 'boss' } });
    expect(latin1(pdf)).not.toContain(secret);
    expect(latin1(pdf)).toContain('/Encrypt');
    expect(strings(await read(pdf, 'protected.pdf'))).toEqual([[secret]]);
  });

  it('rejects a security handler pdf.js does not know (certificates) as encrypted', async () => {
    const pdf = latin1(simplePdf({ pages: [textAt([[72, 720, 12, secret]])] }));
    // add an Encrypt dictionary after the file (an incremental update would do the same); the trailer points to it
    const obj = '5 0 obj\n<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 >>\nendobj\n';
    const at = pdf.length;
    const xrefAt = at + obj.length;
    const update =
      obj +
      `xref\n5 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Encrypt 5 0 R /Prev ${/startxref\s+(\d+)/.exec(pdf)![1]} /ID [<00> <00>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await expectKind(ascii(pdf + update), 'pubsec.pdf', 'encrypted', /encrypted PDF that cannot be opened/);
  });
});

/** Ten pages with a trailer near the start, as a linearized file has for its first page. */
function linearizedLike(): string {
  const s = latin1(
    simplePdf({
      pages: Array.from({ length: 10 }, (_, i) => textAt([[72, 720, 12, `Page ${i + 1} total ${i}`]]))
    })
  );
  const first = s.indexOf('1 0 obj');
  return s.slice(0, first) + 'trailer\n<< /Size 23 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n' + s.slice(first);
}

/** One page whose content stream is compressed, 40 lines of text. */
function flatePage(corrupt: boolean): Uint8Array {
  const lines = Array.from({ length: 40 }, (_, i) => [
    72,
    760 - i * 18,
    10,
    `Row ${i} amount ${1000 + i * 37}.25`
  ]);
  const z = deflateSync(Buffer.from(textAt(lines as [number, number, number, string][])));
  if (corrupt) for (let i = 200; i < 210; i++) z[i] ^= 0x5a;
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources ${HELVETICA} /Contents 4 0 R >>`,
    { dict: '<< /Filter /FlateDecode >>', stream: z }
  ]);
}

describe('damaged', () => {
  it('reads the compressed page intact (control), and a corrupted one in part, saying which page', async () => {
    const intact = await read(flatePage(false), 'flate.pdf');
    const good = strings(intact)[0];
    expect(good).toHaveLength(40);
    expect(good[39]).toBe('Row 39 amount 2443.25');
    expect(intact.problems).toEqual([]);
    const broken = await read(flatePage(true), 'corrupt.pdf');
    expect(strings(broken)[0].length).toBeLessThan(40);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatch(
      /^page 1 could not be read in full \(.+\): its text may be incomplete$/
    );
  });

  it('rejects a linearized-like file cut between objects, whose later pages pdf.js would give as empty', async () => {
    const whole = linearizedLike();
    expect(strings(await read(ascii(whole), 'whole.pdf')).flat()).toHaveLength(10);
    const cut = ascii(whole.slice(0, whole.indexOf('16 0 obj')));
    await expectKind(cut, 'cut.pdf', 'damaged', /cut short/);
  });

  it('reads a complete file with junk after its %%EOF', async () => {
    const junk = ascii(latin1(GOOD) + '<html><body>404</body></html>\n'.repeat(100));
    expect(strings(await read(junk, 'junk.pdf'))[1]).toEqual(['Page two']);
  });

  it.each([
    [
      'the first half of a good PDF',
      GOOD.subarray(0, GOOD.length >> 1),
      /damaged PDF: the file is cut short/
    ],
    ['its last 40 bytes cut (startxref and %%EOF gone)', GOOD.subarray(0, GOOD.length - 40), /cut short/],
    [
      'garbage after a %PDF- header',
      ascii(
        '%PDF-1.7\n' +
          Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('')
      ),
      /damaged PDF/
    ],
    [
      'random bytes without a header',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      /damaged or not a PDF \(no %PDF- header\)/
    ],
    ['an empty file', new Uint8Array(0), /damaged PDF: the file is empty/],
    ['a header and nothing else', ascii('%PDF-1.4\n%%EOF\n'), /damaged PDF/],
    [
      'no pages',
      writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 0 /Kids [] >>']),
      /has no pages/
    ],
    [
      'a page tree that contains itself',
      writePdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Count 2 /Kids [2 0 R 3 0 R] >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'
      ]),
      /damaged PDF/
    ],
    ['a trailer without a catalog', writePdf(['<< /Foo 1 >>']), /damaged PDF/]
  ])('%s → damaged, with the file named', async (_, bytes, message) => {
    const t = performance.now();
    await expectKind(bytes, 'broken.pdf', 'damaged', message);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('over budget', () => {
  const pages = (n: number) => simplePdf({ pages: [textAt([[72, 720, 12, 'Budget page']])], repeat: n });

  it('rejects more pages than maxPages as too_many_pages, and reads maxPages pages', async () => {
    const budget = { maxPages: 3, timeoutMs: 60_000 };
    const e = await unreadable(pages(50), 'long.pdf', budget);
    expect(e.kind).toBe('too_many_pages');
    expect(e.message).toBe('long.pdf: 50 pages, over the budget of 3 pages per document');
    expect((await read(pages(3), 'three.pdf', budget)).pages).toHaveLength(3);
  });

  it('rejects a reading over timeoutMs as timeout, and reads the next PDF normally', async () => {
    const e = await unreadable(pages(300), 'slow.pdf', { maxPages: 400, timeoutMs: 1 });
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('slow.pdf: timed out: reading took longer than the budget of 1 ms');
    expect(strings(await read(GOOD))[1]).toEqual(['Page two']);
  });

  it('leaves nothing that keeps the process alive after a timeout', async () => {
    // a child process times out on a PDF and must then end by itself (no process.exit), within seconds
    const root = resolve(import.meta.dirname, '../..');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-timeout-'));
    try {
      writeFileSync(join(dir, 'slow.pdf'), pages(300));
      const script = join(dir, 'child.mts');
      writeFileSync(
        script,
        `import { readFileSync } from 'node:fs';
import { readPdf } from ${JSON.stringify(join(root, 'src/lib/ingest/pdf/load.ts'))};
import { nodePdfAssets, nodePdfJs } from ${JSON.stringify(join(root, 'src/lib/ingest/pdf/node.ts'))};
const bytes = new Uint8Array(readFileSync(${JSON.stringify(join(dir, 'slow.pdf'))}));
readPdf(bytes, 'slow.pdf', await nodePdfJs(), nodePdfAssets(), { maxPages: 400, timeoutMs: 1 }).then(
  () => console.log('read'),
  (e) => console.log(e.kind)
);
`
      );
      const t = performance.now();
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done, fail) => {
        const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), script], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'inherit']
        });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('error', fail);
        child.on('close', (code) => {
          clearTimeout(kill);
          done({ code, stdout });
        });
      });
      expect(stdout.trim()).toBe('timeout');
      expect(code).toBe(0); // 0: it ended by itself; killed, it would be null
      expect(performance.now() - t).toBeLessThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the ingest command on a folder of good and unreadable PDFs', () => {
  const root = resolve(import.meta.dirname, '../..');
  const seed = join(root, 'data/disclosures/000_f7859c67d4b429b5.txt');
  const fixture = readFileSync(join(root, 'tests/fixtures/template-2024.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const bad: Record<string, [UnreadableKind, Uint8Array, RegExp]> = {
    'scan.pdf': [
      'no_text',
      simplePdf({
        pages: ['q 400 0 0 500 100 150 cm /Im1 Do Q'],
        resources: '<< /XObject << /Im1 5 0 R >> >>',
        extra: () => [IMAGE]
      }),
      /no text layer .* needs OCR/
    ],
    'glyphs.pdf': [
      'no_unicode',
      simplePdf({
        pages: [textAt([[72, 720, 12, 'ABCDEFGH']])],
        resources: renamed('65 /uniE001 /uniE002 /uniE003 /uniE004 /uniE005 /uniE006 /uniE007 /uniE008')
      }),
      /no usable Unicode map/
    ],
    'locked.pdf': [
      'encrypted',
      chinesePdf(fixture, 45, { user: 'secret', owner: 'boss' }),
      /encrypted PDF \(needs a password/
    ],
    'cut.pdf': ['damaged', chinesePdf(fixture).subarray(0, 3000), /damaged PDF: the file is cut short/],
    'garbage.pdf': ['damaged', ascii('%PDF-1.7\n' + 'x'.repeat(5000)), /damaged PDF/],
    'empty.pdf': ['damaged', new Uint8Array(0), /damaged PDF: the file is empty/],
    'long.pdf': [
      'too_many_pages',
      simplePdf({ pages: [textAt([[72, 720, 12, 'x']])], repeat: 401 }),
      /401 pages, over the budget of 400 pages/
    ]
  };

  it('rejects each unreadable PDF with its file and kind named, exits 2, and loses no other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-cli-'));
    try {
      const inputs = join(dir, 'in');
      mkdirSync(inputs);
      writeFileSync(join(inputs, 'good.pdf'), chinesePdf(fixture));
      copyFileSync(seed, join(inputs, 'seed.txt'));
      for (const [name, [, bytes]] of Object.entries(bad)) writeFileSync(join(inputs, name), bytes);
      const runs = await Promise.all(
        ['1', '2'].map(async (jobs) => {
          const out = join(dir, `out-${jobs}`);
          const r = await runCli(root, ['--out', out, '--jobs', jobs, inputs]);
          return {
            ...r,
            out,
            report: JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as Report
          };
        })
      );
      for (const run of runs) {
        expect(run.code).toBe(2);
        const files = run.report.entries.map((e) => e.file.slice(inputs.length + 1));
        expect(files).toEqual([...Object.keys(bad), 'good.pdf', 'seed.txt'].sort());
        const entry = (name: string) => run.report.entries.find((e) => e.file === join(inputs, name))!;
        for (const [name, [kind, , words]] of Object.entries(bad)) {
          const e = entry(name);
          expect(e.status, `${name} (${kind})`).toBe('rejected');
          expect(e.reasons).toHaveLength(1);
          expect(e.reasons[0]).toContain(join(inputs, name));
          expect(e.reasons[0], `${name} (${kind})`).toMatch(words);
          expect(e.counts).toEqual({ line_items: 0, projects: 0, findings: 0, figures: 0 });
        }
        for (const name of ['good.pdf', 'seed.txt']) {
          expect(['ok', 'partial']).toContain(entry(name).status);
          expect(entry(name).counts.figures).toBeGreaterThan(10);
        }
        expect(run.report.totals).toMatchObject({ inputs: 9, rejected: 7 });
        const manifest = JSON.parse(readFileSync(join(run.out, 'manifest.json'), 'utf8'));
        expect(manifest.rows.disclosures).toBe(2);
        expect(run.stderr).toContain(`rejected ${join(inputs, 'scan.pdf')}: `);
      }
      expect(runs[1].report).toEqual(runs[0].report);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Report {
  totals: Record<string, number>;
  entries: { file: string; status: string; reasons: string[]; counts: Record<string, number> }[];
}

function runCli(root: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/ingest.ts'), ...args],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe']
      }
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}
