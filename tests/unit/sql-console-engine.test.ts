// The SQL console's safety is the engine's, not the text guard's: on the DuckDB-WASM 1.28.0 engine the
// browser uses (its blocking Node build), the console instance loads the tables, turns external access off
// and locks its configuration (src/lib/db/sqlConsole.ts). Every form below goes straight to the engine,
// without the guard, and must fail without one request reaching a catcher HTTP server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TABLE_NAMES, parquetFile, type TableName } from '../../src/lib/model';
import {
  CONSOLE_TABLES,
  consoleTablesSql,
  isRefusal,
  runConsoleQuery,
  setupConsole,
  type ConsoleConnection
} from '../../src/lib/db/sqlConsole';
import { checkSql } from '../../src/lib/components/sqlGuard';
import { FIXTURE_DOCS, writeFixture } from './helpers/db-fixture';

const require = createRequire(import.meta.url);

let server: Server;
const hits: string[] = [];
let U = '';
let conn: ConsoleConnection;
let reset: () => void = () => {};

/** The forms that made the old keyword filter's console fetch a URL, and others that read files or URLs,
 * change settings or load extensions. `U` is the catcher's base URL. */
function bypassForms(U: string): string[] {
  return [
    `select * from disclosures, '${U}/a.csv'`,
    `select * from "${U}/b.csv"`,
    `from'${U}/c.csv'`,
    `select * from "read_csv_auto"('${U}/d.csv')`,
    `select '--' as a, * from '${U}/e.csv'`,
    `select $$'$$ as a, * from '${U}/f.csv'`,
    `select E'\\'' as a, * from '${U}/g.csv'`,
    `table "${U}/h.csv"`,
    `select * from units positional join'${U}/i.csv'`,
    `select exists (from'${U}/j.csv')`,
    `select * from "${U}/k.parquet"`,
    `select * from read_parquet('${U}/l.parquet')`,
    `select * from parquet_scan(['${U}/m.parquet'])`,
    `select * from parquet_metadata('${U}/n.parquet')`,
    `select * from parquet_schema('${U}/o.parquet')`,
    `select * from read_csv('${U}/p.csv', auto_detect=true)`,
    `select * from read_csv_auto(['${U}/q.csv'])`,
    `select * from glob('${U}/*')`,
    `select * from glob('*')`,
    `from '${U}/r.json'`,
    `select * from read_json_auto('${U}/s.json')`,
    `ATTACH '${U}/t.db' AS x`,
    `COPY units TO '${U}/u.csv'`,
    `COPY units FROM '${U}/v.csv'`,
    `EXPORT DATABASE '${U}/w'`,
    `IMPORT DATABASE '${U}/x'`,
    `INSTALL httpfs`,
    `LOAD httpfs`,
    `LOAD '${U}/y.duckdb_extension'`,
    `SET enable_external_access = true`,
    `SET lock_configuration = false`,
    `PRAGMA enable_external_access = true`,
    `SET profile_output = '${U}/z'`,
    `SET autoinstall_known_extensions = true`,
    `SET custom_extension_repository = '${U}'`,
    `select * from 'disclosures.parquet'`,
    `select * from read_parquet('units.parquet')`
  ];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  U = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await writeFixture();
  const mod = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const duck = await mod.createDuckDB(
    {
      mvp: {
        mainModule: join(dist, 'duckdb-mvp.wasm'),
        mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
      },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
    },
    new mod.VoidLogger(),
    mod.NODE_RUNTIME
  );
  await duck.instantiate();
  duck.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const files = Object.fromEntries(TABLE_NAMES.map((t) => [t, [parquetFile(t)]])) as Record<
    TableName,
    string[]
  >;
  for (const name of Object.values(files).flat())
    duck.registerFileBuffer(name, new Uint8Array(readFileSync(join(dir, name))));
  conn = duck.connect();
  await setupConsole(conn, files);
  reset = () => duck.reset?.();
});

