// An interrupted ingest never leaves mixed data: the real CLI is killed (SIGKILL) at every step of publishing
// its output (GONGKAI_INGEST_PAUSE_AT makes it stop and wait there), and the output folder must then hold
// either the complete output of the run before or the complete new one — the manifest's hashes checked
// against every file — and the next run must leave no temp folder behind. Also: a second ingest into the
// same folder is refused while the first runs, and a stale lock (its process gone) is taken over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OUTPUT_NAMES } from '../../src/cli/ingest-output';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = join(ROOT, 'data/disclosures/000_f7859c67d4b429b5.txt');
const CLI = join(ROOT, 'src/cli/ingest.ts');

const root = mkdtempSync(join(tmpdir(), 'gongkai-interrupt-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Start the CLI as one process (node --import tsx, so the pid is the ingest's own). With `pauseAt`, resolves
 * `paused` once it says it waits at that step.
 */
function start(args: string[], pauseAt?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--quiet', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GONGKAI_INGEST_PAUSE_AT: pauseAt ?? '' }
  });
  children.add(child);
  let stderr = '';
  let onPaused: () => void = () => {};
  const paused = new Promise<void>((r) => (onPaused = r));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (pauseAt && stderr.includes(`paused at ${pauseAt} `)) onPaused();
  });
  const done = new Promise<Run>((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => ok({ code, signal, stderr }));
  });
  const exitedFirst = done.then((r) => Promise.reject(new Error(`exited before pausing: ${r.stderr}`)));
  exitedFirst.catch(() => {}); // only an error when awaited through `paused`
  return { child, paused: pauseAt ? Promise.race([paused, exitedFirst]) : Promise.resolve(), done };
}

const run = (args: string[]) => start(args).done;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The output as a reader sees it, checked whole: every table's and the report's bytes match the manifest's
 * hashes. Returns the manifest's text (which tells the runs apart), or throws naming what disagrees. */
function wholeOutput(out: string): string {
  const text = readFileSync(join(out, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text) as {
    files: { file: string; bytes: number; sha256: string }[];
    report: { file: string; bytes: number; sha256: string };
  };
  for (const f of [...manifest.files, manifest.report]) {
    const bytes = readFileSync(join(out, f.file));
    expect(bytes.length, f.file).toBe(f.bytes);
    expect(sha(bytes), f.file).toBe(f.sha256);
  }
  return text;
}

/** After a complete run: the names, the current version and its link, nothing else (no temp, no lock). */
function expectClean(out: string) {
  const names = readdirSync(out).sort();
  expect(names.filter((n) => !n.startsWith('.'))).toEqual([...OUTPUT_NAMES].sort());
  const hidden = names.filter((n) => n.startsWith('.'));
  expect(hidden).toHaveLength(2);
  expect(hidden[0]).toBe('.ingest-current');
  expect(hidden[1]).toMatch(/^\.ingest-data-/);
}

// Two different runs: OLD ingests an empty folder (every table empty), NEW ingests the real sample.
const EMPTY = join(root, 'empty');
mkdirSync(EMPTY);
const OLD = [EMPTY];
const NEW = [SEED];
let oldManifest: string, newManifest: string;

beforeAll(async () => {
  const [a, b] = [join(root, 'ref-old'), join(root, 'ref-new')];
  const runs = await Promise.all([run(['--out', a, ...OLD]), run(['--out', b, ...NEW])]);
  expect(runs.map((r) => r.code)).toEqual([0, 0]);
  oldManifest = wholeOutput(a);
  newManifest = wholeOutput(b);
  expect(newManifest).not.toBe(oldManifest);
}, 60_000);

let n = 0;
const outDir = () => join(root, `out-${n++}`);

/** Kill the NEW run at `step` in `out` (which holds the OLD output), check the folder, then run again. */
async function killAt(out: string, step: string, expected: 'old' | 'new') {
  const p = start(['--out', out, ...NEW], step);
  await p.paused;
  p.child.kill('SIGKILL');
  const r = await p.done;
  expect(r.signal).toBe('SIGKILL');
  const seen = wholeOutput(out);
  expect(seen === oldManifest ? 'old' : seen === newManifest ? 'new' : 'mixed', step).toBe(expected);
  // the next run takes over the dead run's lock, removes what it left, and publishes whole
  const next = await run(['--out', out, ...OLD]);
  expect(next.code, next.stderr).toBe(0);
  expect(next.stderr).toContain(`took over the stale lock of pid ${p.child.pid}`);
  expect(wholeOutput(out)).toBe(oldManifest);
  expectClean(out);
}

// one killed run per step, and a step per output name (seven tables, the manifest and the report)
describe('an ingest killed while it publishes', { timeout: 240_000 }, () => {
  it('leaves the old output or the new one whole, in a folder it wrote before', async () => {
    const out = outDir();
    expect((await run(['--out', out, ...OLD])).code).toBe(0);
    expectClean(out);
    // each killAt ends with a clean OLD run, ready for the next
    for (const [step, expected] of [
      ['parsed', 'old'],
      ['staged', 'old'],
      ['published', 'new'],
      ['cleaned', 'new']
    ] as const) {
      await killAt(out, step, expected);
    }
  });

  it('converts a folder of plain files (an older layout) without a moment of mixed data', async () => {
    const ref = join(root, 'ref-old');
    const plain = () => {
      const out = outDir();
      mkdirSync(out);
      for (const name of OUTPUT_NAMES) copyFileSync(join(ref, name), join(out, name));
      return out;
    };
    const steps = [
      'migrate-version',
      'migrate-current',
      ...OUTPUT_NAMES.map((name) => `migrate-link:${name}`)
    ];
    // two at a time (two cores)
    for (let i = 0; i < steps.length; i += 2) {
      await Promise.all(steps.slice(i, i + 2).map((step) => killAt(plain(), step, 'old')));
    }
    // and uninterrupted, the plain folder becomes the new output
    const out = plain();
    expect((await run(['--out', out, ...NEW])).code).toBe(0);
    expect(wholeOutput(out)).toBe(newManifest);
    expectClean(out);
  });
});

describe('the lock on an output folder', { timeout: 30_000 }, () => {
  it('refuses a second ingest into the same folder while one runs, naming the folder and the pid', async () => {
    const out = outDir();
    const first = start(['--out', out, ...NEW], 'parsed');
    await first.paused;
    const second = await run(['--out', out, ...OLD]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`ingest: refused: another ingest (pid ${first.child.pid}, started `);
    expect(second.stderr).toContain(`is writing to ${out}`);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false); // nothing published by either
    first.child.kill('SIGKILL');
    await first.done;
    // its process is gone: the lock is stale, taken over with a note, and the leftovers removed
    const third = await run(['--out', out, ...OLD]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain(`${out}: took over the stale lock of pid ${first.child.pid}`);
    expect(wholeOutput(out)).toBe(oldManifest);
    expectClean(out);
  });
});
