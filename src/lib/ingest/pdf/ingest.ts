// One PDF through the ingest: read its pages by position (pdf.js), turn them into numbered lines with
// cells, then the same parser, checks and rows as every other document. Browser-safe: pdf.js and its
// assets are passed in.
import type { DocumentResult } from '../../model';
import { ingestText, rejected, type IngestOptions } from '../index';
import {
  DEFAULT_PDF_BUDGET,
  readPdf,
  UnreadablePdf,
  type PdfAssets,
  type PdfBudget,
  type PdfJsModule
} from './load';
import { pdfDocumentText } from './text';

export interface PdfReader {
  pdfjs: PdfJsModule;
  assets: PdfAssets;
  budget?: PdfBudget;
}

export const isPdfFile = (file: string) => /\.pdf$/i.test(file);

export async function ingestPdf(
  bytes: Uint8Array,
  file: string,
  reader: PdfReader,
  opts: IngestOptions = {}
): Promise<DocumentResult> {
  let info;
  try {
    info = await readPdf(bytes, file, reader.pdfjs, reader.assets, reader.budget ?? DEFAULT_PDF_BUDGET);
  } catch (e) {
    if (e instanceof UnreadablePdf) return rejected(file, e.message);
    throw e;
  }
  const result = ingestText(pdfDocumentText(info), file, opts);
  // a page read only in part: whatever the rest says, the document is partial, and says why
  if (info.problems.length && result.status !== 'rejected')
    return { ...result, status: 'partial', reasons: [...result.reasons, ...info.problems] };
  return result;
}
