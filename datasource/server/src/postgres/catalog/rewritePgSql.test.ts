import { rewritePgSql } from './rewritePgSql';

describe('rewritePgSql', () => {
  it('turns psql’s qualified operator and collation into plain DuckDB', () => {
    expect(rewritePgSql("WHERE c.relname OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default")).toBe(
      "WHERE c.relname ~ '(?s).*(?:^(x)$).*'"
    );
  });

  it('leaves string literals, quoted identifiers and comments alone', () => {
    const sql = `select 'OPERATOR(pg_catalog.~) pg_catalog.x ::regclass' as "pg_catalog.y" -- public.t ~ 'a'`;
    expect(rewritePgSql(sql)).toBe(sql);
  });

  it('drops the pg_catalog qualifier and points information_schema views at ours', () => {
    expect(
      rewritePgSql('select pg_catalog.format_type(1, -1) from pg_catalog.pg_type, information_schema.tables')
    ).toBe('select format_type(1, -1) from pg_type, pg_information_schema_tables');
  });

  it('reads public as the model’s schema only where it qualifies a name', () => {
    expect(rewritePgSql('select public.t.public from public.t')).toBe('select main.t.public from main.t');
  });

  it('looks a literal up by name for ::regclass, and keeps the OID for other reg* casts', () => {
    expect(rewritePgSql("select 'a.b'::regclass, x::pg_catalog.regtype::pg_catalog.text, 'array_in'::regproc")).toBe(
      "select pg_compat_regclass('a.b'), x::bigint::text, 'array_in'::varchar"
    );
  });

  it('names a one-column function in FROM after its alias, as PostgreSQL does', () => {
    expect(rewritePgSql("select s[i] from generate_series(1, 2) as i, string_to_array(x, ',') s")).toBe(
      "select s[i] from generate_series(1, 2) as i(i), (select string_to_array(x, ',') as s) s"
    );
    expect(rewritePgSql('select r from generate_series(1, 2) as s(r) where true')).toBe(
      'select r from generate_series(1, 2) as s(r) where true'
    );
  });

  it('keeps $n parameters for the server to bind', () => {
    expect(rewritePgSql('select * from pg_catalog.pg_type where oid = $1')).toBe(
      'select * from pg_type where oid = $1'
    );
  });
});
