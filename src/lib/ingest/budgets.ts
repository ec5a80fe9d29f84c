// The budgets every document is read under, in the CLI (src/cli/ingest-pool.ts) and in the browser
// (src/lib/ingest/browser) alike, and the reasons a document over one is rejected with.

/** Time to parse one document (seconds): over it, the parse is stopped and the document rejected. */
export const DOCUMENT_BUDGET_S = 60;

export const overTimeReason = (budgetMs: number) =>
  `over the time budget of ${budgetMs / 1000} s (parse stopped)`;

/** The file types the ingest reads, by extension (lower case, with the dot). */
export const READABLE_EXTENSIONS: readonly string[] = ['.txt', '.html', '.htm', '.pdf'];