afterAll(async () => {
  reset();
  await new Promise((ok) => server?.close(ok));
});

async function fails(sql: string): Promise<string> {
  try {
    await runConsoleQuery(conn, sql);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error(`the console ran: ${sql}`);
}

describe('the SQL console engine', () => {
  it('loads every table of the schema into memory but the source text', () => {
    expect(CONSOLE_TABLES).toEqual(TABLE_NAMES.filter((t) => t !== 'source_text'));
    expect(
      consoleTablesSql(Object.fromEntries(TABLE_NAMES.map((t) => [t, [`${t}.parquet`]])) as never)
    ).toEqual(
      CONSOLE_TABLES.map((t) => ({
        table: t,
        sql: `CREATE OR REPLACE TABLE ${t} AS SELECT * FROM read_parquet(['${t}.parquet'])`
      }))
    );
  });

  it('answers an honest query', async () => {
    const rows = await runConsoleQuery<{ n: number }>(conn, 'SELECT count(*) AS n FROM disclosures');
    expect(rows).toEqual([{ n: FIXTURE_DOCS.length }]);
    const joined = await runConsoleQuery(
      conn,
      `SELECT d.unit_name, count(*) AS n FROM disclosures d JOIN line_items l USING (doc_id)
       GROUP BY 1 ORDER BY 2 DESC LIMIT 1`
    );
    expect(joined).toEqual([{ unit_name: '示例市公安局', n: 3 }]);
    // the guard's strings inside literals do not matter to the engine
    expect(await runConsoleQuery(conn, "SELECT '--' AS a, $$'$$ AS b, E'\\'' AS c")).toEqual([
      { a: '--', b: "'", c: "'" }
    ]);
  });

  it('reaches the catcher when a form is not refused (the catcher works)', async () => {
    const before = hits.length;
    await fetch(`${U}/probe`);
    expect(hits.length).toBe(before + 1);
    hits.length = 0;
  });

  it('refuses every file, URL, extension and setting form, with no request made', async () => {
    const forms = bypassForms(U);
    // most of them pass the old keyword filter: the engine is what stops them
    expect(forms.filter((f) => checkSql(f).ok).length).toBeGreaterThan(10);
    for (const sql of forms) {
      const message = await fails(sql);
      // a refusal, or a name the engine does not know (no json/httpfs extension built in), never I/O
      expect(
        isRefusal(message) || /Catalog Error|home directory|Parser Error|Binder Error/.test(message),
        `${sql}: ${message}`
      ).toBe(true);
    }
    expect(hits).toEqual([]);
    // the settings are still what the console set
    expect(
      await runConsoleQuery(
        conn,
        `SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l`
      )
    ).toEqual([{ e: false, l: true }]);
  });

  it('runs one statement at a time, and what a statement writes is rolled back', async () => {
    expect(await fails('SELECT 1; SELECT 2')).toMatch(/multiple statements/);
    await runConsoleQuery(conn, 'DROP TABLE units');
    await runConsoleQuery(conn, 'CREATE TABLE scratch AS SELECT 1 AS x');
    await runConsoleQuery(conn, 'DELETE FROM disclosures');
    expect(await fails('SELECT * FROM scratch')).toMatch(/scratch does not exist/);
    const [{ n }] = await runConsoleQuery<{ n: number }>(conn, 'SELECT count(*) AS n FROM units');
    expect(n).toBeGreaterThan(0);
    const [{ d }] = await runConsoleQuery<{ d: number }>(conn, 'SELECT count(*) AS d FROM disclosures');
    expect(d).toBeGreaterThan(0);
    // a statement that ends the transaction itself does not break the next one
    await runConsoleQuery(conn, 'COMMIT').catch(() => undefined);
    await runConsoleQuery(conn, 'ROLLBACK').catch(() => undefined);
    expect(await runConsoleQuery(conn, 'SELECT 42 AS x')).toEqual([{ x: 42 }]);
    expect(hits).toEqual([]);
  });
});
