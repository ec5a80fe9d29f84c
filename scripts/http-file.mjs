// Answering GET/HEAD for one file, shared by the static server (npm start, e2e tests, the browser bench) and
// the Vite data plugin (dev and preview): its content type, HTTP range requests (DuckDB-WASM reads Parquet by
// ranges) and its cache header.
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';

/** @type {Record<string, string>} */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8'
};

/**
 * Parse a single "bytes=a-b" range against a file size; null when absent or unsatisfiable.
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

/**
 * The Cache-Control header for a URL path: Vite's content-hashed files under /_app/immutable/ never change
 * under their name, so the browser may keep them; everything else (the HTML, /data/, the version file) is
 * revalidated.
 * @param {string} urlPath
 */
export function cacheControlFor(urlPath) {
  return urlPath.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Send `file` (which exists) as the answer to req: the whole file or the range asked for. Returns the number
 * of body bytes sent (0 for HEAD and for an unsatisfiable range).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @returns {number}
 */
export function sendFile(req, res, file) {
  const size = statSync(file).size;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', cacheControlFor((req.url ?? '/').split('?')[0]));
  const header = req.headers.range;
  const range = header ? parseRange(header, size) : null;
  if (header && !range) {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${size}`);
    res.end();
    return 0;
  }
  const length = range ? range.end - range.start + 1 : size;
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  res.setHeader('Content-Length', String(length));
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return 0;
  }
  createReadStream(file, range ?? undefined).pipe(res);
  return length;
}
