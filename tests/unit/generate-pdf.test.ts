// The generator's PDF output: the font taken out of the fonts-noto-cjk collection, the CFF it embeds (walked
// and its charstrings decoded back to the outlines), and generated documents read back with pdf.js: the
// marker line, titles, figures in their cells, empty cells with no text, page orientations, both 三公
// layouts, tables carried across pages, same bytes for the same seed, bounded size.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGenerateArgs, runGenerate } from '../../src/cli/generate';
import { generateCorpus, truthFileName, type GeneratedDocument } from '../../src/lib/generate/index';
import { formatAmount } from '../../src/lib/generate/document';
import { FUNCTIONAL_NAMES } from '../../src/lib/generate/classification';
import { buildCidCff, charstringFromPath, type PathCommand } from '../../src/lib/generate/pdf/cff';
import {
  collectionFaces,
  extractFace,
  loadCjkFont,
  NOTO_CJK_FACE,
  NOTO_CJK_PATH
} from '../../src/lib/generate/pdf/font';
import { writePdf } from '../../src/lib/generate/pdf/write';

const HAVE_FONT = existsSync(NOTO_CJK_PATH);

// ---- a Type 2 charstring decoder for the operators the writer emits: points back from the bytes ----

/**
 * The number at `i` (charstring or DICT encoding: 29 is a DICT int32, 255 a charstring 16.16 fixed) and
 * where the next token starts, or null when the byte is an operator.
 */
function readNumber(b: Uint8Array, i: number): [number, number] | null {
  const v = b[i];
  const view = () => new DataView(b.buffer, b.byteOffset + i + 1, 4);
  if (v >= 32 && v <= 246) return [v - 139, i + 1];
  if (v >= 247 && v <= 250) return [(v - 247) * 256 + b[i + 1] + 108, i + 2];
  if (v >= 251 && v <= 254) return [-(v - 251) * 256 - b[i + 1] - 108, i + 2];
  if (v === 28) return [((b[i + 1] << 24) >> 16) | b[i + 2], i + 3];
  if (v === 29) return [view().getInt32(0), i + 5];
  if (v === 255) return [view().getInt32(0) / 65536, i + 5];
  return null;
}

function decodeCharstring(cs: Uint8Array): number[][] {
  const points: number[][] = [];
  let x = 0;
  let y = 0;
  let args: number[] = [];
  const to = (dx: number, dy: number) => {
    x += dx;
    y += dy;
    points.push([x, y]);
  };
  const curve = (a: number, b: number, c: number, d: number, e: number, f: number) => {
    to(a, b);
    to(c, d);
    to(e, f);
  };
  for (let i = 0; i < cs.length;) {
    const b = cs[i];
    const n = b === 29 ? null : readNumber(cs, i);
    if (n) {
      args.push(n[0]);
      i = n[1];
    } else {
      i++;
      const a = args;
      args = [];
      switch (b) {
        case 21:
          expect(a.length).toBe(2);
          points.push(['M'.charCodeAt(0)]);
          to(a[0], a[1]);
          break;
        case 5:
          for (let k = 0; k < a.length; k += 2) to(a[k], a[k + 1]);
          break;
        case 6:
        case 7:
          a.forEach((v, k) => ((b === 6) === (k % 2 === 0) ? to(v, 0) : to(0, v)));
          break;
        case 8:
          for (let k = 0; k < a.length; k += 6) curve(a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4], a[k + 5]);
          break;
        case 27: {
          let k = 0;
          let dy1 = a.length % 4 ? a[k++] : 0;
          for (; k < a.length; k += 4, dy1 = 0) curve(a[k], dy1, a[k + 1], a[k + 2], a[k + 3], 0);
          break;
        }
        case 26: {
          let k = 0;
          let dx1 = a.length % 4 ? a[k++] : 0;
          for (; k < a.length; k += 4, dx1 = 0) curve(dx1, a[k], a[k + 1], a[k + 2], 0, a[k + 3]);
          break;
        }
        case 31:
        case 30:
          expect(a.length % 4).toBe(0);
          for (let k = 0, h = b === 31; k < a.length; k += 4, h = !h)
            if (h) curve(a[k], 0, a[k + 1], a[k + 2], 0, a[k + 3]);
            else curve(0, a[k], a[k + 1], a[k + 2], a[k + 3], 0);
          break;
        case 14:
          expect(i).toBe(cs.length);
          break;
        default:
          throw new Error(`unexpected operator ${b}`);
      }
    }
  }
  return points;
}

