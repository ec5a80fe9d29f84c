// A small, correct CFF subset for pdf-lib. @pdf-lib/fontkit 1.1.1's own CFF subsetter breaks CID-keyed fonts
// such as Noto Sans CJK: it writes an invalid header offSize, assigns glyphs to the wrong font dict (so they
// run the wrong local subroutines), and keeps every subroutine index at full length (tens of KB of stubs per
// document). Here each glyph used is re-encoded from its outline (fontkit's decoded path) as a plain Type 2
// charstring — no subroutines, no hints — into a bare CID-keyed CFF with one font dict, which PDF embeds as
// FontFile3 /CIDFontType0C. pdf-lib is given this through its documented extension point, the fontkit
// object passed to registerFontkit: create() returns fontkit's font with createSubset() replaced.

/** The part of a fontkit path command this needs. */
export interface PathCommand {
  command: string;
  args: number[];
}

// ---- Type 2 charstrings ----

function csNumber(out: number[], v: number) {
  if (!Number.isInteger(v) || v < -32768 || v > 32767) {
    // 16.16 fixed
    const fixed = Math.round(v * 65536) | 0;
    out.push(255, (fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff);
  } else if (v >= -107 && v <= 107) out.push(v + 139);
  else if (v >= 108 && v <= 1131) out.push(((v - 108) >> 8) + 247, (v - 108) & 0xff);
  else if (v >= -1131 && v <= -108) out.push(((-v - 108) >> 8) + 251, (-v - 108) & 0xff);
  else out.push(28, (v >> 8) & 0xff, v & 0xff);
}

const RMOVETO = 21;
const RLINETO = 5;
const HLINETO = 6;
const VLINETO = 7;
const RRCURVETO = 8;
const HHCURVETO = 27;
const VVCURVETO = 26;
const HVCURVETO = 31;
const VHCURVETO = 30;
const ENDCHAR = 14;
/** The Type 2 argument stack holds 48 numbers. */
const MAX_ARGS = 48;

/** One segment in relative coordinates: a line (2 numbers) or a cubic curve (6). */
type Segment = number[];

/**
 * The segment's arguments when it can join a run of `op`, with `index` the segment's position in that run
 * (the alternating h/v operators switch axis at each step), or null.
 */
function runArgs(op: number, seg: Segment, index: number): number[] | null {
  if (seg.length === 2) {
    const [dx, dy] = seg;
    const horizontal = (op === HLINETO) === (index % 2 === 0);
    if (op !== HLINETO && op !== VLINETO) return op === RLINETO ? seg : null;
    return horizontal ? (dy === 0 ? [dx] : null) : dx === 0 ? [dy] : null;
  }
  const [dx1, dy1, dx2, dy2, dx3, dy3] = seg;
  switch (op) {
    case RRCURVETO:
      return seg;
    case HHCURVETO: // dy1 only on the first curve: dy1? {dxa dxb dyb dxc}+
      if (dy3 !== 0 || (index > 0 && dy1 !== 0)) return null;
      return dy1 !== 0 ? [dy1, dx1, dx2, dy2, dx3] : [dx1, dx2, dy2, dx3];
    case VVCURVETO: // dx1? {dya dxb dyb dyc}+
      if (dx3 !== 0 || (index > 0 && dx1 !== 0)) return null;
      return dx1 !== 0 ? [dx1, dy1, dx2, dy2, dy3] : [dy1, dx2, dy2, dy3];
    case HVCURVETO:
    case VHCURVETO: {
      const startsHorizontal = (op === HVCURVETO) === (index % 2 === 0);
      return startsHorizontal
        ? dy1 === 0 && dx3 === 0
          ? [dx1, dx2, dy2, dy3]
          : null
        : dx1 === 0 && dy3 === 0
          ? [dy1, dx2, dy2, dx3]
          : null;
    }
  }
  return null;
}

/** The most compact operator a segment can start a run with. */
function bestOp(seg: Segment): number {
  if (seg.length === 2) return seg[1] === 0 ? HLINETO : seg[0] === 0 ? VLINETO : RLINETO;
  for (const op of [HVCURVETO, VHCURVETO, HHCURVETO, VVCURVETO]) {
    const args = runArgs(op, seg, 0);
    if (args && args.length === 4) return op;
  }
  return RRCURVETO;
}

/**
 * A glyph outline as a Type 2 charstring: moveto, then lines and cubic curves with relative coordinates in
 * the shortest operators (h/v lines and curves in alternating runs), endchar. Subpaths close implicitly, as
 * Type 2 does at each moveto; quadratic curves are raised to cubic. No hints, no subroutines, no width (PDF
 * gives the widths).
 */
export function charstringFromPath(commands: readonly PathCommand[]): Uint8Array {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  let runOp = -1;
  let runArgsList: number[] = [];
  let runLength = 0;
  const flush = () => {
    if (runOp < 0) return;
    for (const a of runArgsList) csNumber(out, a);
    out.push(runOp);
    runOp = -1;
    runArgsList = [];
    runLength = 0;
  };
  const add = (seg: Segment) => {
    if (runOp >= 0) {
      const args = runArgs(runOp, seg, runLength);
      // an hh/vv curve with the optional leading argument can only start a run
      const leading = (runOp === HHCURVETO || runOp === VVCURVETO) && args?.length === 5;
      if (args && !leading && runArgsList.length + args.length <= MAX_ARGS) {
        runArgsList.push(...args);
        runLength++;
        return;
      }
      flush();
    }
    runOp = bestOp(seg);
    runArgsList = runArgs(runOp, seg, 0)!;
    runLength = 1;
  };
  // deltas from absolute positions, so rounding never accumulates
  const rel = (ax: number, ay: number) => {
    const d = [ax - x, ay - y];
    x = ax;
    y = ay;
    return d;
  };
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        flush();
        for (const a of rel(args[0], args[1])) csNumber(out, a);
        out.push(RMOVETO);
        break;
      case 'lineTo':
        add(rel(args[0], args[1]));
        break;
      case 'bezierCurveTo':
        add([...rel(args[0], args[1]), ...rel(args[2], args[3]), ...rel(args[4], args[5])]);
        break;
      case 'quadraticCurveTo': {
        const [qx, qy, ex, ey] = args;
        const c1 = [x + ((qx - x) * 2) / 3, y + ((qy - y) * 2) / 3];
        const c2 = [ex + ((qx - ex) * 2) / 3, ey + ((qy - ey) * 2) / 3];
        add([...rel(c1[0], c1[1]), ...rel(c2[0], c2[1]), ...rel(ex, ey)]);
        break;
      }
      case 'closePath':
        // implicit in Type 2, and the pen stays where the last segment ended (the next moveto is relative to it)
        flush();
        break;
      default:
        throw new Error(`charstring: unknown path command ${command}`);
    }
  }
  flush();
  out.push(ENDCHAR);
  return Uint8Array.from(out);
}

