// Row types of the Parquet tables (see schema.ts for the columns they are written as).
import type { FigureName, InitialFigure } from './schema';

export type Kind = 'budget' | 'final';
/** 'local': a reader's own document, added in the browser (never written by the CLI) */
export type SourceKind = 'published' | 'synthetic' | 'local';
/** 'department': a 部门 budget or account consolidating its units; 'unit': one 单位 alone */
export type Scope = 'department' | 'unit';
export type Severity = 'error' | 'warning' | 'info';

export type Figures = { [K in FigureName]: number | null } & {
  [K in `prev_${FigureName}`]?: number | null;
} & { [K in `initial_${InitialFigure}`]?: number | null };

export interface DisclosureRow extends Figures {
  doc_id: string;
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  year: number | null;
  kind: Kind | null;
  scope: Scope | null;
  source_kind: SourceKind;
  /** the kind of the prior-year figures the document states (schema.PREV_BASIS); null when it does not say */
  prev_basis?: Kind | null;
  source_file: string;
  /** ISO date yyyy-mm-dd */
  published_on: string | null;
  /** 公开完整度, 0–100 */
  completeness: number;
  /** the ids of the required items the document lacks, comma-separated (model/completeness.ts); '' when none */
  completeness_missing: string;
}

export type Section =
  | 'summary'
  | 'income'
  | 'functional'
  | 'economic'
  | 'project'
  | 'three_public'
  | 'procurement'
  | 'assets'
  | 'narrative';

export interface LineItemRow {
  doc_id: string;
  table_no: number | null;
  section: Section;
  code: string | null;
  name: string;
  measure: string;
  amount: number | null;
  source_line: number;
  /** the PDF page of source_line (NULL for text and HTML documents) */
  source_page: number | null;
}

export interface ProjectRow {
  doc_id: string;
  name: string;
  code: string | null;
  amount: number | null;
  has_targets: boolean;
  source_line: number;
  source_page: number | null;
}

export interface FindingRow {
  doc_id: string;
  check: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  expected: number | null;
  actual: number | null;
  /** comma-separated line numbers, e.g. "755,1078" */
  source_lines: string;
  /** the PDF pages of those lines, comma-separated in the same order of appearance ("" for text) */
  source_pages: string;
}

export interface UnitRow {
  unit_id: string;
  unit_name: string | null;
  region: string | null;
  level: string | null;
  category: string | null;
  source_kind: SourceKind;
}

export interface FigureSourceRow {
  doc_id: string;
  /** a figure column of disclosures: 'reception', 'prev_reception', … */
  figure: string;
  /** comma-separated line numbers, the line the value was taken from first */
  source_lines: string;
  /** the PDF pages of those lines, comma-separated in the same order ("" for text) */
  source_pages: string;
}

export interface SourceTextRow {
  doc_id: string;
  line: number;
  /** the PDF page of the line (NULL for text and HTML documents) */
  page: number | null;
  text: string;
}

export type IngestStatus = 'ok' | 'partial' | 'rejected';

/** What the ingest makes of one input document. */
export interface DocumentResult {
  file: string;
  status: IngestStatus;
  reasons: string[];
  disclosure: DisclosureRow | null;
  unit: UnitRow | null;
  lineItems: LineItemRow[];
  projects: ProjectRow[];
  findings: FindingRow[];
  figureSources: FigureSourceRow[];
  sourceText: SourceTextRow[];
}
