// Benchmark: generate N synthetic documents, then ingest them with the real ingest CLI (a child process).
// Not a test: it prints figures. For each size: generate time (docs/s), ingest time (docs/s), Parquet bytes
// per document, and each child's peak resident memory (GNU time's "Maximum resident set size").
//
//   npm run bench:generate -- [--sizes 1000,10000,100000] [--jobs N] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { removeAnswerKeys } from '../../src/cli/generate';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false }
  }
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 6))
  throw new Error(`--sizes must be whole numbers ≥ 6, got ${values.sizes}`);

interface Measured {
  seconds: number;
  /** User + system CPU seconds of the child (from GNU time), a figure less sensitive to a busy machine. */
  cpuSeconds: number | null;
  peakMiB: number | null;
  status: number | null;
  stderrTail: string;
}

/** Run `node tsx script args` under GNU time (when present) and return wall time and peak RSS. */
function measure(script: string, args: string[]): Measured {
  const command = [process.execPath, TSX, script, ...args];
  const withTime = existsSync(TIME);
  const t = performance.now();
  const r = spawnSync(withTime ? TIME : command[0], withTime ? ['-v', ...command] : command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  });
  const seconds = (performance.now() - t) / 1000;
  const kb = r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const user = r.stderr.match(/User time \(seconds\): ([\d.]+)/);
  const sys = r.stderr.match(/System time \(seconds\): ([\d.]+)/);
  const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  const tail = r.stderr
    .split('\n')
    .filter((l) => l && !/^\s/.test(l) && !l.startsWith('Command being timed'))
    .slice(-2)
    .join(' | ');
  return {
    seconds,
    cpuSeconds,
    peakMiB: kb ? Number(kb[1]) / 1024 : null,
    status: r.status,
    stderrTail: tail
  };
}

const parquetBytes = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.parquet'))
    .reduce((s, f) => s + statSync(join(dir, f)).size, 0);

const fmt = (x: number | null, d = 0) => (x === null ? 'n/a' : x.toFixed(d));

console.log(
  `gongkai generate+ingest benchmark — ${availableParallelism()} cores, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at start`
);
for (const size of sizes) {
  const units = Math.ceil(size / 6);
  const docs = units * 6;
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-gen-'));
  const corpus = join(root, 'corpus');
  const out = join(root, 'out');
  try {
    const gen = measure('src/cli/generate.ts', [
      '--out',
      corpus,
      '--units',
      String(units),
      '--years',
      '2019-2024',
      '--seed',
      `bench-${size}`,
      '--quiet'
    ]);
    if (gen.status !== 0) throw new Error(`generate failed (${gen.status}): ${gen.stderrTail}`);
    removeAnswerKeys(corpus);
    const ingestArgs = ['--out', out, '--quiet', ...(values.jobs ? ['--jobs', values.jobs] : []), corpus];
    const ing = measure('src/cli/ingest.ts', ingestArgs);
    if (ing.status !== 0) throw new Error(`ingest exited ${ing.status}: ${ing.stderrTail}`);
    const bytes = parquetBytes(out);
    const report = (what: string, m: Measured) =>
      `  ${what.padEnd(8)} ${fmt(m.seconds, 1)} s wall (${fmt(docs / m.seconds)} docs/s), ` +
      `${fmt(m.cpuSeconds, 1)} CPU s (${m.cpuSeconds ? fmt(docs / m.cpuSeconds) : 'n/a'} docs per CPU-second), peak RSS ${fmt(m.peakMiB)} MiB`;
    console.log(`${docs} documents (${units} units × 2019–2024)`);
    console.log(report('generate', gen));
    console.log(report('ingest', ing));
    console.log(`  Parquet  ${fmt(bytes / docs)} bytes/doc (${fmt(bytes / 1024 / 1024, 1)} MiB in all)`);
  } finally {
    if (values.keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at end`
);
