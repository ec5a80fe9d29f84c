// The result of a document the ingest could not read: its file and why, no rows. A module of its own so that
// the page can word a rejection without loading the parser.
import type { DocumentResult } from '../model';

export function rejected(file: string, reason: string): DocumentResult {
  return {
    file,
    status: 'rejected',
    reasons: [reason],
    disclosure: null,
    unit: null,
    lineItems: [],
    projects: [],
    findings: [],
    figureSources: [],
    sourceText: []
  };
}