// ---- CFF structures ----

/** DICT integer, always 5 bytes (29 + int32) when `fixed`, so offsets can be laid out in one pass. */
function dictInt(out: number[], v: number, fixed = false) {
  if (fixed || v < -1131 || v > 1131) {
    if (!fixed && v >= -32768 && v <= 32767) out.push(28, (v >> 8) & 0xff, v & 0xff);
    else out.push(29, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  } else if (v >= -107 && v <= 107) out.push(v + 139);
  else if (v >= 108) out.push(((v - 108) >> 8) + 247, (v - 108) & 0xff);
  else out.push(((-v - 108) >> 8) + 251, (-v - 108) & 0xff);
}

function index(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return Uint8Array.of(0, 0);
  const dataLength = items.reduce((s, it) => s + it.length, 0);
  const offSize =
    dataLength + 1 < 0x100 ? 1 : dataLength + 1 < 0x10000 ? 2 : dataLength + 1 < 0x1000000 ? 3 : 4;
  const out = new Uint8Array(3 + (items.length + 1) * offSize + dataLength);
  out[0] = items.length >> 8;
  out[1] = items.length & 0xff;
  out[2] = offSize;
  let at = 3;
  let offset = 1;
  const writeOffset = (v: number) => {
    for (let k = offSize - 1; k >= 0; k--) out[at++] = (v >>> (8 * k)) & 0xff;
  };
  writeOffset(offset);
  for (const it of items) {
    offset += it.length;
    writeOffset(offset);
  }
  for (const it of items) {
    out.set(it, at);
    at += it.length;
  }
  return out;
}

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0x7f));
const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The first string id after the 391 standard strings. */
const FIRST_SID = 391;

