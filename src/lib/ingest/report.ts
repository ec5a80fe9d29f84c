// The ingest's account of itself: one entry per input (ingest-report.json) and the data's manifest
// (manifest.json). Pure functions; nothing here has a timestamp, so the same inputs give the same bytes.
import {
  DISCLOSURE_COLUMNS,
  DISCLOSURE_IDENTITY,
  type DisclosureRow,
  type DocumentResult,
  type IngestStatus
} from '../model';
import type { TableName } from '../model';

export interface EntryCounts {
  line_items: number;
  projects: number;
  findings: number;
  /** Non-null figure columns of the disclosure row (figures and prev_ figures). */
  figures: number;
}

/** What one input came to. `ord` is its place in the sorted input list. */
export interface ReportEntry {
  ord: number;
  file: string;
  status: IngestStatus;
  doc_id: string | null;
  reasons: string[];
  counts: EntryCounts;
}

export interface ReportTotals {
  inputs: number;
  ok: number;
  partial: number;
  rejected: number;
  line_items: number;
  projects: number;
  findings: number;
  figures: number;
}

export interface IngestReport {
  totals: ReportTotals;
  entries: Omit<ReportEntry, 'ord'>[];
}

const identity = new Set(DISCLOSURE_IDENTITY.map((c) => c.name));
const FIGURE_COLUMNS = DISCLOSURE_COLUMNS.filter((c) => !identity.has(c.name)).map((c) => c.name);

export const ZERO_COUNTS: EntryCounts = { line_items: 0, projects: 0, findings: 0, figures: 0 };

export function countFigures(disclosure: DisclosureRow | null): number {
  if (!disclosure) return 0;
  const row = disclosure as unknown as Record<string, unknown>;
  return FIGURE_COLUMNS.reduce((n, name) => (row[name] === null || row[name] === undefined ? n : n + 1), 0);
}

export function rejectedEntry(ord: number, file: string, reasons: string[]): ReportEntry {
  return { ord, file, status: 'rejected', doc_id: null, reasons, counts: { ...ZERO_COUNTS } };
}

/** The reasons that make a rejected entry a skipped file rather than a broken document. */
export const UNSUPPORTED_PREFIX = 'unsupported file type';
export const DUPLICATE_PREFIX = 'duplicate of ';

/** A file the ingest did not read at all: of a type it does not read, or the same document as an earlier file. */
export const isSkipped = (e: { status: IngestStatus; reasons: readonly string[] }) =>
  e.status === 'rejected' &&
  e.reasons.length === 1 &&
  (e.reasons[0].startsWith(UNSUPPORTED_PREFIX) || e.reasons[0].startsWith(DUPLICATE_PREFIX));

/**
 * Keep the first document of each doc_id (entries in input order); later ones become rejected
 * "duplicate of <file>". Returns the new entries and the ordinals whose rows must not be written.
 */
export function rejectDuplicates(entries: readonly ReportEntry[]): {
  entries: ReportEntry[];
  excluded: number[];
} {
  const firstFile = new Map<string, string>();
  const excluded: number[] = [];
  const out = entries.map((e) => {
    if (e.status === 'rejected' || e.doc_id === null) return e;
    const first = firstFile.get(e.doc_id);
    if (first === undefined) {
      firstFile.set(e.doc_id, e.file);
      return e;
    }
    excluded.push(e.ord);
    return {
      ...e,
      status: 'rejected' as const,
      reasons: [`${DUPLICATE_PREFIX}${first}`],
      counts: { ...ZERO_COUNTS }
    };
  });
  return { entries: out, excluded };
}

