// npm run generate -- --out DIR --units N --years 2019-2024 --seed S [--inconsistency-rate 0.03]
// Writes one synthetic disclosure (.txt) per unit and year, and beside each its .truth.json.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus, truthFileName, type CorpusOptions } from '../lib/generate/index';

const USAGE =
  'usage: npm run generate -- --out DIR --units N --years 2019-2024 --seed S [--inconsistency-rate 0.03] [--quiet]';

export interface GenerateArgs extends CorpusOptions {
  out: string;
  quiet: boolean;
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
    if (!['out', 'units', 'years', 'seed', 'inconsistency-rate'].includes(key))
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
  return { out, units, firstYear, lastYear, seed: values.get('seed') ?? '1', inconsistencyRate: rate, quiet };
}

/**
 * Write the corpus; returns the number of documents. Nothing half-written is left behind: into a missing or
 * empty --out the files go to a sibling staging folder renamed into place at the end; into a folder that
 * already holds files, each file is written to a temp name and renamed.
 */
export async function runGenerate(
  args: GenerateArgs
): Promise<{ documents: number; planted: number; seconds: number }> {
  const fresh = !existsSync(args.out) || readdirSync(args.out).length === 0;
  const target = fresh
    ? join(dirname(args.out), `.${basename(args.out)}.generating-${process.pid}`)
    : args.out;
  mkdirSync(target, { recursive: true });
  const total = args.units * (args.lastYear - args.firstYear + 1);
  const started = performance.now();
  let lastReport = started;
  let documents = 0;
  let planted = 0;
  // Writes run on libuv's threads while the next documents are generated; at most WINDOW in flight.
  const WINDOW = 64;
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  const write = async (name: string, text: string) => {
    const path = join(target, name);
    if (fresh) return writeFile(path, text);
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
  };
  const put = async (name: string, text: string) => {
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
  try {
    for (const doc of generateCorpus(args)) {
      await put(doc.file, doc.text);
      await put(truthFileName(doc.file), JSON.stringify(doc.truth));
      documents++;
      if (doc.truth.planted.length) planted++;
      const now = performance.now();
      if (!args.quiet && now - lastReport > 500) {
        lastReport = now;
        const rate = documents / ((now - started) / 1000);
        process.stderr.write(
          `generate: ${documents}/${total} documents, ${rate.toFixed(0)} docs/s, ETA ${((total - documents) / rate).toFixed(0)} s\n`
        );
      }
    }
    await Promise.all(pending);
    if (failure) throw failure;
  } catch (e) {
    await Promise.allSettled(pending);
    if (fresh) rmSync(target, { recursive: true, force: true });
    throw e;
  }
  if (fresh) {
    if (existsSync(args.out)) rmSync(args.out, { recursive: true });
    renameSync(target, args.out);
  }
  const seconds = (performance.now() - started) / 1000;
  if (!args.quiet)
    process.stderr.write(
      `generate: ${documents} documents (${planted} with a planted inconsistency) in ${seconds.toFixed(1)} s → ${args.out}\n`
    );
  return { documents, planted, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGenerate(parseGenerateArgs(process.argv.slice(2))).catch((e) => {
    process.stderr.write(`generate: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
