// pdf.js for Node: its legacy build (Node 20), with the CMaps and standard fonts read from the installed
// package's own folders. Node-only; the browser passes its own module and the app's asset URLs to readPdf.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfAssets, PdfJsModule } from './load';

let loaded: Promise<PdfJsModule> | null = null;

/** The pdf.js module, imported once per process. */
export function nodePdfJs(): Promise<PdfJsModule> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJsModule>;
  return loaded;
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
