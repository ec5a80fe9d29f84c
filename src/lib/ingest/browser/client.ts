// The page's side of the ingest worker: one document at a time, each under the CLI's time budget. A document
// over it, or one that takes the worker down, is rejected with its reason; the worker is then replaced, so a
// bad document never stops the rest.
import type { DocumentResult } from '../../model';
import { DOCUMENT_BUDGET_S, overTimeReason } from '../budgets';
import { rejected } from '../rejected';
import type { PdfAssets, PdfBudget } from '../pdf/load';
import type { IngestReply, IngestRequest } from './protocol';

export interface IngestClient {
  /** Read one document; never rejects (a failure is a 'rejected' DocumentResult naming the file). */
  ingest(file: string, bytes: ArrayBuffer): Promise<DocumentResult>;
  /** End the worker (a new one starts on the next document). */
  close(): void;
}

export interface ClientOptions {
  /** starts a worker running ingest.worker.ts */
  makeWorker: () => Worker;
  assets: PdfAssets;
  budgetMs?: number;
  pdfBudget?: PdfBudget;
}

export function ingestClient(opts: ClientOptions): IngestClient {
  const budgetMs = opts.budgetMs ?? DOCUMENT_BUDGET_S * 1000;
  let worker: Worker | null = null;
  let seq = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const one = (file: string, bytes: ArrayBuffer) =>
    new Promise<DocumentResult>((resolve) => {
      const w = (worker ??= opts.makeWorker());
      const id = ++seq;
      const done = (r: DocumentResult) => {
        clearTimeout(timer);
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(r);
      };
      const timer = setTimeout(() => {
        stop();
        done(rejected(file, `${file}: ${overTimeReason(budgetMs)}`));
      }, budgetMs);
      const onMessage = (e: MessageEvent<IngestReply>) => {
        if (e.data.id !== id) return;
        done('result' in e.data ? e.data.result : rejected(file, e.data.error));
      };
      const onError = (e: ErrorEvent) => {
        stop();
        done(rejected(file, `${file}: the parser failed: ${e.message || 'the worker stopped'}`));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const msg: IngestRequest = { id, file, bytes, assets: opts.assets, pdfBudget: opts.pdfBudget };
      w.postMessage(msg, [bytes]);
    });

  return {
    ingest(file, bytes) {
      const next = queue.then(() => one(file, bytes));
      queue = next.catch(() => undefined);
      return next;
    },
    close: stop
  };
}
