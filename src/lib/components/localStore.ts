// The reader's own documents in the browser's IndexedDB: each file's bytes and what the ingest made of it,
// kept until the reader removes them. Nothing here leaves the browser.
import type { DocumentResult } from '../model';

export interface StoredDocument {
  /** IndexedDB key, in the order documents were added */
  key: number;
  file: string;
  bytes: ArrayBuffer;
  result: DocumentResult;
  /** the schema the result was built for (src/lib/db/local.ts schemaKey): another one is read again */
  schema: string;
  addedAt: number;
}

const DB_NAME = 'gongkai-local';
const STORE = 'documents';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let db: Promise<IDBDatabase> | null = null;

async function run<T>(
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => IDBRequest<T> | void
): Promise<T | undefined> {
  db ??= open();
  const tx = (await db).transaction(STORE, mode);
  const req = body(tx.objectStore(STORE));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** How many documents are kept (0 when storage is unavailable): cheap, for the cold load. */
export async function storedCount(): Promise<number> {
  try {
    return (await run('readonly', (s) => s.count())) ?? 0;
  } catch {
    return 0;
  }
}

export async function storedDocuments(): Promise<StoredDocument[]> {
  return ((await run('readonly', (s) => s.getAll())) as StoredDocument[] | undefined) ?? [];
}

/** Keep a document; returns its key. */
export async function storeDocument(doc: Omit<StoredDocument, 'key'>): Promise<number> {
  return (await run('readwrite', (s) => s.add(doc))) as number;
}

export async function replaceDocument(doc: StoredDocument): Promise<void> {
  await run('readwrite', (s) => s.put(doc));
}

export async function forgetDocument(key: number): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}

export async function forgetAll(): Promise<void> {
  await run('readwrite', (s) => s.clear());
}
