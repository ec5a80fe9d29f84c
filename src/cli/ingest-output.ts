// How the ingest publishes its output folder (--out DIR) so that an interrupted run never leaves mixed data.
//
// The design: DIR stays a real folder, and every name a reader opens in it (the five tables, manifest.json,
// ingest-report.json) is a fixed relative symlink `NAME → .ingest-current/NAME`. `.ingest-current` is itself a
// symlink to one complete version folder, `.ingest-data-<id>/`, holding all seven files of one run. A run writes
// its new version folder in full (under `.ingest-tmp-<id>/`, renamed to `.ingest-data-<id>/` when complete),
// then publishes it with ONE rename(2) of a fresh temp symlink over `.ingest-current`, which POSIX makes atomic:
// a reader resolves every name either through the old version or through the new one, never a mix, and a
// SIGKILL at any step leaves one of the two complete. Why this and not the alternatives:
// - Renaming a whole new DIR into place needs two renames (old aside, new in): a crash between them leaves no
//   DIR at all, and Node has no renameat2(RENAME_EXCHANGE) to swap two folders in one step.
// - Making DIR itself the symlink would need one non-atomic step (replacing an existing real folder by a
//   link) and scatters version folders beside DIR.
// With the per-name links every existing reader keeps working unchanged: `DIR/disclosures.parquet` opens
// through the links (the shared scorer, the tests, DuckDB, the Vite data plugin's middleware, start.mjs's
// existsSync), and the links are relative and inside DIR, so `cp -a`/`tar` of DIR stay whole. The one copier
// that must follow links is the build's copy of DIR → build/data (scripts/data-plugin.mjs dereferences).
// A folder written by an older gongkai (real files in place of the links) is converted without a window: the
// real files are hard-linked into a version folder, `.ingest-current` is pointed at it, and each real file is
// then replaced by its link to the very same bytes.
//
// A lock file, DIR/.ingest-lock (created with link(2), so it appears whole or not at all, holding the pid),
// refuses a second ingest into DIR while the first runs; a lock whose pid is gone is taken over with a note.
// Under the lock, leftovers of killed runs (temp folders, unpublished versions, temp links) are removed.
import {
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DOCS_VIEW_FILE, TABLE_NAMES, parquetFile } from '../lib/model';

/** The names a reader opens in DIR, each a link into the current version. */
export const OUTPUT_NAMES: readonly string[] = [
  ...TABLE_NAMES.map(parquetFile),
  DOCS_VIEW_FILE,
  'manifest.json',
  'ingest-report.json'
];
export const CURRENT = '.ingest-current';
export const LOCK = '.ingest-lock';
export const TMP_PREFIX = '.ingest-tmp-';
export const DATA_PREFIX = '.ingest-data-';
/** temp symlinks being made, and stale locks moved aside: `.ingest-link-<pid>-<rand>` */
const LINK_PREFIX = '.ingest-link-';
/** a lock file being made (linked to .ingest-lock when free): `.ingest-lock-<pid>-<rand>` */
const LOCK_TMP_PREFIX = `${LOCK}-`;

const rand = () => `${process.pid}-${randomBytes(4).toString('hex')}`;
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * A test hook, GONGKAI_INGEST_PAUSE_AT=<step>: at that step the process says so on stderr and blocks for
 * good (a test then kills it there). Steps: parsed, staged, migrate-version, migrate-current,
 * migrate-link:<name>, published, cleaned.
 */
