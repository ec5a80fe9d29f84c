// npm start: make sure the default data exists (npm run data), build the static site, then serve it on
// http://127.0.0.1:4173/ with vite preview (which answers the HTTP range requests DuckDB-WASM makes).
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';

const step = (n, total, what) => console.log(`\n[gongkai ${n}/${total}] ${what}`);

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell: false });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? 'exit ' + code})`))
    );
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const port = process.env.PORT ?? '4173';
try {
  if (existsSync('data/parquet/manifest.json')) {
    step(1, 3, 'data/parquet/manifest.json found: using the existing data (rebuild with npm run data)');
  } else {
    step(1, 3, 'data/parquet/manifest.json is missing: building the default data with npm run data');
    await run(npm, ['run', 'data']);
  }
  step(2, 3, 'building the static site (vite build)');
  await run(npm, ['run', 'build']);
  step(3, 3, `serving build/ on http://127.0.0.1:${port}/ (Ctrl-C stops)`);
  await run(npm, ['exec', '--', 'vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort']);
} catch (err) {
  console.error(`\n[gongkai] npm start failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
