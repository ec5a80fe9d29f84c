// The reader's own documents in the page: add (read by the ingest in a Web Worker, one at a time under the
// CLI's budgets), keep (IndexedDB), show beside the served data (DuckDB's local tables), remove, export.
// Nothing leaves the browser. The worker, pdf.js and the SQL of the local tables load only when a document
// arrives or was kept before: the cold load of a reader with none does not grow.
import { base } from '$app/paths';
import type { Engine } from '../db/engine';
import type { Query } from '../db/types';
import { DOCUMENT_BUDGET_S, READABLE_EXTENSIONS } from '../ingest/budgets';
import type { IngestClient } from '../ingest/browser/client';
import type { DocumentResult, IngestStatus } from '../model';
import type { Lang } from '../i18n';
import { app } from './app.svelte';
import { reasonEn, reasonTexts } from './reasonText';
import { forgetDataDate } from './exportContext';
import {
  forgetAll,
  forgetDocument,
  replaceDocument,
  storeDocument,
  storedCount,
  storedDocuments,
  type StoredDocument
} from './localStore';

/** The limits stated beside the control and enforced: per file, in all, per document (the CLI's). */
export const LIMITS = { fileMb: 50, documents: 200, seconds: DOCUMENT_BUDGET_S, pages: 400 } as const;

export type ItemStatus = IngestStatus | 'waiting' | 'reading';

export interface LocalItem {
  id: number;
  file: string;
  status: ItemStatus;
  /** why it was not read or read in part: the ingest's reasons (the CLI's words) in each language */
  reasons: Record<Lang, string>[];
  /** set once kept (stored and in the tables) */
  key?: number;
  docId?: string;
  unitId?: string;
  unitName?: string | null;
  year?: number | null;
}

class LocalState {
  items = $state<LocalItem[]>([]);
  progress = $state<{ done: number; total: number; file: string } | null>(null);
  error = $state('');
  /** bumped each time the documents in the data change (added, removed, read again): what the SQL console,
   * which copies the tables, watches to load them again */
  revision = $state(0);
}

export const local = new LocalState();

let engine: Engine | null = null;
/** what each kept document's rows are, by store key (not state: the list shows `local.items`) */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read by functions only, never by a template
const results = new Map<number, DocumentResult>();
let nextId = 0;
let tablesReady = false;
let chain: Promise<unknown> = Promise.resolve();

/** One change at a time (adding, removing, exporting): each waits for the one before. */
function serial<T>(f: () => Promise<T>): Promise<T> {
  const next = chain.then(f);
  chain = next.catch((e) => {
    local.error = e instanceof Error ? e.message : String(e);
  });
  return next;
}

const dbModule = () => import('../db/local');

function patch(id: number, change: Partial<LocalItem>) {
  const it = local.items.find((x) => x.id === id);
  if (it) Object.assign(it, change);
}

const keptItems = () => local.items.filter((x) => x.key !== undefined);

function itemOf(key: number, r: DocumentResult): LocalItem {
  return {
    id: ++nextId,
    key,
    file: r.file,
    status: r.status,
    reasons: reasonTexts(r.reasons, r.file, r.findings),
    docId: r.disclosure?.doc_id,
    unitId: r.disclosure?.unit_id,
    unitName: r.disclosure?.unit_name ?? null,
    year: r.disclosure?.year ?? null
  };
}

async function ensureTables(m: Awaited<ReturnType<typeof dbModule>>) {
  if (tablesReady || !engine) return;
  await m.runAll(engine.db, m.createLocalTables());
  tablesReady = true;
}

/** Make the views again (with or without the local rows) and reload the facets every filter offers. */
async function refresh() {
  if (!engine) return;
  const m = await dbModule();
  const { loadFacets, manifestFacets } = await import('../db/facets');
  const withLocal = results.size > 0;
  await m.refreshViews(engine.db, engine.views, withLocal);
  const facets = await loadFacets(engine.db, withLocal ? null : manifestFacets(engine.manifest));
  forgetDataDate();
  app.facets = facets;
  app.hasSynthetic = facets.sourceKinds.includes('synthetic');
  local.revision++;
}

