// npm start [-- --data DIR]: build the static site on a data folder and serve it on http://127.0.0.1:4173/ (a
// static server that answers the HTTP range requests DuckDB-WASM makes). Without --data it uses the default
// data, data/parquet, building it first (npm run data) when it is missing. --data DIR is any folder an ingest
// wrote (npm run ingest -- --out DIR …). PORT=… picks another port. Ctrl-C (or SIGTERM) stops the step that is
// running, then this script.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic } from './static-server.mjs';

const USAGE = `usage: npm start [-- --data DIR]
  --data DIR   serve the Parquet folder an ingest wrote (npm run ingest -- --out DIR …) instead of the
               default data in data/parquet
  PORT=…       the port to serve on (default 4173; 0 takes a free one)`;

const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let child = null;

const step = (n, total, what) => console.log(`\n[gongkai ${n}/${total}] ${what}`);
const fail = (message, code = 1) => {
  console.error(`[gongkai] npm start: ${message}`);
  process.exit(code);
};

/** The command line, checked: { data: folder or undefined, port: number }. */
function options() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    });
  } catch (e) {
    fail(`${e instanceof Error ? e.message : e}\n${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(process.env.PORT ?? '4173');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(process.env.PORT)}`);
  const data = parsed.values.data;
  if (data !== undefined && !existsSync(join(data, 'manifest.json')))
    fail(
      `${resolve(data)} holds no manifest.json, so it is not an ingest's output folder.\n` +
        `  Make one with: npm run ingest -- --out ${data} FOLDER_OF_DOCUMENTS`
    );
  return { data, port };
}

function run(cmd, args, env = process.env) {
  return new Promise((done, reject) => {
    child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      if (code === 0) done();
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

const { data, port } = options();
try {
  if (data !== undefined) {
    step(1, 3, `serving your data: ${resolve(data)}`);
  } else if (existsSync('data/parquet/manifest.json')) {
    step(1, 3, 'data/parquet/manifest.json found: using the existing data (rebuild with npm run data)');
  } else {
    step(1, 3, 'data/parquet/manifest.json is missing: building the default data with npm run data');
    await run(npm, ['run', 'data']);
  }
  step(2, 3, 'building the static site (vite build)');
  // the build copies the data folder's manifest and Parquet into build/data (scripts/data-plugin.mjs)
  const env = data === undefined ? process.env : { ...process.env, GONGKAI_DATA_DIR: resolve(data) };
  await run(process.execPath, [vite, 'build'], env);
  const built = process.env.GONGKAI_BUILD_DIR ?? 'build';
  const server = await serveStatic(built, { host: '127.0.0.1', port });
  step(3, 3, `serving ${built}/ on ${server.url}/ (Ctrl-C stops)`);
} catch (err) {
  fail(`failed: ${err instanceof Error ? err.message : err}`);
}
