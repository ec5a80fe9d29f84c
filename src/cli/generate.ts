// npm run generate -- --out DIR --units N --years 2019-2024 --seed S [--inconsistency-rate 0.03]
// Writes one synthetic disclosure (.txt) per unit and year, and beside each its .truth.json.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Write the corpus; returns the number of documents. Each file goes to a temp name first, then is renamed. */
export function runGenerate(args: GenerateArgs): { documents: number; planted: number; seconds: number } {
  mkdirSync(args.out, { recursive: true });
  const total = args.units * (args.lastYear - args.firstYear + 1);
  const started = performance.now();
  let lastReport = started;
  let documents = 0;
  let planted = 0;
  const put = (name: string, text: string) => {
    const path = join(args.out, name);
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  };
  for (const doc of generateCorpus(args)) {
    put(doc.file, doc.text);
    put(truthFileName(doc.file), JSON.stringify(doc.truth, null, 1));
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
  const seconds = (performance.now() - started) / 1000;
  if (!args.quiet)
    process.stderr.write(
      `generate: ${documents} documents (${planted} with a planted inconsistency) in ${seconds.toFixed(1)} s → ${args.out}\n`
    );
  return { documents, planted, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    runGenerate(parseGenerateArgs(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`generate: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
