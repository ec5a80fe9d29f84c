// A Vite plugin that serves pdf.js's CMaps and standard fonts from the installed pdfjs-dist at /pdfjs/ in dev
// and preview, and copies them into build/pdfjs/ after the static build. The browser's ingest worker reads a
// reader's own PDFs with them (src/lib/ingest/browser): nothing is fetched from a CDN, and nothing of this
// is loaded until a PDF arrives.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataMiddleware } from './data-plugin.mjs';

/** The folders of pdfjs-dist the reader needs, served under /pdfjs/<name>/. */
export const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'];

export function pdfjsRoot() {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * @param {{ outDir?: string }} [opts]
 * @returns {import('vite').Plugin}
 */
export function pdfjsAssets(opts = {}) {
  const outDir = opts.outDir ?? 'build';
  const root = pdfjsRoot();
  let isSsrBuild = false;
  /** @param {{ middlewares: { use: (m: any) => void } }} server */
  const serve = (server) => {
    for (const d of PDFJS_ASSET_DIRS) server.middlewares.use(dataMiddleware(join(root, d), `/pdfjs/${d}/`));
  };
  return {
    name: 'gongkai-pdfjs-assets',
    configResolved(config) {
      isSsrBuild = Boolean(config.build?.ssr);
    },
    configureServer: serve,
    configurePreviewServer: serve,
    closeBundle: {
      order: /** @type {const} */ ('post'),
      sequential: true,
      handler() {
        if (!isSsrBuild) return;
        if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
        for (const d of PDFJS_ASSET_DIRS) {
          const target = join(outDir, 'pdfjs', d);
          rmSync(target, { recursive: true, force: true });
          cpSync(join(root, d), target, { recursive: true });
        }
      }
    }
  };
}