/** A path's points in the decoder's form (a marker before each moveto), quadratics not expected. */
function pathPoints(commands: readonly PathCommand[]): number[][] {
  const out: number[][] = [];
  for (const c of commands) {
    if (c.command === 'moveTo') out.push(['M'.charCodeAt(0)]);
    for (let k = 0; k + 1 < c.args.length; k += 2) out.push([c.args[k], c.args[k + 1]]);
  }
  return out;
}

// ---- a CFF walker: header, INDEXes, DICTs ----

function readIndex(b: Uint8Array, at: number): { items: Uint8Array[]; end: number } {
  const count = (b[at] << 8) | b[at + 1];
  if (count === 0) return { items: [], end: at + 2 };
  const offSize = b[at + 2];
  expect(offSize).toBeGreaterThanOrEqual(1);
  expect(offSize).toBeLessThanOrEqual(4);
  const off = (k: number) => {
    let v = 0;
    for (let j = 0; j < offSize; j++) v = v * 256 + b[at + 3 + k * offSize + j];
    return v;
  };
  const data = at + 3 + (count + 1) * offSize - 1;
  const items = Array.from({ length: count }, (_, k) => b.subarray(data + off(k), data + off(k + 1)));
  return { items, end: data + off(count) };
}

function readDict(d: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let ops: number[] = [];
  for (let i = 0; i < d.length;) {
    const n = d[i] === 255 ? null : readNumber(d, i);
    if (n) {
      ops.push(n[0]);
      i = n[1];
      continue;
    }
    const op = d[i] === 12 ? 1200 + d[i + 1] : d[i];
    i += d[i] === 12 ? 2 : 1;
    out.set(op, ops);
    ops = [];
  }
  return out;
}

