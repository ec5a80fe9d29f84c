// The CJK font for generated PDFs: one face taken out of a TrueType/OpenType Collection (.ttc), as a standalone
// OpenType file that pdf-lib can embed (its embedFont cannot take a collection). Pure functions on bytes; the
// file is read by loadCjkFont (Node only).

/** Debian's fonts-noto-cjk: a collection of CFF (OpenType) faces, JP/KR/SC/TC/HK and their Mono versions. */
export const NOTO_CJK_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face the documents use (simplified Chinese glyph shapes). */
export const NOTO_CJK_FACE = 'Noto Sans CJK SC';

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const tag = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

function fail(message: string): never {
  throw new Error(`font collection: ${message}`);
}

/** The offsets of the faces' offset tables in a collection (throws when the bytes are no collection). */
export function collectionOffsets(ttc: Uint8Array): number[] {
  if (ttc.length < 12 || tag(ttc, 0) !== 'ttcf') fail('not a TrueType collection (no ttcf header)');
  const n = u32(ttc, 8);
  if (n < 1 || 12 + 4 * n > ttc.length) fail(`bad face count ${n}`);
  return Array.from({ length: n }, (_, i) => u32(ttc, 12 + 4 * i));
}

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tableRecords(b: Uint8Array, at: number): TableRecord[] {
  const n = u16(b, at + 4);
  if (at + 12 + 16 * n > b.length) fail(`table directory at ${at} runs past the end`);
  return Array.from({ length: n }, (_, i) => {
    const r = at + 12 + 16 * i;
    const rec = { tag: tag(b, r), checksum: u32(b, r + 4), offset: u32(b, r + 8), length: u32(b, r + 12) };
    if (rec.offset + rec.length > b.length) fail(`table ${rec.tag} runs past the end`);
    return rec;
  });
}

/** A face's full name (name id 4, else the family, id 1) from its name table, or '' when it has none. */
function faceName(b: Uint8Array, records: TableRecord[]): string {
  const name = records.find((r) => r.tag === 'name');
  if (!name) return '';
  const base = name.offset;
  const count = u16(b, base + 2);
  const strings = base + u16(b, base + 4);
  const found = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const r = base + 6 + 12 * i;
    const [platform, encoding, , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((k) => u16(b, r + k));
    if (nameId !== 4 && nameId !== 1) continue;
    const s = strings + offset;
    let text = '';
    if (platform === 3 || platform === 0) {
      for (let k = 0; k + 1 < length; k += 2) text += String.fromCharCode(u16(b, s + k));
    } else if (platform === 1 && encoding === 0) {
      for (let k = 0; k < length; k++) text += String.fromCharCode(b[s + k]);
    } else continue;
    // the Windows (Unicode) name wins over the Mac Roman one
    if (!found.has(nameId) || platform === 3) found.set(nameId, text);
  }
  return found.get(4) ?? found.get(1) ?? '';
}

/** The faces of a collection: index and full name ("Noto Sans CJK SC"). */
export function collectionFaces(ttc: Uint8Array): { index: number; name: string }[] {
  return collectionOffsets(ttc).map((at, index) => ({ index, name: faceName(ttc, tableRecords(ttc, at)) }));
}

/**
 * One face of a collection as a standalone OpenType/TrueType file: its offset table and table records copied,
 * each table's data copied 4-byte aligned after them and its offset rewritten. `face` is an index or a full
 * name (exact match). Throws naming the faces there are when it is not found.
 */
export function extractFace(ttc: Uint8Array, face: number | string): Uint8Array {
  const offsets = collectionOffsets(ttc);
  let index: number;
  if (typeof face === 'number') {
    if (!(face >= 0 && face < offsets.length)) fail(`no face ${face} (it has ${offsets.length})`);
    index = face;
  } else {
    const faces = collectionFaces(ttc);
    index = faces.findIndex((f) => f.name === face);
    if (index < 0) fail(`no face named "${face}" (it has ${faces.map((f) => f.name).join(', ')})`);
  }
  const at = offsets[index];
  const records = tableRecords(ttc, at);
  const headerLength = 12 + 16 * records.length;
  const align = (n: number) => (n + 3) & ~3;
  let size = headerLength;
  for (const r of records) size += align(r.length);
  const out = new Uint8Array(size);
  out.set(ttc.subarray(at, at + 12), 0); // sfnt version, numTables, searchRange, entrySelector, rangeShift
  const view = new DataView(out.buffer);
  let next = headerLength;
  records.forEach((r, i) => {
    const rec = 12 + 16 * i;
    out.set(ttc.subarray(at + 12 + 16 * i, at + 12 + 16 * i + 8), rec); // tag and checksum as they were
    view.setUint32(rec + 8, next);
    view.setUint32(rec + 12, r.length);
    out.set(ttc.subarray(r.offset, r.offset + r.length), next);
    next += align(r.length);
  });
  return out;
}

let loaded: { path: string; font: Uint8Array } | null = null;

/**
 * The documents' font (Noto Sans CJK SC) as a standalone OpenType file, read once per process. Throws naming
 * the file and the package to install when the font is missing.
 */
export async function loadCjkFont(path = NOTO_CJK_PATH): Promise<Uint8Array> {
  if (loaded?.path === path) return loaded.font;
  const { readFile } = await import('node:fs/promises');
  let ttc: Uint8Array;
  try {
    ttc = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `PDF output needs the CJK font ${path}, which is missing: apt-get install fonts-noto-cjk`,
        { cause: e }
      );
    throw e;
  }
  const font = extractFace(ttc, NOTO_CJK_FACE);
  loaded = { path, font };
  return font;
}

/** Whether the PDF writer's font is installed. */
export async function cjkFontAvailable(path = NOTO_CJK_PATH): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(path).then(
    () => true,
    () => false
  );
}
