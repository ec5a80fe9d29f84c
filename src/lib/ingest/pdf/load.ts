// A PDF's pages as positioned text items, through pdf.js. Browser-safe: pdf.js itself and the places of its
// CMaps and standard fonts are passed in (Node reads them from node_modules, the browser from the app's own
// files), so nothing is ever fetched from elsewhere. A PDF that cannot be read gives an UnreadablePdf with a
// reason a person can act on: never garbage text.
import type * as PdfJs from 'pdfjs-dist';

export type PdfJsModule = Pick<typeof PdfJs, 'getDocument' | 'Util'>;

/** One text run as pdf.js gives it, in page coordinates turned upright: x to the right, y downwards. */
export interface PdfItem {
  x: number;
  /** the baseline */
  y: number;
  w: number;
  /** font size (the text's height) */
  h: number;
  str: string;
}

export interface PdfPage {
  /** 1-based page number */
  no: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfInfo {
  pages: PdfPage[];
  /** what could not be read in full ("page 7 could not be read in full (…)"): the document is partial */
  problems: string[];
}

export interface PdfAssets {
  /** folder of pdf.js's packed CMaps (ends with '/') */
  cMapUrl: string;
  /** folder of pdf.js's standard font data (ends with '/') */
  standardFontDataUrl: string;
}

export interface PdfBudget {
  /** more pages than this: rejected (a disclosure has tens of pages) */
  maxPages: number;
  /** reading the text of every page takes longer than this: rejected */
  timeoutMs: number;
}

export const DEFAULT_PDF_BUDGET: PdfBudget = { maxPages: 400, timeoutMs: 60_000 };

export type UnreadableKind =
  'damaged' | 'encrypted' | 'no_text' | 'no_unicode' | 'too_many_pages' | 'timeout';

export class UnreadablePdf extends Error {
  constructor(
    readonly kind: UnreadableKind,
    message: string,
    /** the page whose content failed to read, when it was one page */
    readonly page?: number
  ) {
    super(message);
  }
}

// Characters no text means to draw: private-use (a font's own code points), the replacement character and
// noncharacters, controls other than whitespace (C0 and C1: a font's raw codes).
const UNUSABLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it counts
  /[\ue000-\uf8ff\ufffd\ufffe\uffff\u{f0000}-\u{10ffff}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;
// Latin Extended through Greek Extended (U+0100–U+1FFF): where the glyph numbers of a font without a Unicode map
// (Identity-H, no ToUnicode) land when pdf.js takes them for code points. A Chinese or English disclosure has
// at most a few of these (α, ˉ, an accented name); garbage from glyph numbers is mostly these and controls.
const OUT_OF_PLACE = /[\u0100-\u1fff]/gu;

/** Share of the visible characters that carry no usable meaning (private-use, replacement, control, or the
 *  out-of-place scripts where glyph numbers taken for code points land). */
export function unusableShare(text: string): number {
  const visible = text.replace(/\s+/g, '');
  if (!visible.length) return 0;
  const bad = (visible.match(UNUSABLE)?.length ?? 0) + (visible.match(OUT_OF_PLACE)?.length ?? 0);
  return bad / visible.length;
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(
        new UnreadablePdf('timeout', `timed out: reading took longer than the budget of ${duration(ms)}`)
      );
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Read every page's text items. Throws UnreadablePdf (with the file named) when the PDF cannot be read. */
export async function readPdf(
  bytes: Uint8Array,
  file: string,
  pdfjs: PdfJsModule,
  assets: PdfAssets,
  budget: PdfBudget = DEFAULT_PDF_BUDGET
): Promise<PdfInfo> {
  if (bytes.length === 0) throw new UnreadablePdf('damaged', `${file}: damaged PDF: the file is empty`);
  if (bytes.length < 8 || !isPdfHeader(bytes))
    throw new UnreadablePdf('damaged', `${file}: damaged or not a PDF (no %PDF- header)`);
  if (cutShort(bytes))
    throw new UnreadablePdf(
      'damaged',
      `${file}: damaged PDF: the file is cut short (it does not end with its trailer)`
    );
  const started = Date.now();
  try {
    return await attempt(bytes, file, pdfjs, assets, budget, true);
  } catch (e) {
    // one page pdf.js cannot read whole (a corrupt content stream, a font it cannot load): read the document
    // again letting pdf.js skip what it cannot read, and say which page may be incomplete
    if (!(e instanceof UnreadablePdf) || e.page === undefined) throw e;
    const left = budget.timeoutMs - (Date.now() - started);
    if (left <= 0) throw e;
    const info = await attempt(bytes, file, pdfjs, assets, { ...budget, timeoutMs: left }, false);
    const detail = e.message.replace(/^.*?cannot be read \((.*)\)$/, '$1');
    return {
      ...info,
      problems: [`page ${e.page} could not be read in full (${detail}): its text may be incomplete`]
    };
  }
}

async function attempt(
  bytes: Uint8Array,
  file: string,
  pdfjs: PdfJsModule,
  assets: PdfAssets,
  budget: PdfBudget,
  strict: boolean
): Promise<PdfInfo> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    // strict: an error inside a page (a corrupt content stream, a font or ToUnicode that cannot be read) is
    // an error, where pdf.js would otherwise drop the rest of that page's text without a word
    stopAtErrors: strict
  });
  let destroyed = false;
  const stop = () => {
    if (!destroyed) {
      destroyed = true;
      void task.destroy();
    }
  };
  try {
    return await withTimeout(readAll(task, file, pdfjs, budget), budget.timeoutMs, stop);
  } catch (e) {
    if (e instanceof UnreadablePdf) {
      if (!e.message.startsWith(file)) e.message = `${file}: ${e.message}`;
      throw e;
    }
    throw classify(e, file);
  } finally {
    stop();
  }
}

