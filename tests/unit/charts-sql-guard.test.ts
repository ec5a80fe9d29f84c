import { describe, expect, it } from 'vitest';
import { checkSql, stripLiterals } from '../../src/lib/components/sqlGuard';

describe('SQL console guard', () => {
  it('accepts one read-only SELECT or WITH query, with a trailing semicolon', () => {
    expect(checkSql('SELECT * FROM disclosures').ok).toBe(true);
    expect(checkSql('  with t as (select 1 as x) select x from t;').ok).toBe(true);
    expect(checkSql("SELECT name FROM line_items WHERE name = 'drop table; delete'").ok).toBe(true);
    expect(checkSql('SELECT table_no, "set" FROM line_items -- update later').ok).toBe(true);
  });
  it('refuses writes, settings, extensions and more than one statement', () => {
    expect(checkSql('DROP TABLE units')).toMatchObject({ ok: false, reason: 'not_select' });
    expect(checkSql('SELECT 1; DROP TABLE units')).toMatchObject({ ok: false, reason: 'multiple' });
    expect(checkSql('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      word: 'insert'
    });
    expect(checkSql('SELECT 1 FROM (PRAGMA version)')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(checkSql('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('refuses reading files or URLs of its own', () => {
    expect(checkSql("SELECT * FROM read_csv('http://example.com/x.csv')")).toMatchObject({
      ok: false,
      reason: 'file_access'
    });
    expect(checkSql("SELECT * FROM 'https://example.com/x.parquet'")).toMatchObject({
      ok: false,
      reason: 'file_access'
    });
    expect(checkSql("SELECT * FROM parquet_scan('x')")).toMatchObject({ ok: false, reason: 'file_access' });
    expect(checkSql("SELECT * FROM glob('*')")).toMatchObject({ ok: false, reason: 'file_access' });
  });
  it('ignores keywords inside comments, strings and quoted names', () => {
    expect(stripLiterals('SELECT \'drop\' /* delete */ AS "update" -- insert')).not.toMatch(
      /drop|delete|update|insert/
    );
  });
});
