// Benchmark of reading PDFs: pdf.js text extraction (readPdf) and the whole ingest CLI, against poppler's
// `pdftotext -layout` on the same files in the same run. Not a test: it prints figures. pdftotext is only a
// yardstick here (Debian's poppler-utils); the ingest never runs it.
//
//   npm run bench:pdf -- [--docs 80] [--src ../shared/realpdfs/docs] [--jobs 2] [--keep]
//
// The N inputs are the source PDFs repeated, each copy made distinct by a `%copy N` comment line after its
// %%EOF (the text is the same, so the ingest reads every copy and keeps the first of each as a document).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// pdf.js's legacy build replaces some built-ins with core-js polyfills when it loads (on Node 20:
// Array.prototype.push, JSON.parse, JSON.stringify). Keep the originals, taken before anything loads pdf.js,
// to measure what restoring them would gain.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const { readPdf } = await import('../../src/lib/ingest/pdf/load');
const { nodePdfAssets, nodePdfJs } = await import('../../src/lib/ingest/pdf/node');

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '80' },
    src: { type: 'string', default: resolve(ROOT, '../shared/realpdfs/docs') },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false }
  }
});
const docs = Number(values.docs);
const jobs = Number(values.jobs);
if (!Number.isInteger(docs) || docs < 1)
  throw new Error(`--docs must be a whole number ≥ 1, got ${values.docs}`);
if (!Number.isInteger(jobs) || jobs < 1)
  throw new Error(`--jobs must be a whole number ≥ 1, got ${values.jobs}`);

const sources = readdirSync(values.src)
  .filter((f) => /\.pdf$/i.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(values.src, f))) }));
if (!sources.length) throw new Error(`no .pdf in ${values.src}`);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (t: number) => t.toFixed(0);

interface Figure {
  what: string;
  wall: number;
  cpu?: number;
  loadBefore: string;
  loadAfter: string;
}
const figures: Figure[] = [];
function report(f: Figure) {
  figures.push(f);
  const cpu = f.cpu === undefined ? '' : `, CPU ${ms(f.cpu)} ms (${(f.cpu / docs).toFixed(1)} ms/PDF)`;
  console.log(
    `${f.what}: ${ms(f.wall)} ms wall, ${(f.wall / docs).toFixed(1)} ms/PDF, ${((docs * 1000) / f.wall).toFixed(1)} PDFs/s${cpu}` +
      `  [load average ${f.loadBefore} → ${f.loadAfter}]`
  );
}

