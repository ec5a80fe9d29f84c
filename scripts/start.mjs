// npm start: make sure the default data exists (npm run data), build the static site, then serve build/ on
// http://127.0.0.1:4173/ (a static server that answers the HTTP range requests DuckDB-WASM makes).
// PORT=… picks another port. Ctrl-C (or SIGTERM) stops the step that is running, then this script.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const port = process.env.PORT ?? '4173';
let child = null;

const step = (n, total, what) => console.log(`\n[gongkai ${n}/${total}] ${what}`);

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? 'exit ' + code})`));
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child) child.kill(sig);
    process.exit(130);
  });
}

try {
  if (existsSync('data/parquet/manifest.json')) {
    step(1, 3, 'data/parquet/manifest.json found: using the existing data (rebuild with npm run data)');
  } else {
    step(1, 3, 'data/parquet/manifest.json is missing: building the default data with npm run data');
    await run(npm, ['run', 'data']);
  }
  step(2, 3, 'building the static site (vite build)');
  await run(process.execPath, [vite, 'build']);
  const server = await serveStatic('build', { host: '127.0.0.1', port: Number(port) });
  step(3, 3, `serving build/ on ${server.url}/ (Ctrl-C stops)`);
} catch (err) {
  console.error(`\n[gongkai] npm start failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
