// A tiny PDF writer for tests: numbered objects → bytes with a correct xref table and trailer, optionally
// encrypted with the Standard security handler (RC4, 40-bit, revision 2). No external tool, nothing read
// from disk: every test PDF is made from its raw syntax here.
import { createHash } from 'node:crypto';

/** An object's body: PDF syntax, or a stream (its dictionary without /Length, and its bytes). */
export type PdfObject = string | { dict: string; stream: string | Uint8Array };

export interface PdfEncryption {
  /** the user password ('' : anyone can open the file; the owner password only guards permissions) */
  user: string;
  owner: string;
  /** the permission bits (P); the default forbids everything but printing */
  permissions?: number;
}

export interface WriteOptions {
  /** object number of the Catalog (default 1) */
  root?: number;
  /** object number of the document information dictionary */
  info?: number;
  encrypt?: PdfEncryption;
  /** write every xref offset wrong (the objects themselves stay intact) */
  breakXref?: boolean;
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** RC4 (the PDF's 'V 1' cipher), written out: OpenSSL 3 no longer offers it by default. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

// PDF 1.7 §7.6.3.3, the padding string of algorithm 2
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e,
  0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a
]);
const pad = (password: string) => concat([latin1(password), PAD]).subarray(0, 32);

interface Security {
  key: Uint8Array;
  dict: string;
  id: Uint8Array;
}