/**
 * A bare CID-keyed CFF holding `charstrings` (the first is .notdef) as CIDs 0…n−1 (GID = CID), one font dict
 * with an empty private dict, no subroutines.
 */
export function buildCidCff(
  fontName: string,
  charstrings: readonly Uint8Array[],
  bbox: readonly [number, number, number, number]
): Uint8Array {
  if (charstrings.length === 0) throw new Error('CFF: no glyphs (not even .notdef)');
  const n = charstrings.length;
  const header = Uint8Array.of(1, 0, 4, 4);
  const nameIndex = index([ascii(fontName)]);
  const stringIndex = index([ascii('Adobe'), ascii('Identity'), ascii(`${fontName}-0`)]);
  const gsubrIndex = index([]);
  // charset format 2: CIDs 1 … n−1 in one range
  const charset = n > 1 ? Uint8Array.of(2, 0, 1, ((n - 2) >> 8) & 0xff, (n - 2) & 0xff) : Uint8Array.of(0);
  // FDSelect format 3: every glyph in font dict 0
  const fdSelect = Uint8Array.of(3, 0, 1, 0, 0, 0, (n >> 8) & 0xff, n & 0xff);
  const charStringsIndex = index(charstrings);
  const privateDict = Uint8Array.of(139, 20, 139, 21); // defaultWidthX 0, nominalWidthX 0

  const topDict = (o: { charset: number; fdSelect: number; charStrings: number; fdArray: number }) => {
    const d: number[] = [];
    dictInt(d, FIRST_SID);
    dictInt(d, FIRST_SID + 1);
    dictInt(d, 0);
    d.push(12, 30); // ROS Adobe-Identity-0
    for (const v of bbox) dictInt(d, Math.round(v));
    d.push(5); // FontBBox
    dictInt(d, n, true);
    d.push(12, 34); // CIDCount
    dictInt(d, o.charset, true);
    d.push(15);
    dictInt(d, o.fdSelect, true);
    d.push(12, 37);
    dictInt(d, o.charStrings, true);
    d.push(17);
    dictInt(d, o.fdArray, true);
    d.push(12, 36);
    return Uint8Array.from(d);
  };
  const fontDict = (privateOffset: number) => {
    const d: number[] = [];
    dictInt(d, FIRST_SID + 2);
    d.push(12, 38); // FontName
    dictInt(d, privateDict.length, true);
    dictInt(d, privateOffset, true);
    d.push(18); // Private
    return Uint8Array.from(d);
  };
  // every offset is 5 bytes wide, so the sizes do not depend on the values
  const topIndexLength = index([topDict({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 })]).length;
  const fdArrayLength = index([fontDict(0)]).length;
  let at = header.length + nameIndex.length + topIndexLength + stringIndex.length + gsubrIndex.length;
  const charsetAt = at;
  at += charset.length;
  const fdSelectAt = at;
  at += fdSelect.length;
  const charStringsAt = at;
  at += charStringsIndex.length;
  const fdArrayAt = at;
  at += fdArrayLength;
  const privateAt = at;
  return concat([
    header,
    nameIndex,
    index([
      topDict({ charset: charsetAt, fdSelect: fdSelectAt, charStrings: charStringsAt, fdArray: fdArrayAt })
    ]),
    stringIndex,
    gsubrIndex,
    charset,
    fdSelect,
    charStringsIndex,
    index([fontDict(privateAt)]),
    privateDict
  ]);
}

