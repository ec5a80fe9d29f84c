// E2E global setup: make sure the default data and a build exist, then serve build/ (a static server with
// range requests) on 127.0.0.1 at a free port. The tests read the base URL with inject('baseUrl').
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { serveStatic } from '../../scripts/static-server.mjs';
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

let server: { url: string; close: () => Promise<void> } | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('data/parquet/manifest.json')) runOrThrow('default data missing', 'npm', ['run', 'data']);
  if (process.env.GONGKAI_E2E_SKIP_BUILD === '1' && existsSync('build/index.html')) {
    console.log('[e2e] GONGKAI_E2E_SKIP_BUILD=1: using the existing build/');
  } else {
    runOrThrow('building the site', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  }
  if (!existsSync('build/data/manifest.json'))
    throw new Error('[e2e] build/data/manifest.json is missing after build');
  // exactly what adapter-static wrote, on a free port of 127.0.0.1
  server = await serveStatic('build', { host: '127.0.0.1', port: 0 });
  console.log(`[e2e] serving build/ at ${server.url}`);
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
  };
}
