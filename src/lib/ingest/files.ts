// Walking the ingest's inputs: files and folders in, a sorted list of documents to read out (node-only).
import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { UNSUPPORTED_PREFIX } from './report';

/** Extensions the ingest reads: text as extracted from a PDF, and HTML pages. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.html', '.htm', '.pdf'];

export interface InputFile {
  /** The path as the user gave it (normalised, joined with the folder walk), '/' separators: reports, source_file. */
  file: string;
  /** Absolute path, used to read it. */
  path: string;
  /** Set for a file of a type the ingest does not read: it becomes a rejected entry, reported as skipped. */
  unsupported?: string;
}

export interface DiscoveredInputs {
  files: InputFile[];
  /** Inputs that do not exist: a usage error. */
  missing: string[];
}

const toDisplay = (p: string) => p.split(sep).join('/');

export const isSupported = (name: string) => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());

export function unsupportedReason(name: string): string {
  const ext = extname(name).toLowerCase();
  return `${UNSUPPORTED_PREFIX} ${ext || '(no extension)'}: gongkai reads .pdf, .txt, .html and .htm`;
}

/**
 * Every file under `dir`, recursively. Hidden entries (a name starting with '.') are not inputs; a file of
 * another type is kept with its `unsupported` reason, so the report names it as skipped.
 */
function walk(dir: string, shown: string, out: InputFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const abs = join(dir, entry.name);
    const display = `${shown}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files; never links to folders (no cycles).
      try {
        const st = statSync(abs);
        isFile = st.isFile();
        isDir = false;
      } catch {
        continue;
      }
    }
    if (isDir) walk(abs, display, out);
    else if (isFile && isSupported(entry.name)) out.push({ file: display, path: abs });
    else if (isFile) out.push({ file: display, path: abs, unsupported: unsupportedReason(entry.name) });
  }
}

/** Code-unit order of the shown path: stable across machines and locales. */
export const compareFiles = (a: InputFile, b: InputFile) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Resolve the inputs: folders are walked recursively, files are taken as named. The result is sorted by path
 * and holds each file once (the same file reached twice is kept once).
 */
export interface DiscoverOptions {
  /** Show files under this folder by their path relative to it (e.g. inputs in a temp folder). */
  relativeTo?: string;
}

export function discoverInputs(inputs: readonly string[], opts: DiscoverOptions = {}): DiscoveredInputs {
  const found: InputFile[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const shown = toDisplay(normalize(input)).replace(/\/+$/, '') || '/';
    let st;
    try {
      st = statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) walk(resolve(input), shown === '/' ? '' : shown, found);
    else if (!st.isFile())
      found.push({ file: shown, path: resolve(input), unsupported: 'not a regular file' });
    else if (isSupported(input)) found.push({ file: shown, path: resolve(input) });
    else found.push({ file: shown, path: resolve(input), unsupported: unsupportedReason(input) });
  }
  if (opts.relativeTo !== undefined) {
    const root = resolve(opts.relativeTo);
    for (const f of found) {
      const rel = relative(root, f.path);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) f.file = toDisplay(rel);
    }
  }
  const seen = new Set<string>();
  const files = found.sort(compareFiles).filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
  return { files, missing };
}