export function buildReport(entries: readonly ReportEntry[]): IngestReport {
  const totals: ReportTotals = {
    inputs: entries.length,
    ok: 0,
    partial: 0,
    rejected: 0,
    line_items: 0,
    projects: 0,
    findings: 0,
    figures: 0
  };
  for (const e of entries) {
    totals[e.status]++;
    totals.line_items += e.counts.line_items;
    totals.projects += e.counts.projects;
    totals.findings += e.counts.findings;
    totals.figures += e.counts.figures;
  }
  const sorted = [...entries].sort((a, b) => a.ord - b.ord);
  return {
    totals,
    entries: sorted.map((e) => ({
      file: e.file,
      status: e.status,
      doc_id: e.doc_id,
      reasons: e.reasons,
      counts: e.counts
    }))
  };
}

/** Exit code of a batch: 0 when every input produced a record, 2 when some were rejected. */
export const exitCodeOf = (totals: ReportTotals) => (totals.rejected > 0 ? 2 : 0);

export interface ManifestFile {
  table: TableName;
  file: string;
  rows: number;
  bytes: number;
  /** sha256 of the file's bytes, hex */
  sha256: string;
}

/** A file derived from the tables (the docs view, model/docs-view.ts): not a table of the schema. */
export interface ManifestDerivedFile {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** ingest-report.json as written beside the tables (the manifest cannot hash itself) */
export interface ManifestReport {
  file: 'ingest-report.json';
  bytes: number;
  sha256: string;
}

export interface Manifest {
  schema_version: 1;
  files: ManifestFile[];
  rows: Record<TableName, number>;
  years: number[];
  /** how many documents each of `years` has (same order): the default year is one most units have */
  year_documents: number[];
  kinds: string[];
  source_kinds: string[];
  /** the values of units' region, level and category and of findings' severity and check, sorted */
  regions: string[];
  levels: string[];
  categories: string[];
  severities: string[];
  checks: string[];
  /** how many (unit, year) have more than one document: 0 lets the browser skip ranking them */
  unit_years_with_several_documents: number;
  documents: Pick<ReportTotals, 'inputs' | 'ok' | 'partial' | 'rejected'>;
  /** the report of the same run (absent in manifests written before the hashes) */
  report?: ManifestReport;
  /** the disclosures as the views read them (absent in folders written before it, and in the browser's export) */
  docs_view?: ManifestDerivedFile;
}

/** What the manifest says of the data, read back from the written files: the values every filter may take,
 * and how many (unit, year) have more than one document (the browser ranks documents only when some do). */
export interface DataFacts {
  years: number[];
  yearDocuments: number[];
  kinds: string[];
  sourceKinds: string[];
  regions: string[];
  levels: string[];
  categories: string[];
  severities: string[];
  checks: string[];
  unitYearsWithSeveralDocuments: number;
}

export function buildManifest(
  files: readonly ManifestFile[],
  facts: DataFacts,
  totals: ReportTotals,
  report?: ManifestReport,
  docsView?: ManifestDerivedFile
): Manifest {
  return {
    schema_version: 1,
    files: [...files],
    rows: Object.fromEntries(files.map((f) => [f.table, f.rows])) as Record<TableName, number>,
    years: [...facts.years],
    year_documents: [...facts.yearDocuments],
    kinds: [...facts.kinds],
    source_kinds: [...facts.sourceKinds],
    regions: [...facts.regions],
    levels: [...facts.levels],
    categories: [...facts.categories],
    severities: [...facts.severities],
    checks: [...facts.checks],
    unit_years_with_several_documents: facts.unitYearsWithSeveralDocuments,
    documents: { inputs: totals.inputs, ok: totals.ok, partial: totals.partial, rejected: totals.rejected },
    ...(report ? { report: { ...report } } : {}),
    ...(docsView ? { docs_view: { ...docsView } } : {})
  };
}

export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The report entry of a document the ingest read (status ok or partial). */
export function documentEntry(ord: number, result: DocumentResult): ReportEntry {
  return {
    ord,
    file: result.file,
    status: result.status,
    doc_id: result.disclosure?.doc_id ?? null,
    reasons: [...result.reasons],
    counts: {
      line_items: result.lineItems.length,
      projects: result.projects.length,
      findings: result.findings.length,
      figures: countFigures(result.disclosure)
    }
  };
}
