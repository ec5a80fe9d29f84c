// A small static file server for a built site (build/): GET/HEAD with HTTP range requests (DuckDB-WASM reads
// Parquet by ranges), directory paths served from their index.html, nothing outside the root, a missing page
// answered with the site's 404.html (status 404). Used by the
// e2e tests to serve exactly what adapter-static wrote, and by the browser bench (which serves another data
// folder at /data/ and counts the bytes read from it).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { sendFile } from './http-file.mjs';

export { cacheControlFor } from './http-file.mjs';

/** Request headers (the URL among them) up to this size are read; Node's default is 16 KB, less than a long
 *  view link (many units, a long SQL query) may take. */
export const MAX_HEADER_BYTES = 256 * 1024;

const TOO_LONG_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>链接过长 / Link too long</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>链接过长 / Link too long</h1>
<p>这个链接超过了服务器可读的长度（${MAX_HEADER_BYTES / 1024} KB）。请减少所选单位或缩短查询后再试，或从<a href="/">首页</a>重新开始。</p>
<p>This link is longer than the server reads (${MAX_HEADER_BYTES / 1024} KB). Select fewer units or shorten the
query and try again, or start again from the <a href="/">home page</a>.</p>
</body></html>
`;

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
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      return res.end();
    }
    const url = req.url ?? '/';
    const mount = mounts.find(([prefix]) => url.startsWith(prefix));
    const file = mount ? fileFor(mount[1], url.slice(mount[0].length - 1)) : fileFor(root, url);
    if (!file) {
      // a page address no file answers: the site's 404 page (its own, readable), with status 404; a missing
      // data file or asset stays a bare 404
      const notFound = mount ? null : fileFor(root, '/404.html');
      const wantsPage =
        /\btext\/html\b/.test(req.headers.accept ?? '') || !/\.[a-z0-9]+$/i.test(url.split('?')[0]);
      res.statusCode = 404;
      if (notFound && wantsPage) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        return res.end(req.method === 'HEAD' ? undefined : readFileSync(notFound));
      }
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return res.end('not found');
    }
    const bytes = sendFile(req, res, file);
    opts.onSend?.(url.split('?')[0], bytes);
  });
  // a URL (or headers) beyond the limit: a readable page with 414 instead of Node's bare 431
  server.on('clientError', (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const overflow = /** @type {{ code?: string }} */ (err).code === 'HPE_HEADER_OVERFLOW';
    const body = overflow ? TOO_LONG_PAGE : 'bad request\n';
    const head = overflow ? '414 URI Too Long' : '400 Bad Request';
    const type = overflow ? 'text/html' : 'text/plain';
    socket.end(
      `HTTP/1.1 ${head}\r\nContent-Type: ${type}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
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
