// A small static file server for a built site (build/): GET/HEAD with HTTP range requests (DuckDB-WASM reads
// Parquet by ranges), directory paths served from their index.html, nothing outside the root. Used by the
// e2e tests to serve exactly what adapter-static wrote, and by the browser bench (which serves another data
// folder at /data/ and counts the bytes read from it).
import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { sendFile } from './http-file.mjs';

export { cacheControlFor } from './http-file.mjs';

/**
 * Resolve a URL path to a file under root, or null.
 * @param {string} root
 * @param {string} urlPath
 */
export function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serve dir on host:port (port 0: a free one). `mounts` serves other folders under URL prefixes
 * (`{ '/data/': '/tmp/p100k' }`); `onSend(urlPath, bytes)` hears of every file answered. Resolves to
 * { url, close }.
 * @param {string} dir
 * @param {{ host?: string, port?: number, mounts?: Record<string, string>,
 *   onSend?: (urlPath: string, bytes: number) => void }} [opts]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic(dir, opts = {}) {
  const root = resolve(dir);
  const mounts = Object.entries(opts.mounts ?? {}).map(([prefix, d]) => [prefix, resolve(d)]);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      return res.end();
    }
    const url = req.url ?? '/';
    const mount = mounts.find(([prefix]) => url.startsWith(prefix));
    const file = mount ? fileFor(mount[1], url.slice(mount[0].length - 1)) : fileFor(root, url);
    if (!file) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return res.end('not found');
    }
    const bytes = sendFile(req, res, file);
    opts.onSend?.(url.split('?')[0], bytes);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolvePromise({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          })
      });
    });
  });
}