export function pauseAt(step: string): void {
  if (process.env.GONGKAI_INGEST_PAUSE_AT !== step) return;
  process.stderr.write(`ingest: paused at ${step} (GONGKAI_INGEST_PAUSE_AT)\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

// ---------------------------------------------------------------------------------------------------- lock

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

export class LockedError extends Error {}

function readLock(file: string): LockInfo | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof o.pid !== 'number') return null;
    return { pid: o.pid, host: String(o.host ?? ''), started: String(o.started ?? '') };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM'; // it exists, owned by someone else
  }
}

/**
 * Take DIR's lock. Throws LockedError (naming DIR and the other process) when another live ingest holds it.
 * Returns a release function and, when a stale lock was taken over, a note saying so.
 */
export function acquireLock(dir: string): { release: () => void; note?: string } {
  const lock = join(dir, LOCK);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  let note: string | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = join(dir, `${LOCK_TMP_PREFIX}${rand()}`);
    writeFileSync(tmp, `${JSON.stringify(mine)}\n`);
    try {
      linkSync(tmp, lock); // fails with EEXIST when held: the lock appears whole or not at all
      unlinkSync(tmp);
      const release = () => {
        if (readLock(lock)?.pid === mine.pid && readLock(lock)?.started === mine.started) {
          rmSync(lock, { force: true });
        }
      };
      return { release, note };
    } catch (e) {
      rmSync(tmp, { force: true });
      if (code(e) !== 'EEXIST') throw e;
    }
    const holder = readLock(lock);
    if (holder === null) continue; // gone meanwhile (or unreadable for a moment): try again
    if (holder.host !== mine.host || alive(holder.pid)) {
      throw new LockedError(
        `another ingest (pid ${holder.pid}${holder.host !== mine.host ? ` on ${holder.host}` : ''}, ` +
          `started ${holder.started}) is writing to ${dir}; wait for it to finish or stop it ` +
          `(if no ingest runs there, delete ${lock})`
      );
    }
    // Stale: move it aside under a name of our own, then check we moved the stale one (not a fresh lock a
    // concurrent taker made meanwhile, which is put back).
    const aside = join(dir, `${LINK_PREFIX}${rand()}`);
    try {
      renameSync(lock, aside);
    } catch (e) {
      if (code(e) === 'ENOENT') continue;
      throw e;
    }
    const moved = readLock(aside);
    if (moved && (moved.pid !== holder.pid || moved.started !== holder.started)) {
      try {
        linkSync(aside, lock);
      } catch {
        // someone holds it again: it stays theirs
      }
      rmSync(aside, { force: true });
      continue;
    }
    rmSync(aside, { force: true });
    note = `took over the stale lock of pid ${holder.pid} (started ${holder.started}), which no longer runs`;
  }
  throw new LockedError(`could not take the lock ${lock}: it keeps changing hands`);
}

// ------------------------------------------------------------------------------------------------- layout

const isOurLink = (dir: string, name: string) => {
  try {
    return (
      lstatSync(join(dir, name)).isSymbolicLink() && readlinkSync(join(dir, name)) === `${CURRENT}/${name}`
    );
  } catch {
    return false;
  }
};

function currentTarget(dir: string): string | null {
  try {
    return readlinkSync(join(dir, CURRENT));
  } catch {
    return null;
  }
}

/** Atomically make `dir/name` a symlink to `target` (a temp link renamed over it). */
function switchLink(dir: string, name: string, target: string): void {
  const tmp = join(dir, `${LINK_PREFIX}${rand()}`);
  symlinkSync(target, tmp);
  renameSync(tmp, join(dir, name));
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: not every file system lets a folder be synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Remove what killed runs left in DIR (call under the lock): temp folders, version folders that are not
 * the current one, temp links and lock files. Returns the names removed.
 */
export function removeLeftovers(dir: string): string[] {
  const current = currentTarget(dir);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    // a lock file being made by another process that is still starting is left alone
    const lockPid = name.startsWith(LOCK_TMP_PREFIX)
      ? Number(name.slice(LOCK_TMP_PREFIX.length).split('-')[0])
      : 0;
    const stale =
      name.startsWith(TMP_PREFIX) ||
      name.startsWith(LINK_PREFIX) ||
      (lockPid > 0 && !alive(lockPid)) ||
      (name.startsWith(DATA_PREFIX) && name !== current);
    if (!stale) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Make every output name a link through `.ingest-current`. Names that hold real files (a folder written
 * before this layout, or by hand) are converted without a moment of mixed data: all the names' present
 * files are hard-linked into a new version folder, `.ingest-current` switches to it (the same bytes under
 * every name), then each real file is replaced by its link.
 */
export function migrateLayout(dir: string): void {
  const foreign = OUTPUT_NAMES.filter((n) => {
    try {
      lstatSync(join(dir, n));
    } catch {
      return false;
    }
    return !isOurLink(dir, n);
  });
  if (foreign.length > 0) {
    const version = `${DATA_PREFIX}${rand()}`;
    mkdirSync(join(dir, version));
    for (const n of OUTPUT_NAMES) {
      const from = isOurLink(dir, n) ? join(dir, CURRENT, n) : join(dir, n);
      try {
        if (lstatSync(from).isSymbolicLink()) copyFileSync(from, join(dir, version, n));
        else linkSync(from, join(dir, version, n));
      } catch (e) {
        if (code(e) === 'ENOENT') continue; // absent before, absent after
        if (code(e) === 'EPERM' || code(e) === 'EXDEV') copyFileSync(from, join(dir, version, n));
        else throw e;
      }
    }
    pauseAt('migrate-version');
    switchLink(dir, CURRENT, version);
    pauseAt('migrate-current');
    for (const n of foreign) {
      switchLink(dir, n, `${CURRENT}/${n}`);
      pauseAt(`migrate-link:${n}`);
    }
  }
  // names that do not exist yet: a link that resolves once a version is current (until then, still absent)
  for (const n of OUTPUT_NAMES) {
    if (!isOurLink(dir, n)) switchLink(dir, n, `${CURRENT}/${n}`);
  }
}

/**
 * Publish a complete staged folder (in DIR, named `.ingest-tmp-…`, holding every output name): rename it to a
 * version folder, make sure the names are links, switch `.ingest-current` to it in one rename, then remove
 * every other version (the one it replaced). Call under the lock.
 */
export function publish(dir: string, staged: string): void {
  for (const n of OUTPUT_NAMES) fsyncPath(join(staged, n));
  const version = `${DATA_PREFIX}${rand()}`;
  renameSync(staged, join(dir, version));
  fsyncPath(join(dir, version));
  pauseAt('staged');
  migrateLayout(dir);
  switchLink(dir, CURRENT, version); // ← the one step that publishes
  fsyncPath(dir);
  pauseAt('published');
  // every other version is now unreferenced (the one replaced, and one a conversion made)
  for (const name of readdirSync(dir)) {
    if (name.startsWith(DATA_PREFIX) && name !== version)
      rmSync(join(dir, name), { recursive: true, force: true });
  }
  pauseAt('cleaned');
}
