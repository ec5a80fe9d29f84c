// The SQL console's first, friendly check: one read-only SELECT (or WITH … SELECT) over the tables, nothing
// that writes, loads extensions, changes settings or reads files or URLs of its own. It is a text filter and
// can be got round (quoted names, strings it misreads): the console's safety is its engine's, which runs on
// its own instance with external access off and its configuration locked (src/lib/db/sqlConsole.ts).

const FORBIDDEN = [
  'insert',
  'update',
  'delete',
  'merge',
  'create',
  'drop',
  'alter',
  'attach',
  'detach',
  'copy',
  'export',
  'import',
  'install',
  'load',
  'pragma',
  'set',
  'reset',
  'call',
  'checkpoint',
  'vacuum',
  'begin',
  'commit',
  'rollback',
  'truncate',
  'grant',
  'use',
  'prepare',
  'execute',
  'deallocate',
  'summarize',
  'describe',
  'show'
];
const FILE_FUNCTIONS =
  /\b(read_\w+|\w+_scan|glob|parquet_\w+|sniff_csv|read_text|read_blob|query_table|query|getenv|current_setting|duckdb_\w+)\s*\(/i;

export type SqlCheck =
  | { ok: true; sql: string }
  | { ok: false; reason: 'empty' | 'not_select' | 'multiple' | 'forbidden' | 'file_access'; word?: string };

/** Remove comments and the text of string literals and quoted identifiers (so keywords inside them do not count). */
export function stripLiterals(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""');
}

export function checkSql(input: string): SqlCheck {
  const sql = input.trim().replace(/;\s*$/, '');
  if (!sql) return { ok: false, reason: 'empty' };
  const bare = stripLiterals(sql);
  if (bare.includes(';')) return { ok: false, reason: 'multiple' };
  if (!/^\s*\(*\s*(select|with|from|values|table)\b/i.test(bare)) return { ok: false, reason: 'not_select' };
  const words = bare.toLowerCase().match(/[a-z_]+/g) ?? [];
  const bad = words.find((w) => FORBIDDEN.includes(w));
  if (bad) return { ok: false, reason: 'forbidden', word: bad };
  const file = FILE_FUNCTIONS.exec(bare);
  if (file) return { ok: false, reason: 'file_access', word: file[1] };
  // a string literal used as a table ("FROM 'x.parquet'") reads a file
  if (/\b(from|join)\s+''/i.test(bare)) return { ok: false, reason: 'file_access', word: 'FROM <string>' };
  return { ok: true, sql };
}
