// The ingest in a Web Worker: one document's bytes in, its DocumentResult out, by the very code the CLI runs
// (ingestDocument for text and HTML, ingestPdf for PDFs). pdf.js is imported on the first PDF only, with its
// own worker code loaded into this thread (pdf.js then parses here, as in Node); its CMaps and standard fonts
// come from the URLs the page passes, which are the app's own files.
import { ingestDocument } from '../index';
import { ingestPdf, isPdfFile } from '../pdf/ingest';
import type { PdfJsModule } from '../pdf/load';
import type { IngestReply, IngestRequest } from './protocol';

let pdfjs: Promise<PdfJsModule> | null = null;

function loadPdfJs(): Promise<PdfJsModule> {
  pdfjs ??= (async () => {
    const mod = await import('pdfjs-dist');
    // sets globalThis.pdfjsWorker, which pdf.js takes instead of starting a worker of its own (it also answers
    // pdf.js's own messages on this worker's port, and posts a 'ready' there: the page reads only replies
    // carrying its request's id)
    // @ts-expect-error -- the worker module ships no types; only its side effect is wanted
    await import('pdfjs-dist/build/pdf.worker.mjs');
    return mod;
  })();
  return pdfjs;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

self.onmessage = async (event: MessageEvent<IngestRequest>) => {
  const { id, file, bytes, assets, pdfBudget } = event.data;
  let reply: IngestReply;
  try {
    const data = new Uint8Array(bytes);
    const result = isPdfFile(file)
      ? await ingestPdf(data, file, { pdfjs: await loadPdfJs(), assets, budget: pdfBudget })
      : ingestDocument(data, file);
    reply = { id, result };
  } catch (e) {
    reply = { id, error: `${file}: the parser failed: ${messageOf(e)}` };
  }
  self.postMessage(reply);
};