describe('the font collection', () => {
  /** A collection of one face holding only a name table with full name `name`. */
  function tinyCollection(name: string): Uint8Array {
    const str = Uint8Array.from([...name].flatMap((c) => [0, c.charCodeAt(0)]));
    const nameTable = new Uint8Array(6 + 12 + str.length);
    const nv = new DataView(nameTable.buffer);
    nv.setUint16(2, 1); // one record
    nv.setUint16(4, 18); // strings after it
    [3, 1, 0x409, 4, str.length, 0].forEach((v, k) => nv.setUint16(6 + 2 * k, v));
    nameTable.set(str, 18);
    const b = new Uint8Array(16 + 12 + 16 + nameTable.length);
    const v = new DataView(b.buffer);
    b.set([0x74, 0x74, 0x63, 0x66]); // ttcf
    v.setUint32(4, 0x10000);
    v.setUint32(8, 1);
    v.setUint32(12, 16);
    v.setUint32(16, 0x10000); // sfnt version
    v.setUint16(20, 1); // one table
    b.set([0x6e, 0x61, 0x6d, 0x65], 28); // 'name'
    v.setUint32(32, 0xabcd); // checksum kept as it was
    v.setUint32(36, 44);
    v.setUint32(40, nameTable.length);
    b.set(nameTable, 44);
    return b;
  }

  it('lists the faces by name and takes one out as a standalone font with its tables re-pointed', () => {
    const ttc = tinyCollection('Test Face');
    expect(collectionFaces(ttc)).toEqual([{ index: 0, name: 'Test Face' }]);
    const font = extractFace(ttc, 'Test Face');
    const v = new DataView(font.buffer);
    expect(v.getUint32(0)).toBe(0x10000);
    expect(v.getUint16(4)).toBe(1);
    expect(String.fromCharCode(...font.subarray(12, 16))).toBe('name');
    expect(v.getUint32(16)).toBe(0xabcd);
    expect(v.getUint32(20)).toBe(28); // right after the directory
    expect(font.subarray(28, 28 + v.getUint32(24))).toEqual(ttc.subarray(44));
    expect(font.length % 4).toBe(0);
    expect(extractFace(ttc, 0)).toEqual(font);
    expect(() => extractFace(ttc, 'Other')).toThrow(/no face named "Other" \(it has Test Face\)/);
    expect(() => extractFace(ttc, 3)).toThrow(/no face 3/);
    expect(() => extractFace(new Uint8Array(64), 0)).toThrow(/not a TrueType collection/);
  });

  it('a missing font file is named, with the package to install', async () => {
    await expect(loadCjkFont('/nonexistent/NotoSansCJK-Regular.ttc')).rejects.toThrow(
      /\/nonexistent\/NotoSansCJK-Regular\.ttc.*apt-get install fonts-noto-cjk/
    );
  });

  it.skipIf(!HAVE_FONT)('takes Noto Sans CJK SC out of fonts-noto-cjk: fontkit opens it', () => {
    const ttc = readFileSync(NOTO_CJK_PATH);
    const faces = collectionFaces(ttc);
    const sc = faces.find((f) => f.name === NOTO_CJK_FACE)!;
    expect(sc).toBeDefined();
    const otf = extractFace(ttc, NOTO_CJK_FACE);
    expect(otf.length).toBeLessThan(ttc.length);
    const font = fontkit.create(otf as Buffer) as unknown as {
      fullName: string;
      numGlyphs: number;
      glyphsForString(s: string): { id: number; advanceWidth: number }[];
    };
    expect(font.fullName).toBe(NOTO_CJK_FACE);
    expect(font.numGlyphs).toBeGreaterThan(60000);
    const glyphs = font.glyphsForString('部门预算');
    expect(glyphs.every((g) => g.id > 0 && g.advanceWidth === 1000)).toBe(true);
    // another face of the collection is another font
    const other = faces.find((f) => f.name !== NOTO_CJK_FACE)!;
    expect(extractFace(ttc, other.index)).not.toEqual(otf);
  });
});

describe('charstrings and the embedded CFF', () => {
  const square: PathCommand[] = [
    { command: 'moveTo', args: [100, 100] },
    { command: 'lineTo', args: [500, 100] },
    { command: 'lineTo', args: [500, 600] },
    { command: 'lineTo', args: [100, 600] },
    { command: 'closePath', args: [] },
    { command: 'moveTo', args: [200, 200] },
    { command: 'bezierCurveTo', args: [300, 200, 400, 250, 400, 350] },
    { command: 'bezierCurveTo', args: [400, 450, 350, 480, 250, 480] },
    { command: 'bezierCurveTo', args: [230, 470, 210, 400, 215.5, 300] },
    { command: 'lineTo', args: [1400, 2300] },
    { command: 'closePath', args: [] }
  ];

  it('encodes a path in the short operators and decodes back to the same points', () => {
    const cs = charstringFromPath(square);
    expect(decodeCharstring(cs)).toEqual(pathPoints(square));
    expect([...cs]).toContain(6); // hlineto for the square's sides
    expect([...cs]).toContain(31); // hvcurveto for the quarter turns
    expect(cs[cs.length - 1]).toBe(14);
    expect([...charstringFromPath([])]).toEqual([14]);
  });

  it('builds a CID-keyed CFF a reader can walk: valid header, ROS, CIDCount, charset, FDSelect, one private dict', () => {
    const glyphs = [
      charstringFromPath([]),
      charstringFromPath(square),
      charstringFromPath(square.slice(0, 5))
    ];
    const cff = buildCidCff('Test-Regular', glyphs, [-10, -100, 1000, 900]);
    expect([...cff.subarray(0, 4)]).toEqual([1, 0, 4, 4]);
    const names = readIndex(cff, 4);
    expect(new TextDecoder().decode(names.items[0])).toBe('Test-Regular');
    const top = readIndex(cff, names.end);
    const strings = readIndex(cff, top.end);
    const gsubrs = readIndex(cff, strings.end);
    expect(gsubrs.items).toEqual([]);
    const dict = readDict(top.items[0]);
    const sid = (n: number) => new TextDecoder().decode(strings.items[n - 391]);
    const ros = dict.get(1230)!;
    expect([sid(ros[0]), sid(ros[1]), ros[2]]).toEqual(['Adobe', 'Identity', 0]);
    expect(dict.get(1234)).toEqual([3]);
    expect(dict.get(5)).toEqual([-10, -100, 1000, 900]);
    const charStrings = readIndex(cff, dict.get(17)![0]);
    expect(charStrings.items.map((x) => [...x])).toEqual(glyphs.map((x) => [...x]));
    const charset = cff.subarray(dict.get(15)![0]);
    expect([...charset.subarray(0, 5)]).toEqual([2, 0, 1, 0, 1]); // CIDs 1…2
    const fdSelect = cff.subarray(dict.get(1237)![0]);
    expect([...fdSelect.subarray(0, 8)]).toEqual([3, 0, 1, 0, 0, 0, 0, 3]);
    const fdArray = readIndex(cff, dict.get(1236)![0]);
    expect(fdArray.items).toHaveLength(1);
    const [size, offset] = readDict(fdArray.items[0]).get(18)!;
    expect(offset + size).toBe(cff.length);
    expect(readDict(cff.subarray(offset, offset + size))).toEqual(
      new Map([
        [20, [0]],
        [21, [0]]
      ])
    );
  });

  it.skipIf(!HAVE_FONT)('re-encodes Noto Sans CJK SC glyphs exactly', () => {
    const font = fontkit.create(
      extractFace(readFileSync(NOTO_CJK_PATH), NOTO_CJK_FACE) as Buffer
    ) as unknown as {
      glyphsForString(s: string): { id: number; path: { commands: PathCommand[] } }[];
    };
    const text = '部门收支总体情况表编制单位：万元（一般公共预算）“三公”经费0123456789.%，。、；';
    for (const g of font.glyphsForString(text)) {
      const commands = g.path.commands;
      expect(decodeCharstring(charstringFromPath(commands)), `glyph ${g.id}`).toEqual(pathPoints(commands));
    }
  });
});

