// A Vite plugin that serves data/parquet at /data/ in dev and preview (with HTTP range requests, so DuckDB-WASM
// reads only the bytes a query needs) and copies the manifest and the Parquet into build/data after the static
// build.
import { existsSync, statSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { sendFile } from './http-file.mjs';
import { basename, join, normalize, resolve, sep } from 'node:path';

/** Connect-style middleware answering GET/HEAD /data/<file> from dir. */
/**
 * @param {string} dir
 * @param {string} [prefix]
 */
export function dataMiddleware(dir, prefix = '/data/') {
  const root = resolve(dir);
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {() => void} next
   */
  return (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (!url.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let name;
    try {
      name = decodeURIComponent(url.slice(prefix.length));
    } catch {
      return next();
    }
    const file = normalize(join(root, name));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    sendFile(req, res, file);
  };
}

/**
 * @param {{ dir?: string, outDir?: string }} [opts]
 * @returns {import('vite').Plugin}
 */
export function parquetData(opts = {}) {
  const dir = opts.dir ?? 'data/parquet';
  const outDir = opts.outDir ?? 'build';
  let isSsrBuild = false;
  return {
    name: 'gongkai-parquet-data',
    configResolved(config) {
      isSsrBuild = Boolean(config.build?.ssr);
    },
    configureServer(server) {
      server.middlewares.use(dataMiddleware(dir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(dataMiddleware(dir));
    },
    closeBundle: {
      order: /** @type {const} */ ('post'),
      sequential: true,
      handler() {
        // SvelteKit's adapter writes build/ when the server build closes; copy after it.
        if (!isSsrBuild) return;
        const target = join(outDir, 'data');
        if (!existsSync(join(dir, 'manifest.json'))) {
          console.warn(`[gongkai] ${dir}/manifest.json is missing: the build has no data (run npm run data)`);
          return;
        }
        if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
        rmSync(target, { recursive: true, force: true });
        // what the app reads: the manifest and the Parquet (not ingest-report.json, 27 MB for a 100k corpus).
        // The ingest publishes each name as a link into its current version (src/cli/ingest-output.ts), so the
        // copy follows links, and skips the hidden .ingest-* entries behind them.
        cpSync(dir, target, {
          recursive: true,
          dereference: true,
          filter: (src) =>
            src === dir ||
            (!basename(src).startsWith('.') &&
              (statSync(src).isDirectory() || /(^|[\\/])manifest\.json$|\.parquet$/.test(src)))
        });
        console.log(`[gongkai] copied ${dir} → ${target}`);
      }
    }
  };
}