/**
 * Called once the engine is open, before the facets load: the documents kept from an earlier visit go into
 * the local tables. Returns whether there are any (then the facets must be queried, not taken from the
 * manifest). `anyKept`: whether the store holds any (storedCount, asked while the engine loaded). Documents
 * kept under another schema are read again once the page is ready.
 */
export async function attachEngine(e: Engine, anyKept: boolean): Promise<boolean> {
  try {
    return await restore(e, anyKept);
  } finally {
    markAttached();
  }
}

let markAttached: () => void = () => {};
const attached = new Promise<void>((resolve) => (markAttached = resolve));

async function restore(e: Engine, anyKept: boolean): Promise<boolean> {
  engine = e;
  if (!anyKept) return false;
  const stored = await storedDocuments();
  const m = await dbModule();
  await ensureTables(m);
  const stale: StoredDocument[] = [];
  for (const d of stored) {
    if (d.schema !== m.schemaKey()) {
      stale.push(d);
      continue;
    }
    await m.runAll(e.db, m.addDocumentQueries(d.result));
    results.set(d.key, d.result);
    local.items.push(itemOf(d.key, d.result));
  }
  await m.refreshViews(e.db, e.views, results.size > 0);
  if (stale.length) queueMicrotask(() => void serial(() => readAgain(stale)));
  return results.size > 0;
}

/** The statements that fill a fresh instance's local tables with every kept document (the SQL console's). */
export async function localRowsQueries(): Promise<Query[]> {
  // a console opened with the page waits for the kept documents to be restored (when there are any)
  if ((await storedCount()) > 0) await attached;
  const m = await dbModule();
  return [...m.createLocalTables(), ...[...results.values()].flatMap((r) => m.addDocumentQueries(r))];
}

let client: IngestClient | null = null;

async function ingestClient(): Promise<IngestClient> {
  if (client) return client;
  const { ingestClient: make } = await import('../ingest/browser/client');
  const abs = (p: string) => new URL(`${base}${p}`, location.href).href;
  client = make({
    makeWorker: () =>
      new Worker(new URL('../ingest/browser/ingest.worker.ts', import.meta.url), { type: 'module' }),
    assets: { cMapUrl: abs('/pdfjs/cmaps/'), standardFontDataUrl: abs('/pdfjs/standard_fonts/') },
    budgetMs: LIMITS.seconds * 1000,
    pdfBudget: { maxPages: LIMITS.pages, timeoutMs: LIMITS.seconds * 1000 }
  });
  return client;
}

const extensionOf = (name: string) => /\.[^./\\]*$/.exec(name)?.[0].toLowerCase() ?? '';

/** Why a file is not read at all, before reading it (type, size, count), or null. */
function refusal(f: File, room: number): string | null {
  const ext = extensionOf(f.name);
  if (!READABLE_EXTENSIONS.includes(ext))
    return reasonEn('reason_unsupported', { ext: ext || reasonEn('reason_no_extension') }, f.name);
  if (f.size > LIMITS.fileMb * 1024 * 1024) {
    const mb = (f.size / 1024 / 1024).toFixed(1);
    return reasonEn('reason_file_size', { mb, limit: String(LIMITS.fileMb) }, f.name);
  }
  if (room <= 0) return reasonEn('reason_documents', { n: String(LIMITS.documents) }, f.name);
  return null;
}

type Admission = { ok: true } | { ok: false; reasons: string[] };

/** Whether a read document may join the data: not rejected, not a document already there, writable. */
async function admit(r: DocumentResult): Promise<Admission> {
  if (r.status === 'rejected' || !r.disclosure) return { ok: false, reasons: r.reasons };
  const m = await dbModule();
  const docId = r.disclosure.doc_id;
  const twin = keptItems().find((x) => x.docId === docId);
  if (twin) return { ok: false, reasons: [reasonEn('reason_duplicate', { other: twin.file })] };
  const served = await engine!.db.query<{ source_kind: string }>(m.docSourceQuery(docId));
  if (served.length) return { ok: false, reasons: [reasonEn('reason_served', { doc: docId }, r.file)] };
  let queries;
  try {
    queries = m.addDocumentQueries(r);
  } catch (e) {
    const why = reasonEn('reason_unwritable', { error: (e as Error).message }, r.file);
    return { ok: false, reasons: [...r.reasons, why] };
  }
  await m.runAll(engine!.db, queries);
  return { ok: true };
}