// ---- generated PDFs, read back with pdf.js ----

interface Item {
  str: string;
  x: number;
  /** baseline, PDF coordinates (upwards) */
  y: number;
  w: number;
}
interface Page {
  width: number;
  height: number;
  items: Item[];
}

async function readBack(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0
  }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items)
      if ('str' in it && it.str.trim())
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width });
    pages.push({ width: vp.width, height: vp.height, items });
  }
  const info = (await doc.getMetadata()).info as unknown as Record<string, string>;
  await doc.destroy();
  return { pages, info };
}

const TITLES = [
  '部门收支总体情况表',
  '部门收入总体情况表',
  '部门支出总体情况表',
  '财政拨款收支预算总体情况表',
  '一般公共预算支出情况表',
  '一般公共预算基本支出情况表',
  '一般公共预算项目支出情况表',
  '政府性基金预算支出情况表',
  '国有资本经营预算支出情况表',
  '财政拨款“三公”经费支出情况表'
];

/** The pages of table `no`: from the page with its title to the page before the next table's title. */
function tablePages(pages: Page[], no: number): Page[] {
  const at = (title: string) => pages.findIndex((p) => p.items.some((i) => i.str.endsWith(title)));
  const start = at(TITLES[no - 1]);
  const end = no < 10 ? at(TITLES[no]) : pages.findIndex((p, k) => k > start && p.width < p.height);
  return pages.slice(start, end);
}

const sameLine = (a: Item, b: Item) => Math.abs(a.y - b.y) < 0.5;
const center = (i: Item) => i.x + i.w / 2;
/** A truth amount (万元) as the document prints it. */
const printed = (wan: number, doc: GeneratedDocument) =>
  formatAmount(Math.round(wan * 100), doc.truth.document_unit === '元');