/** CPU ms of this process's finished children (and theirs), from /proc (Linux); null elsewhere. */
function childCpuMs(): number | null {
  try {
    // the fields after the command name start at field 3 (state); cutime and cstime are 16 and 17, in ticks
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[16 - 3]) + Number(fields[17 - 3])) * 1000) / TICKS;
  } catch {
    return null;
  }
}
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** Run each command, at most `parallel` at a time; resolves with the wall time in ms. */
function runPool(commands: string[][], parallel: number): Promise<number> {
  const t = performance.now();
  let next = 0;
  let failed: Error | null = null;
  const one = (): Promise<void> => {
    if (next >= commands.length || failed) return Promise.resolve();
    const [cmd, ...args] = commands[next++];
    return new Promise<void>((done) => {
      const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', (e) => ((failed = e), done()));
      child.on('close', (code) => {
        if (code !== 0) failed = new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`);
        done();
      });
    }).then(one);
  };
  return Promise.all(Array.from({ length: parallel }, one)).then(() => {
    if (failed) throw failed;
    return performance.now() - t;
  });
}

/** Wall ms of `n` node processes each spinning the same fixed loop at once. */
function burn(n: number): Promise<number> {
  const loop = 'let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; if (x < 0) console.log(x);';
  const t = performance.now();
  return Promise.all(
    Array.from(
      { length: n },
      () => new Promise<void>((done) => spawn(process.execPath, ['-e', loop]).on('close', () => done()))
    )
  ).then(() => performance.now() - t);
}

/** How many cores this run actually gets now: other processes on the machine take their share. */
async function coresFree(): Promise<string> {
  const one = await burn(1);
  const two = await burn(2);
  return `${((2 * one) / two).toFixed(2)} of 2 (a fixed loop: ${ms(one)} ms alone, ${ms(two)} ms for two at once)`;
}

const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-pdf-'));
const inputs = join(root, 'inputs');
mkdirSync(inputs);
try {
  const files: string[] = [];
  for (let n = 0; n < docs; n++) {
    const src = sources[n % sources.length];
    const file = join(inputs, `copy-${String(n).padStart(4, '0')}-${src.name}`);
    writeFileSync(file, Buffer.concat([src.bytes, Buffer.from(`\n%copy ${n}\n`)]));
    files.push(file);
  }
  const mb = files.reduce((s, f) => s + readFileSync(f).length, 0) / 1024 / 1024;
  const pdfjsVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfjs-dist/package.json'), 'utf8'))
    .version as string;
  console.log(
    `PDF benchmark: ${docs} PDFs (${sources.length} distinct sources from ${values.src}, ${mb.toFixed(1)} MB)\n` +
      `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, ` +
      `pdf.js ${pdfjsVersion}`
  );

  console.log(`cores free at the start: ${await coresFree()}`);

  // (a) pdftotext -layout, one process per file, sequentially and `jobs` at a time
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  let poppler: Figure | null = null;
  let popplerRun: ((parallel: number) => Promise<Figure>) | null = null;
  if (probe.error) {
    console.log('pdftotext: not installed (Debian: apt-get install poppler-utils), comparison skipped');
  } else {
    console.log(`pdftotext: ${(probe.stderr || probe.stdout).split('\n')[0].trim()}`);
    const commands = files.map((f) => ['pdftotext', '-layout', f, '/dev/null']);
    await runPool(commands.slice(0, sources.length), 1); // warm the page cache
    popplerRun = async (parallel: number) => {
      const before = load();
      const cpu0 = childCpuMs();
      const wall = await runPool(commands, parallel);
      const cpu = cpu0 === null ? undefined : childCpuMs()! - cpu0;
      const what = `pdftotext -layout, ${parallel === 1 ? 'sequential' : `${parallel} processes`}`;
      return { what, wall, cpu, loadBefore: before, loadAfter: load() };
    };
    report(await popplerRun(1));
    poppler = await popplerRun(jobs);
    report(poppler);
  }

  // (b) readPdf (pdf.js text extraction) in this process, one file after the other
  const pdfjs = await nodePdfJs();
  const assets = nodePdfAssets();
  // warm-up: pdf.js's modules (its worker included) load on the first document
  for (const s of sources) await readPdf(s.bytes, s.name, pdfjs, assets);
  const readAll = async (what: string) => {
    const hash = createHash('sha256');
    const before = load();
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    for (const [i, f] of files.entries()) {
      const info = await readPdf(new Uint8Array(readFileSync(f)), f, pdfjs, assets);
      if (i < sources.length) hash.update(NATIVE.stringify.call(JSON, info.pages));
    }
    const wall = performance.now() - t;
    const c = process.cpuUsage(cpu0);
    report({ what, wall, cpu: (c.user + c.system) / 1000, loadBefore: before, loadAfter: load() });
    return hash.digest('hex');
  };
  const replaced = [
    Array.prototype.push !== NATIVE.push && 'Array.prototype.push',
    JSON.parse !== NATIVE.parse && 'JSON.parse',
    JSON.stringify !== NATIVE.stringify && 'JSON.stringify'
  ].filter(Boolean);
  const asShipped = await readAll(
    `readPdf, 1 thread${replaced.length ? ` (pdf.js's polyfills of ${replaced.join(', ')} in place)` : ''}`
  );
  if (replaced.length) {
    Array.prototype.push = NATIVE.push;
    JSON.parse = NATIVE.parse;
    JSON.stringify = NATIVE.stringify;
    const restored = await readAll('readPdf, 1 thread, native built-ins restored');
    console.log(`  items identical with the built-ins restored: ${restored === asShipped ? 'yes' : 'NO'}`);
  }

  // (c) the whole ingest as a user runs it
  const out = join(root, 'out');
  const before = load();
  const cpu0 = childCpuMs();
  const t = performance.now();
  const run = spawnSync(
    'npm',
    ['run', '--silent', 'ingest', '--', '--out', out, '--jobs', String(jobs), '--quiet', inputs],
    {
      cwd: ROOT,
      encoding: 'utf8'
    }
  );
  const wall = performance.now() - t;
  const cpu = cpu0 === null ? undefined : childCpuMs()! - cpu0;
  const loadAfter = load();
  const reportFile = join(out, 'ingest-report.json');
  const entries =
    run.status === 1
      ? []
      : (JSON.parse(readFileSync(reportFile, 'utf8')).entries as { status: string; reasons: string[] }[]);
  console.log(`cores free at the end: ${await coresFree()}`);
  if (run.status === 1) {
    console.log(`ingest: failed (exit 1): ${run.stderr.trim()}`);
  } else if (entries.some((e) => e.reasons.some((r) => /unsupported file type \.pdf/.test(r)))) {
    console.log('ingest: .pdf not supported yet');
  } else {
    const ingest: Figure = {
      what: `npm run ingest -- --jobs ${jobs} (exit ${run.status})`,
      wall,
      cpu,
      loadBefore: before,
      loadAfter
    };
    report(ingest);
    const count = (s: string) => entries.filter((e) => e.status === s).length;
    const dup = entries.filter((e) => e.reasons.some((r) => r.startsWith('duplicate of'))).length;
    console.log(
      `  ${count('ok')} ok, ${count('partial')} partial, ${count('rejected')} rejected (${dup} as duplicates of an earlier copy)`
    );
    if (poppler && popplerRun) {
      // pdftotext once more, right after the ingest: the machine's load moves between runs
      const again = await popplerRun(jobs);
      report({ ...again, what: `${again.what}, again after the ingest` });
      const ratio = (p: Figure) => (wall / p.wall).toFixed(2);
      console.log(
        `ingest / pdftotext, wall (${jobs} jobs each; target ≤ 2×): ${ratio(poppler)}× the run before, ${ratio(again)}× the run after; ` +
          `${(wall / figures[0].wall).toFixed(2)}× pdftotext sequential`
      );
      if (cpu !== undefined && poppler.cpu && again.cpu)
        console.log(
          `ingest / pdftotext, CPU time (steadier when other processes share the cores): ` +
            `${(cpu / poppler.cpu).toFixed(2)}×, ${(cpu / again.cpu).toFixed(2)}×`
        );
    }
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
