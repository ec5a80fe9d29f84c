// E2E global setup: make sure the default data and a build exist, then serve build/ with vite preview on
// 127.0.0.1 at a free port. The tests read the base URL with inject('baseUrl').
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function runOrThrow(what: string, cmd: string, args: string[]) {
  console.log(`[e2e] ${what}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`[e2e] ${what} failed (exit ${r.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('data/parquet/manifest.json')) runOrThrow('default data missing', 'npm', ['run', 'data']);
  if (process.env.GONGKAI_E2E_SKIP_BUILD === '1' && existsSync('build/index.html')) {
    console.log('[e2e] GONGKAI_E2E_SKIP_BUILD=1: using the existing build/');
  } else {
    runOrThrow('building the site', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  }
  if (!existsSync('build/data/manifest.json'))
    throw new Error('[e2e] build/data/manifest.json is missing after build');
  const port = await freePort();
  server = await preview({
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    logLevel: 'warn'
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await server?.close();
  };
}