describe.skipIf(!HAVE_FONT)('generated PDFs read back with pdf.js', () => {
  const SEED = 'pdf-test';
  const pool = [
    ...generateCorpus({
      units: 40,
      firstYear: 2023,
      lastYear: 2024,
      seed: SEED,
      pdfShare: 1,
      inconsistencyRate: 0
    })
  ];
  const find = (what: string, p: (d: GeneratedDocument) => boolean) => {
    const d = pool.find(p);
    if (!d) throw new Error(`no document in the pool with ${what}`);
    return d;
  };
  const docs = {
    split: find(
      'split codes, 三公 as rows',
      (d) => d.pdf!.style.splitCodes && d.pdf!.style.threeLayout === 'rows'
    ),
    joined: find(
      'joined codes, 三公 as columns, budget',
      (d) => !d.pdf!.style.splitCodes && d.pdf!.style.threeLayout === 'columns' && d.truth.kind === 'budget'
    ),
    final: find(
      'a 决算 with 三公 as columns',
      (d) => d.truth.kind === 'final' && d.pdf!.style.threeLayout === 'columns'
    ),
    yuan: find('元', (d) => d.truth.document_unit === '元'),
    tall: find('tall rows', (d) => d.pdf!.style.rowHeight >= 20)
  };
  const bytes = new Map<GeneratedDocument, Uint8Array>();
  const read = new Map<GeneratedDocument, Awaited<ReturnType<typeof readBack>>>();
  let font: Uint8Array;

  beforeAll(async () => {
    font = await loadCjkFont();
    for (const d of new Set(Object.values(docs))) {
      const b = await writePdf(d.pdf!.document, d.pdf!.style, font);
      bytes.set(d, b);
      read.set(d, await readBack(b));
    }
  }, 60_000);

  it('same document, same bytes; another document, other bytes', async () => {
    const d = docs.split;
    const again = [
      ...generateCorpus({
        units: 40,
        firstYear: 2023,
        lastYear: 2024,
        seed: SEED,
        pdfShare: 1,
        inconsistencyRate: 0
      })
    ].find((x) => x.file === d.file)!;
    const b = await writePdf(again.pdf!.document, again.pdf!.style, font);
    expect(Buffer.from(b).equals(Buffer.from(bytes.get(d)!))).toBe(true);
    expect(Buffer.from(bytes.get(docs.yuan)!).equals(Buffer.from(bytes.get(d)!))).toBe(false);
  });

  it('page 1 starts with the synthetic marker line; the metadata says synthetic, with fixed dates', () => {
    for (const [d, { pages, info }] of read) {
      expect(pages[0].items[0].str).toBe(`# synthetic: gongkai generator seed=${SEED}`);
      expect(info.Subject).toBe('gongkai synthetic');
      expect(info.Producer).toBe('gongkai generator');
      const p = d.truth.published_on.replace(/-/g, '');
      expect(info.CreationDate).toMatch(new RegExp(`^D:${p}12`));
      expect(info.ModDate).toBe(info.CreationDate);
    }
  });

  it('prose pages are portrait, table pages landscape, target tables portrait', () => {
    for (const { pages } of read.values()) {
      expect(pages[0].width).toBeLessThan(pages[0].height);
      for (let no = 1; no <= 10; no++) {
        const ps = tablePages(pages, no);
        expect(ps.length, `表${no}`).toBeGreaterThan(0);
        for (const p of ps) expect(p.width).toBeGreaterThan(p.height);
      }
      const targets = pages.filter((p) => p.items.some((i) => i.str === '项 目 支 出 绩 效 目 标 表'));
      expect(targets.length).toBeGreaterThan(0);
      for (const p of targets) expect(p.width).toBeLessThan(p.height);
    }
  });

  it('each table title is one centred line of its own', () => {
    for (const [d, { pages }] of read) {
      for (let no = 1; no <= 10; no++) {
        const page = tablePages(pages, no)[0];
        const title = page.items.find((i) => i.str.endsWith(TITLES[no - 1]))!;
        expect(title.str).toBe(
          d.pdf!.style.tableLabel === 'prefix' ? `表${no} ${TITLES[no - 1]}` : TITLES[no - 1]
        );
        expect(Math.abs(center(title) - page.width / 2)).toBeLessThan(2);
        expect(page.items.some((i) => i.str === `编制部门：${d.truth.unit_name}`)).toBe(true);
        expect(page.items.some((i) => i.str === `单位：${d.truth.document_unit}`)).toBe(true);
      }
    }
  });

  it('表1 states the total as its own right-aligned cells', () => {
    for (const [d, { pages }] of read) {
      const total = printed(d.truth.figures.total_expenditure!, d);
      const cells = tablePages(pages, 1)
        .flatMap((p) => p.items)
        .filter((i) => i.str === total);
      expect(cells.length, d.file).toBeGreaterThanOrEqual(4); // 本年收入, 一般公共预算拨款, 一般财力, 总计 ×2
    }
  });

  it('表3: codes split into 类/款/项 cells or joined, amounts right-aligned, an empty cell has no text', () => {
    for (const [d, { pages }] of read) {
      const ps = tablePages(pages, 3);
      const row = (code: string) => {
        for (const p of ps) {
          const name = p.items.find((i) => i.str === FUNCTIONAL_NAMES[code] && code.length === 3);
          if (name) return { page: p, items: p.items.filter((i) => sameLine(i, name)) };
        }
        return null;
      };
      // a 类 row with basic expenditure only
      const basicOnly = d.truth.functional.find(
        (r) => r.code.length === 3 && r.project === 0 && r.basic > 0
      )!;
      const r = row(basicOnly.code)!;
      expect(r, `${d.file} ${basicOnly.code}`).not.toBeNull();
      const header = (s: string) => r.page.items.find((i) => i.str === s)!;
      const basicX = center(header('基本支出'));
      const projectX = center(header('项目支出'));
      const amounts = r.items.filter((i) => /^\d+\.\d\d$/.test(i.str));
      expect(amounts.map((i) => i.str)).toEqual([printed(basicOnly.total, d), printed(basicOnly.basic, d)]);
      for (const a of amounts)
        expect(Math.abs(center(a) - projectX)).toBeGreaterThan(Math.abs(center(a) - basicX) - 1);
      expect(r.items.some((i) => i.x > (basicX + projectX) / 2)).toBe(false);
      // amounts are right-aligned: in each column they share their right edge
      const heads = ['合计', '基本支出', '项目支出'].map(header);
      const columns = new Map<Item, Set<number>>();
      for (const i of ps[0].items.filter((x) => /^\d+\.\d\d$/.test(x.str))) {
        const head = heads.reduce((a, b) =>
          Math.abs(center(b) - center(i)) < Math.abs(center(a) - center(i)) ? b : a
        );
        columns.set(head, (columns.get(head) ?? new Set()).add(Math.round((i.x + i.w) * 4)));
      }
      expect(columns.size).toBeGreaterThanOrEqual(2);
      for (const rights of columns.values()) expect(rights.size).toBe(1);
      // the code of a 项 row
      const item = d.truth.functional.find((x) => x.code.length === 7)!;
      const strs = ps.flatMap((p) => p.items.map((i) => i.str));
      if (d.pdf!.style.splitCodes) {
        const parts = [item.code.slice(0, 3), item.code.slice(3, 5), item.code.slice(5)];
        const lines = ps.flatMap((p) =>
          p.items
            .filter((i) => i.str === parts[0])
            .map((a) => p.items.filter((i) => sameLine(i, a)).map((i) => i.str))
        );
        expect(
          lines.some((l) => l.slice(0, 4).join('|') === [...parts, FUNCTIONAL_NAMES[item.code]].join('|'))
        ).toBe(true);
        expect(strs).not.toContain(item.code);
      } else expect(strs).toContain(item.code);
    }
  });

  it('the 三公 table: items as rows (接待 last) or as columns (接待 before the vehicle columns)', () => {
    for (const [d, { pages }] of read) {
      const items = tablePages(pages, 10).flatMap((p) => p.items);
      const f = d.truth.figures;
      const at = (s: string) => items.find((i) => i.str === s)!;
      if (d.pdf!.style.threeLayout === 'rows') {
        const labels = ['合计', '公务接待费'].map(at);
        expect(labels[0].y).toBeGreaterThan(labels[1].y);
        expect(labels[0].x).toBe(labels[1].x);
        const total = items.filter((i) => sameLine(i, labels[0]) && i !== labels[0]).map((i) => i.str);
        expect(total).toContain(printed(f.three_public_total!, d));
      } else {
        const [sub, buy, run] = ['小计', '购置费', '运行费'].map((s) => items.filter((i) => i.str === s));
        expect(sameLine(sub[0], buy[0]) && sameLine(buy[0], run[0])).toBe(true);
        expect(at('公务接待费').x).toBeLessThan(sub[0].x);
        const data = items.filter((i) => /^\d+\.\d\d$/.test(i.str));
        expect(data.map((i) => i.str)).toContain(printed(f.three_public_total!, d));
        if (d.truth.kind === 'final') expect(sameLine(at('预算数'), at('决算数'))).toBe(true);
        // one data row per set of figures: the amounts share one baseline
        expect(new Set(data.map((i) => Math.round(i.y))).size).toBe(1);
      }
    }
  });

  it('a long table carries over pages: header repeated, title not', () => {
    const { pages } = read.get(docs.tall)!;
    const ps = tablePages(pages, 6);
    expect(ps.length).toBeGreaterThan(1);
    for (const p of ps) expect(p.items.some((i) => i.str === '人员经费')).toBe(true);
    expect(ps.filter((p) => p.items.some((i) => i.str.endsWith(TITLES[5])))).toHaveLength(1);
  });

  it('a PDF stays small (the font is a subset)', () => {
    for (const [d, b] of bytes) {
      expect(b.length, d.file).toBeLessThan(180_000);
      expect(b.length, d.file).toBeGreaterThan(20_000);
    }
  });
});

