// One ingest for the CLI and the browser (issue 12): the built site's ingest Web Worker, in real Chromium,
// reads every fixture document (the hand-written fixtures, the real seed, the nine real published documents,
// generated documents as text and as PDF) into exactly the DocumentResult Node's ingest gives: the same
// doc_id and unit_id, the same rows, statuses and reasons.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { generateCorpus } from '../../src/lib/generate/index';
import { loadCjkFont, NOTO_CJK_PATH } from '../../src/lib/generate/pdf/font';
import { writePdf } from '../../src/lib/generate/pdf/write';
import { ingestDocument } from '../../src/lib/ingest/index';
import { ingestPdf, isPdfFile } from '../../src/lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import type { DocumentResult } from '../../src/lib/model';
import { useSession } from './session';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = join(ROOT, 'build');
let dir: string;
let server: { url: string; close: () => Promise<void> };
const ui = useSession({ site: () => server.url });
/** file name (as the ingest sees it) → path */
const inputs = new Map<string, string>();

function listFiles(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter(keep)
    .map((n) => join(folder, n));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-parity-'));
  for (const p of [
    ...listFiles(join(ROOT, 'tests/fixtures'), (n) => /\.(txt|html?)$/.test(n)),
    ...listFiles(join(ROOT, 'data/disclosures'), (n) => /\.(txt|pdf|html?)$/.test(n))
  ])
    inputs.set(p.slice(ROOT.length + 1).replaceAll('/', '_'), p);
  const docs = [
    ...generateCorpus({ units: 6, firstYear: 2023, lastYear: 2024, seed: 'parity', pdfShare: 1 })
  ];
  const font = existsSync(NOTO_CJK_PATH) ? await loadCjkFont() : null;
  for (const d of docs.slice(0, 4)) {
    const txt = join(dir, d.file.replace(/\.\w+$/, '.txt'));
    writeFileSync(txt, d.text);
    inputs.set(`generated_${d.file.replace(/\.\w+$/, '.txt')}`, txt);
    if (font && d.pdf) {
      const pdf = join(dir, d.file.replace(/\.\w+$/, '.pdf'));
      writeFileSync(pdf, await writePdf(d.pdf.document, d.pdf.style, font));
      inputs.set(`generated_${d.file.replace(/\.\w+$/, '.pdf')}`, pdf);
    }
  }
  server = await serveStatic(BUILD, { host: '127.0.0.1', port: 0 });
  await ui.page.goto(`${server.url}/ranking/`);
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function inNode(file: string, path: string): Promise<DocumentResult> {
  const bytes = new Uint8Array(readFileSync(path));
  return isPdfFile(file)
    ? ingestPdf(bytes, file, { pdfjs: await nodePdfJs(), assets: nodePdfAssets() })
    : ingestDocument(bytes, file);
}

/** The built worker, run by the page on the given files (base64 over the wire), one at a time. */
async function inBrowser(files: [string, string][]): Promise<DocumentResult[]> {
  const workers = join(BUILD, '_app/immutable/workers');
  const worker = readdirSync(workers).find((n) => /^ingest\.worker-.*\.js$/.test(n));
  if (!worker) throw new Error(`no ingest worker in ${workers}`);
  return ui.page.evaluate(
    async ({ url, files }) => {
      const w = new Worker(url, { type: 'module' });
      const out: unknown[] = [];
      const assets = {
        cMapUrl: new URL('/pdfjs/cmaps/', location.href).href,
        standardFontDataUrl: new URL('/pdfjs/standard_fonts/', location.href).href
      };
      for (const [i, [file, b64]] of files.entries()) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
        out.push(
          await new Promise((done) => {
            // pdf.js, loaded into the worker, posts messages of its own: the reply is the one with our id
            w.onmessage = (e) => {
              if (e.data?.id === i) done(e.data.result ?? { error: e.data.error });
            };
            w.postMessage({ id: i, file, bytes, assets }, [bytes]);
          })
        );
      }
      w.terminate();
      return out as DocumentResult[];
    },
    { url: `${server.url}/_app/immutable/workers/${worker}`, files }
  );
}

describe('the ingest in the browser', () => {
  it('gives every fixture document the rows Node gives it', async () => {
    const names = [...inputs.keys()].sort();
    expect(names.filter((n) => n.endsWith('.pdf')).length).toBeGreaterThanOrEqual(8);
    expect(names.filter((n) => n.endsWith('.txt')).length).toBeGreaterThanOrEqual(4);
    const got = await inBrowser(names.map((n) => [n, readFileSync(inputs.get(n)!).toString('base64')]));
    for (const [i, name] of names.entries()) {
      const want = await inNode(name, inputs.get(name)!);
      expect(want.status, name).not.toBe('rejected');
      expect(got[i], name).toEqual(want);
    }
    // pdf.js's CMaps and fonts, and the worker's chunks, came from the site itself
    expect(ui.session.requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u))).toEqual(
      []
    );
  }, 300_000);
});