/** Read the files and add those that can be read; each file gets its line in the list, with its status. */
export function addFiles(files: readonly File[]): Promise<void> {
  return serial(async () => {
    if (!engine) throw new Error(reasonEn('reason_not_loaded'));
    let room = LIMITS.documents - keptItems().length;
    const todo: { id: number; file: File }[] = [];
    for (const f of files) {
      const why = refusal(f, room);
      const id = ++nextId;
      const reasons = why ? reasonTexts([why], f.name) : [];
      local.items.push({ id, file: f.name, status: why ? 'rejected' : 'waiting', reasons });
      if (!why) {
        room--;
        todo.push({ id, file: f });
      }
    }
    if (!todo.length) return;
    const m = await dbModule();
    await ensureTables(m);
    local.progress = { done: 0, total: todo.length, file: '' };
    try {
      for (const { id, file } of todo) {
        patch(id, { status: 'reading' });
        local.progress = { ...local.progress!, file: file.name };
        const bytes = await file.arrayBuffer();
        const kept = bytes.slice(0); // the worker takes the other copy
        const r = await (await ingestClient()).ingest(file.name, bytes);
        const admitted = await admit(r);
        if (admitted.ok) {
          const key = await storeDocument({
            file: file.name,
            bytes: kept,
            result: r,
            schema: m.schemaKey(),
            addedAt: Date.now()
          });
          results.set(key, r);
          const { id: _drop, ...rest } = itemOf(key, r);
          void _drop;
          patch(id, rest);
          await refresh();
        } else
          patch(id, { status: 'rejected', reasons: reasonTexts(admitted.reasons, file.name, r.findings) });
        local.progress = { ...local.progress!, done: local.progress!.done + 1 };
      }
    } finally {
      local.progress = null;
    }
  });
}

/** Documents kept under another schema: read again from their bytes, kept again in place. */
async function readAgain(stale: StoredDocument[]) {
  const m = await dbModule();
  for (const d of stale) {
    const r = await (await ingestClient()).ingest(d.file, d.bytes.slice(0));
    if ((await admit(r)).ok) {
      await replaceDocument({ ...d, result: r, schema: m.schemaKey() });
      results.set(d.key, r);
      local.items.push(itemOf(d.key, r));
    } else await forgetDocument(d.key);
  }
  await refresh();
}

/** Remove one line of the list: a kept document leaves the storage, the tables and every view. */
export function removeItem(id: number): Promise<void> {
  return serial(async () => {
    const it = local.items.find((x) => x.id === id);
    if (!it) return;
    if (it.key !== undefined && engine) {
      const m = await dbModule();
      await forgetDocument(it.key);
      results.delete(it.key);
      if (it.docId) await m.runAll(engine.db, m.removeDocumentQueries(it.docId));
      await refresh();
    }
    local.items = local.items.filter((x) => x.id !== id);
  });
}

/** Remove every document (and every line of the list). */
export function removeAll(): Promise<void> {
  return serial(async () => {
    await forgetAll();
    if (engine && results.size) {
      const m = await dbModule();
      for (const it of keptItems())
        if (it.docId) await m.runAll(engine.db, m.removeDocumentQueries(it.docId));
      results.clear();
      await refresh();
    }
    local.items = [];
  });
}

/** The kept documents as the CLI would write them, in a ZIP the browser downloads. */
export function exportDocuments(): Promise<void> {
  return serial(async () => {
    if (!engine || !results.size) return;
    const { exportFiles } = await import('../db/localExport');
    const { zipStored } = await import('./zip');
    const { download } = await import('../charts/export');
    const docs = [...results.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const files = await exportFiles(engine.db, engine.writeFile, docs);
    download(
      new Blob([zipStored(files) as BlobPart], { type: 'application/zip' }),
      'gongkai-my-documents.zip'
    );
  });
}
