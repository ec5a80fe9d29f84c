// What every query builder returns and what the engine runs: SQL text with `?` placeholders and the values
// bound to them, in order. Values never enter the SQL text.

export interface Query {
  sql: string;
  params: unknown[];
}

/** A view made on the first query that names its table (`table` as a whole word in the query's text). */
export interface DeferredView {
  table: string;
  sql: string;
  /** run after the view is made (e.g. its rows against the manifest); a throw fails the query */
  check?: (run: <T>(q: Query) => Promise<T[]>) => Promise<void>;
}

/** A DuckDB connection that runs prepared statements and returns plain JS rows. */
export interface Db {
  query<T = Record<string, unknown>>(q: Query): Promise<T[]>;
  /** Views to make when first needed, replacing any still pending for the same tables. */
  defer?(views: readonly DeferredView[]): void;
  close(): Promise<void>;
}

/** Progress reported while the engine and the data load. */
export interface EngineProgress {
  stage: 'bundle' | 'worker' | 'instantiate' | 'manifest' | 'register' | 'views' | 'ready';
  done?: number;
  total?: number;
}
