// A document's stored source lines, read once per document while the page is open (a unit page shows one
// document; its figures, rows and findings all read the same rows).
import { sourceTextQuery, type SourceTextRow } from '../db/sources';
import type { Db } from '../db/types';

const KEEP = 6;
const held = new WeakMap<Db, Map<string, Promise<SourceTextRow[]>>>();

export function documentSourceText(db: Db, docId: string): Promise<SourceTextRow[]> {
  let docs = held.get(db);
  if (!docs) held.set(db, (docs = new Map()));
  let rows = docs.get(docId);
  if (!rows) {
    rows = db.query<SourceTextRow>(sourceTextQuery(docId));
    docs.set(docId, rows);
    rows.catch(() => docs!.delete(docId));
    // the oldest document goes first
    if (docs.size > KEEP) docs.delete(docs.keys().next().value!);
  }
  return rows;
}
