// pdf.js for Node: its legacy build (Node 20), with the CMaps and standard fonts read from the installed
// package's own folders. Node-only; the browser passes its own module and the app's asset URLs to readPdf.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfAssets, PdfJsModule } from './load';

let loaded: Promise<PdfJsModule> | null = null;

/** The pdf.js module, imported once per process. */
export function nodePdfJs(): Promise<PdfJsModule> {
  loaded ??= importKeepingBuiltins();
  return loaded;
}

/**
 * pdf.js's legacy build carries core-js polyfills that, on Node 20, replace Array.prototype.push, JSON.parse
 * and JSON.stringify for the whole thread with slower JavaScript versions (for engine quirks pdf.js does not
 * depend on). Import it and its worker (which the fake worker would import on the first document, replacing
 * them again), then put the built-ins back: everything else in the thread runs at native speed.
 */
async function importKeepingBuiltins(): Promise<PdfJsModule> {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJsModule;
    // sets globalThis.pdfjsWorker, which pdf.js's fake worker takes instead of importing the file itself
    // @ts-expect-error -- the worker module ships no types; only its side effect is wanted
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  } finally {
    Array.prototype.push = push;
    JSON.parse = parse;
    JSON.stringify = stringify;
  }
}

let assets: PdfAssets | null = null;

/** pdf.js's CMaps and standard fonts, as folders of the installed pdfjs-dist package. */
export function nodePdfAssets(): PdfAssets {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assets = {
      cMapUrl: join(root, 'cmaps') + '/',
      standardFontDataUrl: join(root, 'standard_fonts') + '/'
    };
  }
  return assets;
}