describe('the PDF share of a corpus', () => {
  it('picks whole units, leaves the text documents as they were, and names the truth file after the PDF', () => {
    const opts = { units: 60, firstYear: 2023, lastYear: 2024, seed: 'share' };
    const plain = [...generateCorpus(opts)];
    const mixed = [...generateCorpus({ ...opts, pdfShare: 0.3 })];
    expect(plain.every((d) => d.file.endsWith('.txt') && !d.pdf)).toBe(true);
    expect(mixed.map((d) => d.file.replace(/\.pdf$/, '.txt'))).toEqual(plain.map((d) => d.file));
    expect(mixed.map((d) => d.text)).toEqual(plain.map((d) => d.text));
    const pdfUnits = new Set(mixed.filter((d) => d.pdf).map((d) => d.file.slice(0, 6)));
    expect(pdfUnits.size).toBeGreaterThan(6);
    expect(pdfUnits.size).toBeLessThan(30);
    for (const d of mixed) expect(d.file.endsWith('.pdf')).toBe(pdfUnits.has(d.file.slice(0, 6)));
    const pdf = mixed.find((d) => d.pdf)!;
    expect(pdf.truth.file).toBe(pdf.file);
    expect(truthFileName(pdf.file)).toBe(pdf.file.replace(/\.pdf$/, '.truth.json'));
    expect(truthFileName('u00001_2023_budget.txt')).toBe('u00001_2023_budget.truth.json');
  });
});

describe.skipIf(!HAVE_FONT)('npm run generate --pdf-share', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-genpdf-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('parses the share and writes .pdf documents with their truth files', async () => {
    expect(parseGenerateArgs(['--out', 'x', '--pdf-share', '0.25']).pdfShare).toBe(0.25);
    expect(parseGenerateArgs(['--out', 'x']).pdfShare).toBe(0);
    expect(() => parseGenerateArgs(['--out', 'x', '--pdf-share', '2'])).toThrow(/--pdf-share/);
    const out = join(root, 'out');
    const r = await runGenerate({
      out,
      units: 1,
      firstYear: 2023,
      lastYear: 2024,
      seed: 'c',
      pdfShare: 1,
      quiet: true
    });
    expect(r.pdfs).toBe(2);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(4);
    for (const f of files.filter((x) => x.endsWith('.pdf'))) {
      expect(readFileSync(join(out, f)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(JSON.parse(readFileSync(join(out, truthFileName(f)), 'utf8')).file).toBe(f);
    }
  });
});
