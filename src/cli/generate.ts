// npm run generate -- --out DIR --units N --years 2019-2024 --seed S [--inconsistency-rate 0.03] [--pdf-share 0]
// Writes one synthetic disclosure (.txt, or .pdf for the --pdf-share of units) per unit and year, and beside
// each its .truth.json.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { generateCorpus, truthFileName, type CorpusOptions } from '../lib/generate/index';
import { cjkFontAvailable, loadCjkFont, NOTO_CJK_PATH } from '../lib/generate/pdf/font';
import { writePdf } from '../lib/generate/pdf/write';

const USAGE =
  'usage: npm run generate -- --out DIR --units N --years 2019-2024 --seed S [--inconsistency-rate 0.03] [--pdf-share 0] [--jobs N] [--quiet]';

export interface GenerateArgs extends CorpusOptions {
  out: string;
  quiet: boolean;
  /** Threads to generate on (default: one per core for 3,000 documents or more). Output is the same. */
  jobs?: number;
}

/** Parse the command line; throws an Error with a usage message on bad input. */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const values = new Map<string, string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quiet') quiet = true;
    else if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${key} needs a value\n${USAGE}`);
      values.set(key, value);
    } else throw new Error(`unexpected argument ${a}\n${USAGE}`);
  }
  for (const key of values.keys())
    if (!['out', 'units', 'years', 'seed', 'inconsistency-rate', 'pdf-share', 'jobs'].includes(key))
      throw new Error(`unknown option --${key}\n${USAGE}`);
  const out = values.get('out');
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  const units = Number(values.get('units') ?? '150');
  if (!Number.isInteger(units) || units < 1) throw new Error(`--units must be a positive integer\n${USAGE}`);
  const years = (values.get('years') ?? '2019-2024').match(/^(\d{4})(?:-(\d{4}))?$/);
  if (!years) throw new Error(`--years must look like 2019-2024\n${USAGE}`);
  const firstYear = Number(years[1]);
  const lastYear = Number(years[2] ?? years[1]);
  if (lastYear < firstYear) throw new Error(`--years: ${lastYear} is before ${firstYear}\n${USAGE}`);
  const rate = Number(values.get('inconsistency-rate') ?? '0.03');
  if (!(rate >= 0 && rate <= 1)) throw new Error(`--inconsistency-rate must be between 0 and 1\n${USAGE}`);
  const pdfShare = Number(values.get('pdf-share') ?? '0');
  if (!(pdfShare >= 0 && pdfShare <= 1)) throw new Error(`--pdf-share must be between 0 and 1\n${USAGE}`);
  const jobsText = values.get('jobs');
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64))
    throw new Error(`--jobs must be a whole number from 1 to 64\n${USAGE}`);
  return {
    out,
    units,
    firstYear,
    lastYear,
    seed: values.get('seed') ?? '1',
    inconsistencyRate: rate,
    pdfShare,
    quiet,
    jobs
  };
}

export interface ShardResult {
  documents: number;
  planted: number;
  /** how many of the documents are PDFs */
  pdfs: number;
}

export interface ShardTask {
  args: GenerateArgs;
  target: string;
  /** Write straight to the final names (the target is a fresh staging folder) or via temp names. */
  direct: boolean;
  shard: { index: number; count: number };
}

/** Generate and write one shard of the corpus; `progress` is called with the running document count. */
export async function writeShard(
  task: ShardTask,
  progress: (documents: number) => void = () => {}
): Promise<ShardResult> {
  // Writes run on libuv's threads while the next documents are generated; at most WINDOW in flight.
  const WINDOW = 64;
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  const write = async (name: string, text: string | Uint8Array) => {
    const path = join(task.target, name);
    if (task.direct) return writeFile(path, text);
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
  };
  const put = async (name: string, text: string | Uint8Array) => {
    const p = write(name, text).then(
      () => void pending.delete(p),
      (e) => {
        failure ??= e;
        pending.delete(p);
      }
    );
    pending.add(p);
    while (pending.size >= WINDOW) await Promise.race(pending);
    if (failure) throw failure;
  };
  let documents = 0;
  let planted = 0;
  let pdfs = 0;
  let last = performance.now();
  try {
    for (const doc of generateCorpus({ ...task.args, shard: task.shard })) {
      await put(
        doc.file,
        doc.pdf ? await writePdf(doc.pdf.document, doc.pdf.style, await loadCjkFont()) : doc.text
      );
      await put(truthFileName(doc.file), JSON.stringify(doc.truth));
      documents++;
      if (doc.pdf) pdfs++;
      if (doc.truth.planted.length) planted++;
      if (performance.now() - last > 250) {
        last = performance.now();
        progress(documents);
      }
    }
  } finally {
    await Promise.allSettled(pending);
  }
  if (failure) throw failure;
  progress(documents);
  return { documents, planted, pdfs };
}

/** Run one shard in a worker thread. */
function shardInWorker(task: ShardTask, progress: (documents: number) => void) {
  return new Promise<ShardResult>((resolve, reject) => {
    const worker = new Worker(new URL('./generate-worker-boot.mjs', import.meta.url), { workerData: task });
    let result: ShardResult | null = null;
    worker.on(
      'message',
      (
        m:
          | { type: 'progress'; documents: number }
          | ({ type: 'done' } & ShardResult)
          | { type: 'error'; message: string }
      ) => {
        if (m.type === 'progress') progress(m.documents);
        else if (m.type === 'done') result = { documents: m.documents, planted: m.planted, pdfs: m.pdfs };
        else reject(new Error(`generate worker ${task.shard.index}: ${m.message}`));
      }
    );
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`generate worker ${task.shard.index} exited with ${code}`))
    );
  });
}

/**
 * Write the corpus; returns the number of documents. Nothing half-written is left behind: into a missing or
 * empty --out the files go to a sibling staging folder renamed into place at the end; into a folder that
 * already holds files, each file is written to a temp name and renamed.
 */
/**
 * Remove the answer keys (*.truth.json) from a generated folder, leaving only documents: the ingest would
 * name every one of them as a skipped file.
 */
export function removeAnswerKeys(dir: string): void {
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (f.endsWith('.truth.json')) rmSync(join(dir, f));
}

export async function runGenerate(
  args: GenerateArgs
): Promise<ShardResult & { seconds: number; jobs: number }> {
  // PDFs need the font: say so before anything is written
  if ((args.pdfShare ?? 0) > 0 && !(await cjkFontAvailable()))
    throw new Error(
      `--pdf-share needs the CJK font ${NOTO_CJK_PATH}, which is missing: apt-get install fonts-noto-cjk`
    );
  const fresh = !existsSync(args.out) || readdirSync(args.out).length === 0;
  const target = fresh
    ? join(dirname(args.out), `.${basename(args.out)}.generating-${process.pid}`)
    : args.out;
  mkdirSync(target, { recursive: true });
  // about 1.18 documents per unit-year: most publish a budget, some a final account beside it or instead
  const total = Math.round(args.units * (args.lastYear - args.firstYear + 1) * 1.18);
  const jobs = Math.min(args.units, args.jobs ?? (total >= 3000 ? availableParallelism() : 1));
  const started = performance.now();
  const counts = new Array<number>(jobs).fill(0);
  let lastReport = started;
  const progress = (shard: number) => (documents: number) => {
    counts[shard] = documents;
    const now = performance.now();
    if (args.quiet || now - lastReport < 500) return;
    lastReport = now;
    const done = counts.reduce((s, x) => s + x, 0);
    const rate = done / ((now - started) / 1000);
    process.stderr.write(
      `generate: ${done}/~${total} documents, ${rate.toFixed(0)} docs/s, ETA ${(Math.max(0, total - done) / rate).toFixed(0)} s\n`
    );
  };
  let results: ShardResult[];
  try {
    const tasks = Array.from({ length: jobs }, (_, index) => ({
      args,
      target,
      direct: fresh,
      shard: { index, count: jobs }
    }));
    results = await Promise.all(
      tasks.map((task, i) => (jobs === 1 ? writeShard(task, progress(i)) : shardInWorker(task, progress(i))))
    );
  } catch (e) {
    if (fresh) rmSync(target, { recursive: true, force: true });
    throw e;
  }
  if (fresh) {
    if (existsSync(args.out)) rmSync(args.out, { recursive: true });
    renameSync(target, args.out);
  }
  const documents = results.reduce((s, r) => s + r.documents, 0);
  const planted = results.reduce((s, r) => s + r.planted, 0);
  const pdfs = results.reduce((s, r) => s + r.pdfs, 0);
  const seconds = (performance.now() - started) / 1000;
  if (!args.quiet)
    process.stderr.write(
      `generate: ${documents} documents (${pdfs ? `${pdfs} PDFs, ` : ''}${planted} with a planted inconsistency) in ${seconds.toFixed(1)} s on ${jobs} thread${jobs > 1 ? 's' : ''} → ${args.out}\n`
    );
  return { documents, planted, pdfs, seconds, jobs };
}

if (isMainThread && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGenerate(parseGenerateArgs(process.argv.slice(2))).catch((e) => {
    process.stderr.write(`generate: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