/** Algorithms 3.2–3.4 (revision 2, 40-bit key): the file key and the /Encrypt dictionary. */
function standardSecurity(enc: PdfEncryption, id: Uint8Array): Security {
  const p = enc.permissions ?? -3904; // 0xFFFFF0C0 | print (bit 3): nothing else allowed
  // algorithm 3.3: O = RC4(MD5(pad(owner))[0..5], pad(user))
  const o = rc4(md5(pad(enc.owner || enc.user)).subarray(0, 5), pad(enc.user));
  // algorithm 3.2: key = MD5(pad(user) + O + P (4 bytes, little-endian) + ID[0])[0..5]
  const pBytes = new Uint8Array(4);
  new DataView(pBytes.buffer).setInt32(0, p, true);
  const key = md5(pad(enc.user), o, pBytes, id).subarray(0, 5);
  // algorithm 3.4: U = RC4(key, padding)
  const u = rc4(key, PAD);
  const dict = `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(o)}> /U <${hex(u)}> /P ${p} >>`;
  return { key, dict, id };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Algorithm 3.1: an object's key is MD5(file key + object number (3 bytes) + generation (2 bytes)). */
function objectKey(fileKey: Uint8Array, num: number): Uint8Array {
  const suffix = Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
  return md5(fileKey, suffix).subarray(0, Math.min(fileKey.length + 5, 16));
}

/**
 * Write objects 1..n (objects[0] is object 1) as a PDF. Streams get their /Length; with `encrypt`, every
 * stream's bytes are encrypted (keep literal strings out of non-stream objects of an encrypted file).
 */
export function writePdf(objects: PdfObject[], opts: WriteOptions = {}): Uint8Array {
  const id = md5(latin1(`gongkai test ${objects.length}`));
  const security = opts.encrypt ? standardSecurity(opts.encrypt, id) : null;
  const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0].length;
  const offsets: number[] = [];
  const push = (b: Uint8Array) => {
    parts.push(b);
    at += b.length;
  };
  const all: PdfObject[] = [...objects];
  if (security) all.push(security.dict);
  all.forEach((obj, i) => {
    const num = i + 1;
    offsets.push(at);
    if (typeof obj === 'string') {
      push(latin1(`${num} 0 obj\n${obj}\nendobj\n`));
      return;
    }
    let data = typeof obj.stream === 'string' ? latin1(obj.stream) : obj.stream;
    if (security && num !== all.length) data = rc4(objectKey(security.key, num), data);
    const dict = obj.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`);
    push(latin1(`${num} 0 obj\n${dict}\nstream\n`));
    push(data);
    push(latin1('\nendstream\nendobj\n'));
  });
  const xrefAt = at;
  const entry = (off: number) => `${String(opts.breakXref ? off + 17 : off).padStart(10, '0')} 00000 n \n`;
  let xref = `xref\n0 ${all.length + 1}\n0000000000 65535 f \n` + offsets.map(entry).join('');
  let trailer = `/Size ${all.length + 1} /Root ${opts.root ?? 1} 0 R`;
  if (opts.info) trailer += ` /Info ${opts.info} 0 R`;
  if (security) trailer += ` /Encrypt ${all.length} 0 R`;
  trailer += ` /ID [<${hex(id)}> <${hex(id)}>]`;
  xref += `trailer\n<< ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  push(latin1(xref));
  return concat(parts);
}

/** A literal PDF string: ( ) and \ escaped. */
export const pdfString = (s: string) => `(${s.replace(/[()\\]/g, (c) => '\\' + c)})`;

export interface SimpleDoc {
  /** each page's content stream (drawing operators) */
  pages: string[];
  /** resources of every page (default: F1 = Helvetica) */
  resources?: string;
  /** extra objects, numbered after the catalog, the pages tree, the pages and their contents */
  extra?: (first: number) => PdfObject[];
  /** page size in points (default US Letter) */
  size?: [number, number];
  encrypt?: PdfEncryption;
  breakXref?: boolean;
  /** pages that share one content stream (many pages, small file): all pages draw pages[0] */
  repeat?: number;
}

export const HELVETICA = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';

/**
 * A whole document: catalog (1), pages tree (2), then each page and its content stream; `extra` objects
 * after those (their first number is passed in, for references from `resources`).
 */
export function simplePdf(doc: SimpleDoc): Uint8Array {
  const [w, h] = doc.size ?? [612, 792];
  const n = doc.repeat ?? doc.pages.length;
  const shared = doc.repeat !== undefined;
  const contents = shared ? [doc.pages[0]] : doc.pages;
  const firstPage = 3;
  const firstContent = firstPage + n;
  const firstExtra = firstContent + contents.length;
  const resources = doc.resources ?? HELVETICA;
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${n} /Kids [${Array.from({ length: n }, (_, i) => `${firstPage + i} 0 R`).join(' ')}] >>`
  ];
  for (let i = 0; i < n; i++)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources ${resources} /Contents ${firstContent + (shared ? 0 : i)} 0 R >>`
    );
  for (const c of contents) objects.push({ dict: '<< >>', stream: c });
  objects.push(...(doc.extra?.(firstExtra) ?? []));
  return writePdf(objects, { encrypt: doc.encrypt, breakXref: doc.breakXref });
}

/** A content stream writing each line in font F1 at (x, y) in PDF coordinates (y upwards). */
export const textAt = (lines: [x: number, y: number, size: number, text: string][]) =>
  lines.map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(text)} Tj ET`).join('\n');

/** Resources with F1 = Adobe's STSong-Light (not embedded, as readers substitute it), strings in UTF-16BE. */
export const STSONG = (first: number) => ({
  resources: `<< /Font << /F1 ${first} 0 R >> >>`,
  objects: [
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [${first + 1} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${first + 2} 0 R /DW 1000 /W [1 95 500] >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'
  ] as PdfObject[]
});

/** UTF-16BE hex string for a UniGB-UTF16-H font. */
export const utf16Hex = (s: string) => {
  let hexed = '';
  for (let i = 0; i < s.length; i++) hexed += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hexed}>`;
};

/**
 * Text lines (Chinese or not) set in STSong-Light, `perPage` lines to an A4 page from the top, one text run per
 * line: what a word processor's PDF of a plain-text document holds.
 */
export function chinesePdf(lines: string[], perPage = 45, encrypt?: PdfEncryption): Uint8Array {
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += perPage)
    pages.push(
      lines
        .slice(i, i + perPage)
        .map((l, k) => `BT /F1 10 Tf 50 ${800 - k * 16} Td ${utf16Hex(l)} Tj ET`)
        .join('\n')
    );
  // the font objects come right after the pages and their contents: 3 + 2 × pages
  const font = STSONG(3 + 2 * pages.length);
  return simplePdf({
    pages,
    size: [595, 842],
    resources: font.resources,
    extra: () => font.objects,
    encrypt
  });
}
