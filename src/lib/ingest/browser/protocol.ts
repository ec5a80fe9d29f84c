// Messages between the page and the ingest's Web Worker.
import type { DocumentResult } from '../../model';
import type { PdfAssets, PdfBudget } from '../pdf/load';

export interface IngestRequest {
  id: number;
  /** the file's name, as the document's source_file and in every message about it */
  file: string;
  /** the file's bytes (transferred) */
  bytes: ArrayBuffer;
  /** absolute URLs of pdf.js's CMaps and standard fonts, served by the app itself */
  assets: PdfAssets;
  pdfBudget?: PdfBudget;
}

export type IngestReply = { id: number; result: DocumentResult } | { id: number; error: string };