// ---- the fontkit object handed to pdf-lib ----

/** What this needs of a fontkit font (the real object has much more, all passed through). */
interface FontkitFont {
  postscriptName: string;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  getGlyph(id: number): { path: { commands: PathCommand[] } };
  glyphForCodePoint(codePoint: number): unknown;
  layout(text: string, features?: unknown): unknown;
  createSubset(): unknown;
}

interface FontkitModule {
  create(data: Uint8Array | Buffer, postscriptName?: string): unknown;
}

/** What pdf-lib's CustomFontSubsetEmbedder calls on a subset. */
class OutlineCffSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  /** pdf-lib embeds a subset with a truthy `cff` as CIDFontType0C. */
  readonly cff = true;

  constructor(
    private readonly font: FontkitFont,
    private readonly charstrings: Map<number, Uint8Array>
  ) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'object' ? glyph.id : glyph;
    let at = this.mapping.get(id);
    if (at === undefined) {
      at = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, at);
    }
    return at;
  }

  encode(): Uint8Array {
    const cs = this.glyphs.map((id) => {
      let c = this.charstrings.get(id);
      if (!c) this.charstrings.set(id, (c = charstringFromPath(this.font.getGlyph(id).path.commands)));
      return c;
    });
    const b = this.font.bbox;
    return buildCidCff(this.font.postscriptName, cs, [b.minX, b.minY, b.maxX, b.maxY]);
  }

  /** A minimal stream: the handlers pdf-lib attaches right after the call get the bytes, then the end. */
  encodeStream() {
    const handlers: Record<string, ((x?: unknown) => void)[]> = { data: [], end: [], error: [] };
    queueMicrotask(() => {
      try {
        const bytes = this.encode();
        handlers.data.forEach((h) => h(bytes));
        handlers.end.forEach((h) => h());
      } catch (e) {
        handlers.error.forEach((h) => h(e));
      }
    });
    const stream = {
      on(event: string, handler: (x?: unknown) => void) {
        (handlers[event] ??= []).push(handler);
        return stream;
      }
    };
    return stream;
  }
}

/**
 * A fontkit for pdf-lib's registerFontkit: fonts are parsed once per distinct byte array and reused by every
 * document (a CJK font takes tens of milliseconds to open), subsets are OutlineCffSubset, and text "layout"
 * is the cmap's glyph for each character, memoised. pdf-lib reads only the glyphs of a layout (their ids,
 * advance widths and code points), so OpenType shaping — most of the time a CJK document took — changes
 * nothing for the Chinese, digits and punctuation the documents print (the SC face's cmap already gives the
 * simplified-Chinese glyphs; there are no ligatures). Only for CFF-outline fonts.
 */
export function outlineSubsetFontkit(fontkit: FontkitModule) {
  const fonts = new WeakMap<object, object>();
  return {
    create(data: Uint8Array): object {
      let font = fonts.get(data);
      if (!font) {
        const real = fontkit.create(data) as FontkitFont;
        const charstrings = new Map<number, Uint8Array>();
        const layouts = new Map<string, unknown>();
        font = new Proxy(real, {
          get(target, key) {
            if (key === 'createSubset') return () => new OutlineCffSubset(target, charstrings);
            if (key === 'layout')
              return (text: string, features?: unknown) => {
                if (features !== undefined) return target.layout(text, features);
                let run = layouts.get(text);
                if (run === undefined) {
                  if (layouts.size > 20000) layouts.clear();
                  const glyphs = Array.from(text, (ch) => target.glyphForCodePoint(ch.codePointAt(0)!));
                  layouts.set(text, (run = { glyphs }));
                }
                return run;
              };
            return Reflect.get(target, key, target);
          }
        });
        fonts.set(data, font);
      }
      return font;
    }
  };
}
