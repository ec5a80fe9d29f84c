// The static server answers long view links: up to its header limit they are served, beyond it a readable
// 414 page instead of Node's bare 431.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_HEADER_BYTES, serveStatic } from '../../scripts/static-server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-static-'));
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server and long URLs', () => {
  it('serves a 20 KB and a 200 KB link (over Node’s default 16 KB headers)', async () => {
    for (const n of [20_000, 200_000]) {
      const r = await fetch(`${server.url}/?v=1&q=${'x'.repeat(n)}`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<title>home</title>');
    }
  });
  it('answers a link beyond the limit with a readable 414 page', async () => {
    const r = await fetch(`${server.url}/?v=1&q=${'x'.repeat(MAX_HEADER_BYTES + 1000)}`);
    expect(r.status).toBe(414);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const page = await r.text();
    expect(page).toContain('Link too long');
    expect(page).toContain('链接过长');
  });
});
