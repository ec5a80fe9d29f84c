// The ingest's PDF reader in a browser page: pdf.js's browser build, its worker, CMaps and standard fonts all
// served by the page's own origin. The e2e test compares what it reads with what Node reads.
import * as pdfjs from 'pdfjs-dist';
import { readPdf } from '../../../src/lib/ingest/pdf/load';
import { pdfDocumentText } from '../../../src/lib/ingest/pdf/text';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';

async function readLines(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const info = await readPdf(bytes, url, pdfjs, {
    cMapUrl: '/pdfjs/cmaps/',
    standardFontDataUrl: '/pdfjs/standard_fonts/'
  });
  return pdfDocumentText(info).lines;
}

(window as unknown as { readLines: typeof readLines }).readLines = readLines;
document.documentElement.dataset.ready = 'true';
