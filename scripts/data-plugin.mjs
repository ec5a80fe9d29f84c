// A Vite plugin that serves data/parquet at /data/ in dev and preview (with HTTP range requests, so DuckDB-WASM
// reads only the bytes a query needs) and copies it into build/data after the static build.
import { createReadStream, existsSync, statSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.parquet': 'application/vnd.apache.parquet',
  '.json': 'application/json; charset=utf-8'
};

/** Parse a single "bytes=a-b" range against a file size; null when absent or unsatisfiable. */
/**
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | null}
 */
export function parseRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start;
  let end;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return null;
  return { start, end };
}

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
    const size = statSync(file).size;
    const ext = file.slice(file.lastIndexOf('.'));
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'no-cache');
    const rangeHeader = req.headers.range;
    const range = rangeHeader ? parseRange(rangeHeader, size) : null;
    if (rangeHeader && !range) {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      return res.end();
    }
    if (range) {
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.statusCode = 200;
      res.setHeader('Content-Length', String(size));
    }
    if (req.method === 'HEAD') return res.end();
    createReadStream(file, range ?? undefined).pipe(res);
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
        cpSync(dir, target, { recursive: true });
        console.log(`[gongkai] copied ${dir} → ${target}`);
      }
    }
  };
}
