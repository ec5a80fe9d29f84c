// One PDF reader for Node and the browser: src/lib/ingest/pdf bundled for the browser with pdf.js's browser
// build reads a real published PDF and a PDF that needs a CJK CMap exactly as Node does, and every request
// it makes (worker, CMaps) goes to the page's own origin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.mjs';
import { readPdf } from '../../src/lib/ingest/pdf/load';
import { nodePdfAssets, nodePdfJs } from '../../src/lib/ingest/pdf/node';
import { pdfDocumentText } from '../../src/lib/ingest/pdf/text';
import { chinesePdf } from '../unit/helpers/pdf-writer';
import { useSession } from './session';

const ROOT = resolve(import.meta.dirname, '../..');
const REAL = join(ROOT, 'data/disclosures/shanghai/putuo-commerce-2025-dept-budget.pdf');
const CJK_LINES = ['2025年部门“三公”经费预算表', '因公出国（境）费 0万元', '公务接待费 1.00万元'];

let dir: string;
let server: { url: string; close: () => Promise<void> };
const ui = useSession({ site: () => server.url });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-reader-'));
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'pdf-reader/entry.ts'), formats: ['es'], fileName: 'reader' }
    }
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="/reader.js"></script>'
  );
  writeFileSync(join(dir, 'cjk.pdf'), chinesePdf(CJK_LINES));
  writeFileSync(join(dir, 'real.pdf'), readFileSync(REAL));
  server = await serveStatic(dir, { mounts: { '/pdfjs/': join(ROOT, 'node_modules/pdfjs-dist') } });
  await ui.open('/index.html');
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function nodeLines(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  return pdfDocumentText(await readPdf(bytes, file, await nodePdfJs(), nodePdfAssets())).lines;
}

const browserLines = (url: string) =>
  ui.page.evaluate(
    (u) => (window as unknown as { readLines: (u: string) => Promise<unknown> }).readLines(u),
    url
  );

describe('the PDF reader in the browser', () => {
  it('reads a real published PDF line for line, cell for cell, as Node does', async () => {
    const inBrowser = (await browserLines('/real.pdf')) as Awaited<ReturnType<typeof nodeLines>>;
    const inNode = await nodeLines(REAL);
    expect(inBrowser.length).toBeGreaterThan(300);
    expect(inBrowser).toEqual(inNode);
  });

  it('decodes CJK text through a CMap served by the page itself', async () => {
    const before = ui.session.requests.length;
    const lines = (await browserLines('/cjk.pdf')) as { text: string }[];
    // the text as the ingest normalises it (full-width brackets folded), and as Node reads it
    expect(lines.map((l) => l.text)).toEqual([
      '2025年部门“三公”经费预算表',
      '因公出国(境)费 0万元',
      '公务接待费 1.00万元'
    ]);
    expect(lines).toEqual(await nodeLines(join(dir, 'cjk.pdf')));
    const asked = ui.session.requests.slice(before);
    expect(asked.some((u) => u === `${server.url}/pdfjs/cmaps/UniGB-UTF16-H.bcmap`)).toBe(true);
  });

  it('makes no request outside the page’s own origin', () => {
    const outside = ui.session.requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
    expect(outside).toEqual([]);
    expect(ui.session.requests.some((u) => u.endsWith('/pdfjs/build/pdf.worker.mjs'))).toBe(true);
  });
});
