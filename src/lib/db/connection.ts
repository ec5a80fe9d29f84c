// A Db over a duckdb-wasm connection: the browser's async one or Node's blocking one (tests). Every query
// is a prepared statement; its values are bound, never pasted into the text.
import { plainRows, type ArrowTableLike } from './arrow';
import type { Db, DeferredView, Query } from './types';

interface PreparedLike {
  query(...params: unknown[]): ArrowTableLike | Promise<ArrowTableLike>;
  close(): void | Promise<void>;
}
export interface ConnectionLike {
  prepare(sql: string): PreparedLike | Promise<PreparedLike>;
  close(): void | Promise<void>;
}

/** Params as duckdb-wasm binds them: numbers, strings, booleans, null (no arrays, no undefined). */
export function bindable(params: unknown[]): unknown[] {
  return params.map((p, i) => {
    if (p === undefined || p === null) return null;
    if (typeof p === 'number' || typeof p === 'string' || typeof p === 'boolean') return p;
    if (typeof p === 'bigint') return Number(p);
    throw new Error(`query parameter ${i + 1} is not a scalar: ${Object.prototype.toString.call(p)}`);
  });
}

export function dbFromConnection(conn: ConnectionLike, onClose: () => Promise<void> | void = () => {}): Db {
  // one statement at a time on a connection: queue them
  let chain: Promise<unknown> = Promise.resolve();
  const perf = globalThis.performance;
  const run = async <T>(q: Query): Promise<T[]> => {
    const t0 = perf?.now();
    const stmt = await conn.prepare(q.sql);
    try {
      return plainRows<T>(await stmt.query(...bindable(q.params)));
    } finally {
      // not awaited: the worker takes messages in order, so the next statement still waits behind this
      // close, but the rows reach the page one round trip sooner
      void Promise.resolve(stmt.close()).catch(() => undefined);
      // one entry per query for benchmarks and the performance panel (first line of the SQL as detail)
      perf?.measure?.('gongkai:query', { start: t0, detail: q.sql.split('\n')[0].slice(0, 80) });
    }
  };
  // views made on the first query that names their table (a failure leaves them pending: the next query
  // that names the table tries again and fails with the same error)
  const pending = new Map<string, DeferredView>();
  const needed = (sql: string) =>
    [...pending.values()].filter((v) => new RegExp(`\\b${v.table}\\b`).test(sql));
  const runWithViews = async <T>(q: Query): Promise<T[]> => {
    for (const v of needed(q.sql)) {
      await run({ sql: v.sql, params: [] });
      await v.check?.(run);
      pending.delete(v.table);
    }
    return run<T>(q);
  };
  return {
    query<T>(q: Query): Promise<T[]> {
      const next = chain.then(() => runWithViews<T>(q));
      chain = next.catch(() => undefined);
      return next;
    },
    defer(views) {
      for (const v of views) pending.set(v.table, v);
    },
    async close() {
      await chain;
      await conn.close();
      await onClose();
    }
  };
}
