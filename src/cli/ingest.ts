// npm run ingest -- --out DIR INPUT...
// Disclosure documents (.txt as extracted from a PDF, .html/.htm) in; the Parquet tables of the schema,
// manifest.json and ingest-report.json out. Exit 0 when every input produced a record, 2 when some were
// rejected or skipped (the others are still written), 1 on usage or I/O errors.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { discoverInputs } from '../lib/ingest/files';
import {
  buildManifest,
  buildReport,
  exitCodeOf,
  isSkipped,
  rejectDuplicates,
  toJson,
  type IngestReport,
  type Manifest
} from '../lib/ingest/report';
import { TABLE_NAMES } from '../lib/model';
import { LockedError, TMP_PREFIX, acquireLock, pauseAt, publish, removeLeftovers } from './ingest-output';
import { fromEnv, runPool } from './ingest-pool';
import { startProgress } from './progress';

export const USAGE = `usage: npm run ingest -- --out DIR [--jobs N] [--source-kind published|synthetic]
         [--relative-to DIR] [--quiet] INPUT...
  INPUT    files or folders (searched recursively) of .pdf, .txt, .html, .htm disclosure documents;
           files of other types and duplicates are skipped and named, and make the exit status 2
  --out    folder to write disclosures/line_items/projects/findings/units .parquet, manifest.json,
           ingest-report.json into (created if missing; the earlier run's files are replaced all at once,
           an interrupted run leaves them whole, and one ingest at a time may write there)
  --jobs   parsing threads (default: one per core for large batches)
  --source-kind  force the source kind of every document (default: from the document)
  --relative-to  name files under DIR by their path relative to DIR (in the report and source_file)
  --quiet  no progress or summary on stderr`;

const CliOptions = v.object({
  out: v.pipe(v.string('--out DIR is required'), v.nonEmpty('--out DIR is required')),
  inputs: v.pipe(v.array(v.string()), v.minLength(1, 'give at least one input file or folder')),
  jobs: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9][0-9]*$/, '--jobs must be a whole number ≥ 1'),
      v.transform(Number),
      v.maxValue(64, '--jobs must be at most 64')
    )
  ),
  sourceKind: v.optional(
    v.picklist(['published', 'synthetic'], '--source-kind must be published or synthetic')
  ),
  relativeTo: v.optional(v.pipe(v.string(), v.nonEmpty('--relative-to needs a folder'))),
  quiet: v.boolean()
});
export type CliOptions = v.InferOutput<typeof CliOptions>;

export class UsageError extends Error {}

/** Parse and validate the command line; throws UsageError with a message for the user. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        jobs: { type: 'string' },
        'source-kind': { type: 'string' },
        'relative-to': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.values.help) throw new UsageError('');
  const result = v.safeParse(CliOptions, {
    out: parsed.values.out,
    inputs: parsed.positionals,
    jobs: parsed.values.jobs,
    sourceKind: parsed.values['source-kind'],
    relativeTo: parsed.values['relative-to'],
    quiet: parsed.values.quiet
  });
  if (!result.success) throw new UsageError(result.issues.map((i) => i.message).join('; '));
  return result.output;
}

/** How many skipped and rejected files the summary names one by one (ingest-report.json has them all). */
const LISTED = 100;

/** Below this many files one worker thread is faster than starting one per core. */
const PARALLEL_FROM = 200;

export interface IngestRun {
  exitCode: number;
  report?: IngestReport;
  manifest?: Manifest;
  seconds?: number;
  jobs?: number;
}

interface Io {
  stderr: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = { stderr: (s) => process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) };