const STARTXREF = [...'startxref'].map((c) => c.charCodeAt(0));

function lastIndexOf(b: Uint8Array, needle: number[]): number {
  outer: for (let i = b.length - needle.length; i >= 0; i--) {
    for (let k = 0; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A file cut short (a download that stopped): it has no `startxref` at all, or objects follow the last one (a
 * linearized file's first-page section, or an earlier revision, then the rest cut). pdf.js would rebuild the
 * cross-references from the objects that are left and read the pages it still finds, the others as empty.
 * A broken xref table in a complete file still has its startxref at the end, and is read.
 */
function cutShort(b: Uint8Array): boolean {
  const at = lastIndexOf(b, STARTXREF);
  if (at < 0) return true;
  const tail = new TextDecoder('latin1').decode(b.subarray(at));
  return /\d+\s+\d+\s+obj\b/.test(tail);
}

function isPdfHeader(b: Uint8Array): boolean {
  // the header may follow up to 1 KB of junk, as readers allow
  const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 1024)));
  return head.includes('%PDF-');
}

function classify(e: unknown, file: string): UnreadablePdf {
  const err = e as { name?: string; message?: string; code?: number };
  const msg = err?.message ?? String(e);
  if (err?.name === 'PasswordException')
    return new UnreadablePdf('encrypted', `${file}: encrypted PDF (needs a password to open)`);
  // a security handler pdf.js does not know (certificates: Adobe.PubSec, or a vendor's own)
  if (/encryption|crypt filter/i.test(msg))
    return new UnreadablePdf('encrypted', `${file}: encrypted PDF that cannot be opened (${msg})`);
  if (err?.name === 'InvalidPDFException' || /Invalid PDF|FormatError|XRef|startxref|trailer/i.test(msg))
    return new UnreadablePdf('damaged', `${file}: damaged PDF (${msg})`);
  return new UnreadablePdf('damaged', `${file}: damaged PDF, cannot be read (${msg})`);
}

type Task = ReturnType<PdfJsModule['getDocument']>;

async function readAll(task: Task, file: string, pdfjs: PdfJsModule, budget: PdfBudget): Promise<PdfInfo> {
  const doc = await task.promise;
  if (doc.numPages === 0) throw new UnreadablePdf('damaged', 'damaged PDF: it has no pages');
  if (doc.numPages > budget.maxPages)
    throw new UnreadablePdf(
      'too_many_pages',
      `${doc.numPages} pages, over the budget of ${budget.maxPages} pages per document`
    );
  const pages: PdfPage[] = [];
  let chars = 0;
  let text = '';
  for (let no = 1; no <= doc.numPages; no++) {
    let page, content;
    try {
      page = await doc.getPage(no);
      content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    } catch (e) {
      const msg = (e as Error)?.message ?? String(e);
      throw new UnreadablePdf('damaged', `damaged PDF: page ${no} cannot be read (${msg})`, no);
    }
    const vp = page.getViewport({ scale: 1 });
    const runs = uprightRuns(content.items, vp.transform, pdfjs);
    const items: PdfItem[] = [];
    for (const r of runs) {
      items.push(r);
      chars += r.str.replace(/\s+/g, '').length;
      if (text.length < 20000) text += r.str;
    }
    pages.push({ no, width: vp.width, height: vp.height, items });
    page.cleanup();
  }
  if (chars === 0)
    throw new UnreadablePdf(
      'no_text',
      `no text layer in ${doc.numPages} page(s): a scanned document needs OCR first`
    );
  const share = unusableShare(text);
  if (share > 0.3)
    throw new UnreadablePdf(
      'no_unicode',
      `the text has no usable Unicode map (${Math.round(share * 100)}% private-use, control or out-of-place characters): its fonts do not say which characters they draw`
    );
  return { pages, problems: [] };
}

type TextItems = Awaited<ReturnType<PdfPageProxy['getTextContent']>>['items'];
type PdfPageProxy = Awaited<ReturnType<Awaited<Task['promise']>['getPage']>>;

/**
 * A page's text runs in reading position: x to the right, y downwards, in points. Runs are placed through the
 * page's viewport (its /Rotate applied). A page whose text mostly runs at a right angle to it (a landscape
 * table set sideways on a portrait page) is turned so that its text runs left to right; runs in another
 * direction than the page's own (stamps, side notes) are dropped, as are pdf.js's whitespace runs (some with
 * absurd widths).
 */
function uprightRuns(raw: TextItems, viewport: number[], pdfjs: PdfJsModule): PdfItem[] {
  const runs: { t: number[]; str: string; width: number; height: number; quarter: number; scale: number }[] =
    [];
  const weight = [0, 0, 0, 0];
  for (const it of raw) {
    if (!('str' in it) || !it.str || !it.str.trim()) continue;
    // t = [a b c d e f]: the run's own axes in the upright page (y downwards)
    const t = pdfjs.Util.transform(viewport, it.transform);
    const quarter = (Math.round(Math.atan2(t[1], t[0]) / (Math.PI / 2)) + 4) % 4;
    const scale = Math.hypot(t[0], t[1]) / (Math.hypot(it.transform[0], it.transform[1]) || 1);
    runs.push({ t, str: it.str, width: it.width, height: it.height, quarter, scale });
    weight[quarter] += it.str.length;
  }
  const turn = weight.indexOf(Math.max(...weight));
  const out: PdfItem[] = [];
  for (const r of runs) {
    if (r.quarter !== turn) continue;
    // turn the page by -turn quarters so that its text runs left to right
    const [x, y] = rotateQuarters(r.t[4], r.t[5], turn);
    out.push({ x, y, w: r.width * r.scale, h: Math.hypot(r.t[2], r.t[3]) || r.height, str: r.str });
  }
  return out;
}

/** (x, y) turned by -q quarter turns (y downwards: a run pointing down, q = 1, comes to point right). */
function rotateQuarters(x: number, y: number, q: number): [number, number] {
  switch (q) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}
