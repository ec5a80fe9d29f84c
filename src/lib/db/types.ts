// What every query builder returns and what the engine runs: SQL text with `?` placeholders and the values
// bound to them, in order. Values never enter the SQL text.

export interface Query {
  sql: string;
  params: unknown[];
}

/** A DuckDB connection that runs prepared statements and returns plain JS rows. */
export interface Db {
  query<T = Record<string, unknown>>(q: Query): Promise<T[]>;
  close(): Promise<void>;
}

/** Progress reported while the engine and the data load. */
export interface EngineProgress {
  stage: 'bundle' | 'worker' | 'instantiate' | 'manifest' | 'register' | 'views' | 'ready';
  done?: number;
  total?: number;
}