/** The whole ingest, as the command runs it; returns the exit code (and the report when one was written). */
export async function runIngest(argv: readonly string[], io: Io = defaultIo): Promise<IngestRun> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message ? `ingest: ${e.message}\n` : ''}${USAGE}\n`);
    return { exitCode: 1 };
  }
  const say = (s: string) => {
    if (!options.quiet) io.stderr(s);
  };

  const { files, missing } = discoverInputs(options.inputs, { relativeTo: options.relativeTo });
  if (missing.length > 0) {
    io.stderr(`ingest: input not found: ${missing.join(', ')}\n${USAGE}\n`);
    return { exitCode: 1 };
  }

  const outDir = resolve(options.out);
  let stage: string;
  let release: () => void;
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    io.stderr(`ingest: cannot write to --out ${options.out}: ${(e as Error).message}\n`);
    return { exitCode: 1 };
  }
  try {
    const lock = acquireLock(outDir);
    release = lock.release;
    if (lock.note) io.stderr(`ingest: ${outDir}: ${lock.note}\n`);
  } catch (e) {
    io.stderr(
      e instanceof LockedError
        ? `ingest: refused: ${e.message}\n`
        : `ingest: cannot write to --out ${options.out}: ${(e as Error).message}\n`
    );
    return { exitCode: 1 };
  }
  try {
    const removed = removeLeftovers(outDir);
    if (removed.length)
      say(`ingest: removed what earlier interrupted runs left in ${outDir}: ${removed.join(', ')}\n`);
    // mkdirSync, not mkdtempSync: the folder becomes the published version, readable as umask allows
    stage = join(outDir, `${TMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(stage);
  } catch (e) {
    release();
    io.stderr(`ingest: cannot write to --out ${options.out}: ${(e as Error).message}\n`);
    return { exitCode: 1 };
  }
  // the shards and the tables being merged live in work/; the staged output (what gets published) beside it
  const work = join(stage, 'work');
  const cleanup = () => {
    rmSync(stage, { recursive: true, force: true });
    release();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    mkdirSync(work);
    const jobs = options.jobs ?? (files.length >= PARALLEL_FROM ? availableParallelism() : 1);
    const progress = startProgress({ total: files.length, write: say, isTTY: io.isTTY });
    const pooling = runPool(files, {
      jobs,
      tmpDir: work,
      ingest: options.sourceKind ? { sourceKind: options.sourceKind } : {},
      onProgress: (done) => progress.update(done)
    });
    pooling.catch(() => {}); // awaited below
    // the Parquet writer (DuckDB) loads here while the worker threads start and parse
    const { MERGE_MEMORY_MB, writeTables } = await import('../lib/ingest/parquet');
    const pool = await pooling;
    pauseAt('parsed');
    const { entries, excluded } = rejectDuplicates(pool.entries);
    const report = buildReport(entries);
    const written = await writeTables(work, pool.parts, excluded, {
      memoryMb: fromEnv('GONGKAI_INGEST_MERGE_MB', MERGE_MEMORY_MB)
    });
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const tableFiles = TABLE_NAMES.map((t) => {
      const target = join(stage, written.tables[t].file);
      renameSync(written.temps[t], target);
      return { table: t, ...written.tables[t], sha256: sha256(readFileSync(target)) };
    });
    const { temp: docsViewTemp, ...docsView } = written.docsView;
    renameSync(docsViewTemp, join(stage, docsView.file));
    const docsViewHash = sha256(readFileSync(join(stage, docsView.file)));
    const reportJson = Buffer.from(toJson(report));
    writeFileSync(join(stage, 'ingest-report.json'), reportJson);
    const manifest = buildManifest(
      tableFiles,
      written,
      report.totals,
      { file: 'ingest-report.json', bytes: reportJson.length, sha256: sha256(reportJson) },
      { ...docsView, sha256: docsViewHash }
    );
    writeFileSync(join(stage, 'manifest.json'), toJson(manifest));
    rmSync(work, { recursive: true, force: true });
    // Everything is complete in the staged folder: publish it in one step (see ingest-output.ts).
    publish(outDir, stage);
    const seconds = progress.end();

    const t = report.totals;
    const rate = t.inputs > 1 && seconds > 0 ? `${(t.inputs / seconds).toFixed(0)} docs/s, ` : '';
    const how = ` (${rate}${jobs} thread${jobs > 1 ? 's' : ''})`;
    say(
      `ingest: ${t.inputs} document${t.inputs === 1 ? '' : 's'} in ${seconds.toFixed(2)} s${how}: ` +
        `${t.ok} ok, ${t.partial} partial, ${t.rejected} rejected → ${options.out}\n`
    );
    const skipped = report.entries.filter(isSkipped);
    const rejected = report.entries.filter((e) => e.status === 'rejected' && !isSkipped(e));
    if (skipped.length)
      say(`ingest: skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} (not read):\n`);
    for (const e of skipped.slice(0, LISTED)) say(`  skipped ${e.file}: ${e.reasons.join('; ')}\n`);
    if (skipped.length > LISTED)
      say(`  … and ${skipped.length - LISTED} more skipped, see ingest-report.json\n`);
    for (const e of rejected.slice(0, LISTED)) say(`  rejected ${e.file}: ${e.reasons.join('; ')}\n`);
    if (rejected.length > LISTED)
      say(`  … and ${rejected.length - LISTED} more rejected, see ingest-report.json\n`);
    return { exitCode: exitCodeOf(t), report, manifest, seconds, jobs };
  } catch (e) {
    io.stderr(`ingest: failed: ${(e as Error).message}\n`);
    return { exitCode: 1 };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  runIngest(process.argv.slice(2)).then(
    (run) => {
      process.exitCode = run.exitCode;
    },
    (e) => {
      process.stderr.write(`ingest: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    }
  );
}
