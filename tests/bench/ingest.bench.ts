// Benchmark of the whole ingest (the real CLI code, the real parser, the real Parquet writer) on N copies of
// the seed disclosure. Not a test: it prints figures.
//
//   npm run bench:ingest -- --docs 2000 [--jobs N] [--keep]
//
// Each copy starts with a `# copy N` header line. Header lines are not part of a document's text, so to make
// the copies distinct documents (distinct doc_ids) copy N also gets one extra blank line after the k-th blank
// line of the seed for each bit k set in N. Blank lines carry no content: every copy states the seed's figures,
// only its source line numbers shift.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest } from '../../src/cli/ingest';
import { ingestDocument } from '../../src/lib/ingest/index';

const SEED = resolve(import.meta.dirname, '../../data/disclosures/000_f7859c67d4b429b5.txt');

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false }
  }
});
const docs = Number(values.docs);
if (!Number.isInteger(docs) || docs < 1)
  throw new Error(`--docs must be a whole number ≥ 1, got ${values.docs}`);
const jobs = values.jobs ? Number(values.jobs) : availableParallelism();

/** Copy `n` of the seed: the header line, and extra blank lines spelling n in binary. */
function copyOf(seedLines: string[], blankAt: number[], n: number): string {
  const extra = new Set(blankAt.filter((_, bit) => (n >> bit) & 1));
  const out = [`# copy ${n}`];
  seedLines.forEach((line, i) => {
    out.push(line);
    if (extra.has(i)) out.push('');
  });
  return out.join('\n');
}

const seedLines = readFileSync(SEED, 'utf8').split('\n');
const blankAt = seedLines.flatMap((l, i) => (l.trim() === '' ? [i] : [])).slice(0, 31);
if (2 ** blankAt.length < docs)
  throw new Error(`the seed has too few blank lines for ${docs} distinct copies`);

const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-ingest-'));
const inputs = join(root, 'inputs');
const out = join(root, 'out');
try {
  let t = performance.now();
  // 1000 files per folder, as a real corpus would be laid out.
  for (let n = 0; n < docs; n++) {
    const dir = join(inputs, String(Math.floor(n / 1000)).padStart(4, '0'));
    if (n % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `copy-${String(n).padStart(7, '0')}.txt`), copyOf(seedLines, blankAt, n));
  }
  const writeSeconds = (performance.now() - t) / 1000;
  const inputBytes = readdirSync(inputs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);

  // The parser alone, for scale: one thread, the seed's bytes already in memory, nothing written.
  const seedBytes = new Uint8Array(readFileSync(SEED));
  const parses = Math.min(docs, 300);
  for (let i = 0; i < 20; i++) ingestDocument(seedBytes, 'seed.txt');
  const parseCpu = process.cpuUsage();
  for (let i = 0; i < parses; i++) ingestDocument(seedBytes, 'seed.txt');
  const parseUsage = process.cpuUsage(parseCpu);
  const parseOnly = parses / ((parseUsage.user + parseUsage.system) / 1e6);

  const loadBefore = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  t = performance.now();
  const run = await runIngest(['--out', out, '--jobs', String(jobs), '--quiet', inputs]);
  const seconds = (performance.now() - t) / 1000;
  // CPU time of every thread of this process (workers included): the cost per document whatever else runs.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (!run.report || !run.manifest) throw new Error(`ingest failed with exit code ${run.exitCode}`);

  const totals = run.report.totals;
  const parquetBytes = run.manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  const rate = docs / seconds;
  const threads = run.jobs ?? jobs;
  const cores = Math.min(threads, availableParallelism());
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const lines = [
    `ingest benchmark: ${docs} copies of the seed (${mb(inputBytes)} MB of text), written in ${writeSeconds.toFixed(1)} s`,
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, ` +
      `load average ${loadBefore.toFixed(2)} before the run`,
    `parsing threads: ${threads}`,
    `documents: ${totals.inputs} in, ${totals.ok} ok, ${totals.partial} partial, ${totals.rejected} rejected`,
    `rows: ${Object.entries(run.manifest.rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
    `total seconds: ${seconds.toFixed(2)}`,
    `documents/s overall: ${rate.toFixed(0)}`,
    `documents/s per core: ${(rate / cores).toFixed(0)} (${cores} core${cores > 1 ? 's' : ''} parsing)`,
    `CPU seconds (all threads): ${cpuSeconds.toFixed(2)} → ${(docs / cpuSeconds).toFixed(0)} documents per CPU-second`,
    `parser alone (1 thread, in memory, ${parses} parses): ${parseOnly.toFixed(0)} documents per CPU-second`,
    `Parquet bytes: ${parquetBytes} (${(parquetBytes / docs).toFixed(0)} bytes/document)`,
    `peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)} MB`
  ];
  console.log(lines.join('\n'));
  if (totals.rejected > 0) {
    const first = run.report.entries.find((e) => e.status === 'rejected');
    console.log(`WARNING: ${totals.rejected} rejected, e.g. ${first?.file}: ${first?.reasons.join('; ')}`);
    process.exitCode = 2;
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
