import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRows, type Row } from '../../db/readRows';
import { ServingDatabase } from '../../service/servingDatabase';
import { guardSql } from '../../service/sql/guardSql';
import { writeSmallWarehouse } from '../../testing/smallWarehouse';
import { pgTypeOids } from '../pgTypeOids';
import { grafanaQueries, pgjdbcQueries, psqlQueries } from './clientCatalogQueries';
import { preparePgConnection } from './preparePgConnection';
import { rewritePgSql } from './rewritePgSql';

describe('PostgreSQL clients’ catalog queries answer from the served model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pgcatalog-'));
  let database: ServingDatabase;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    const path = join(dir, 'w.duckdb');
    await writeSmallWarehouse(path);
    database = await ServingDatabase.open(path, { threads: 1, memoryLimit: '256MB' });
    connection = await database.acquire();
    await preparePgConnection(connection);
  });
  afterAll(() => {
    database.release(connection);
    database.retire();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the PostgreSQL front does with a client's text: rewrite, guard, run. */
  const ask = async (sql: string, params: DuckDBValue[] = []): Promise<Row[]> => {
    const rewritten = rewritePgSql(sql);
    await guardSql(connection, rewritten);
    return readRows(connection, rewritten, params);
  };
  const modelRelations = (kind: 'BASE TABLE' | 'VIEW') =>
    database.tables
      .filter((t) => t.schema === 'main')
      .map((t) => t.table)
      .filter((t) => kinds.get(t) === kind);
  let kinds: Map<string, string>;
  beforeAll(async () => {
    const rows = await readRows(
      connection,
      "select table_name, table_type from information_schema.tables where table_schema = 'main'"
    );
    kinds = new Map(rows.map((r) => [String(r.table_name), String(r.table_type)]));
  });

  describe('psql 15', () => {
    it('\\dt lists the model’s tables as tables', async () => {
      const rows = await ask(psqlQueries.listTables);
      expect(rows.map((r) => r.Name)).toEqual(modelRelations('BASE TABLE').sort());
      expect(new Set(rows.map((r) => `${r.Schema}/${r.Type}`))).toEqual(new Set(['main/table']));
    });

    it('\\dt+ adds each table’s grain comment as its description', async () => {
      const rows = await ask(psqlQueries.listTablesVerbose);
      const contacts = rows.find((r) => r.Name === 'fct_interactions');
      expect(contacts?.Description).toBe(database.tables.find((t) => t.table === 'fct_interactions')?.comment);
      expect(contacts?.Description).toMatch(/one row per/i);
      expect(contacts?.Persistence).toBe('permanent');
    });

    it('\\d and \\dv list tables and views with their kinds', async () => {
      const all = await ask(psqlQueries.listRelations);
      expect(all.length).toBe(modelRelations('BASE TABLE').length + modelRelations('VIEW').length);
      const views = await ask(psqlQueries.listViews);
      expect(views.map((r) => r.Name)).toEqual(modelRelations('VIEW').sort());
      expect(new Set(views.map((r) => r.Type))).toEqual(new Set(['view']));
    });

    it('\\dn lists the model and raw schemas, \\l the one database', async () => {
      expect((await ask(psqlQueries.listSchemas)).map((r) => r.Name)).toEqual(['main', 'raw']);
      const databases = await ask(psqlQueries.listDatabases);
      expect(databases).toEqual([expect.objectContaining({ Name: 'w', Encoding: 'UTF8' })]);
    });

    it('\\df answers, with no functions of the warehouse’s own', async () => {
      expect(await ask(psqlQueries.listFunctions)).toEqual([]);
    });

    it.each([['dim_customers'], ['fct_responses']])(
      '\\d %s runs psql’s whole conversation and shows the real columns with PostgreSQL type names',
      async (name) => {
        const [found] = await ask(psqlQueries.describe.findRelation(name));
        expect(found).toMatchObject({ nspname: 'main', relname: name });
        const oid = String(found.oid);
        const [info] = await ask(psqlQueries.describe.relationInfo(oid));
        expect(info.relkind).toBe(kinds.get(name) === 'VIEW' ? 'v' : 'r');
        const columns = await ask(psqlQueries.describe.columns(oid));
        const model = database.tables.find((t) => t.schema === 'main' && t.table === name);
        expect(columns.map((c) => c.attname)).toEqual(model?.columns.map((c) => c.name));
        const typeOf = (column: string) =>
          columns.find((c) => c.attname === column)?.['format_type(a.atttypid, a.atttypmod)'];
        if (name === 'dim_customers') {
          expect(typeOf('customer_id')).toBe('text');
          expect(typeOf('started_at')).toBe('timestamp without time zone');
        }
        for (const footer of ['policies', 'statistics', 'publications', 'parents', 'partitions'] as const) {
          expect(await ask(psqlQueries.describe[footer](oid))).toEqual([]);
        }
      }
    );
  });

  describe('Grafana’s PostgreSQL query editor', () => {
    it('reads server_version_num as 15', async () => {
      expect(await ask(grafanaQueries.version)).toEqual([{ version: 1500 }]);
      expect(await ask(grafanaQueries.timescaleVersion)).toEqual([]);
    });

    it('lists the model’s tables unqualified (main is on the search path) and raw’s qualified', async () => {
      const tables = (await ask(grafanaQueries.tables)).map((r) => String(r.table));
      expect(tables).toEqual(expect.arrayContaining(['dim_customers', 'fct_responses', 'raw.customers']));
      expect(tables.indexOf('dim_customers')).toBeLessThan(tables.indexOf('raw.customers'));
    });

    it('gives a picked table’s columns with PostgreSQL type names, for model and raw tables', async () => {
      const columns = await ask(grafanaQueries.columns('dim_customers'));
      const model = database.tables.find((t) => t.schema === 'main' && t.table === 'dim_customers');
      expect(new Set(columns.map((c) => c.column))).toEqual(new Set(model?.columns.map((c) => c.name)));
      expect(columns).toContainEqual({ column: 'customer_id', type: 'text' });
      expect(await ask(grafanaQueries.columns('raw.customers'))).toContainEqual({
        column: 'monthly_revenue',
        type: 'numeric',
      });
    });
  });

  describe('pgjdbc (DBeaver, Metabase)', () => {
    it('looks types up by the OIDs the wire protocol sends', async () => {
      const [byOid] = await ask(pgjdbcQueries.typeNameByOid, [pgTypeOids.timestamptz]);
      expect(byOid).toMatchObject({ nspname: 'pg_catalog', typname: 'timestamptz' });
      expect(await ask(pgjdbcQueries.typeInfoByOid, [pgTypeOids._text])).toEqual([
        { is_array: true, typtype: 'b', typname: '_text', oid: pgTypeOids._text },
      ]);
      expect(await ask(pgjdbcQueries.typeOidByName, ['int4'])).toEqual([{ oid: pgTypeOids.int4, typname: 'int4' }]);
      const [element] = await ask(pgjdbcQueries.arrayElementByOid, [pgTypeOids._int8]);
      expect(element).toMatchObject({ oid: pgTypeOids.int8, typname: 'int8' });
      expect(await ask(pgjdbcQueries.arrayDelimiterByOid, [pgTypeOids._int8])).toEqual([{ typdelim: ',' }]);
    });

    it('reads a PostgreSQL-looking version, the model schema and the one catalog', async () => {
      const [version] = await ask(pgjdbcQueries.version);
      expect(Object.values(version)[0]).toMatch(/^PostgreSQL 15\.0 \(Touchpoint on DuckDB v1\./);
      expect(Object.values((await ask(pgjdbcQueries.currentSchema))[0])).toEqual(['main']);
      expect(await ask(pgjdbcQueries.catalogs)).toEqual([{ TABLE_CAT: 'w' }]);
      const schemas = (await ask(pgjdbcQueries.schemas)).map((r) => r.TABLE_SCHEM);
      expect(schemas).toEqual(expect.arrayContaining(['main', 'raw']));
    });

    it('getTables and getColumns describe the model', async () => {
      const tables = await ask(pgjdbcQueries.tables);
      expect(tables.filter((t) => t.TABLE_TYPE === 'TABLE').map((t) => t.TABLE_NAME)).toEqual(
        modelRelations('BASE TABLE').sort()
      );
      expect(tables.filter((t) => t.TABLE_TYPE === 'VIEW').map((t) => t.TABLE_NAME)).toEqual(
        modelRelations('VIEW').sort()
      );
      const columns = await ask(pgjdbcQueries.columns('dim_customers'));
      expect(columns[0]).toMatchObject({ attname: 'customer_id', atttypid: pgTypeOids.text, attnum: 1 });
    });
  });

  it('lets public stand for the model’s schema and answers ::regclass by name', async () => {
    const [count] = await ask('select count(*) as n from public.dim_customers');
    expect(Number(count.n)).toBeGreaterThan(0);
    const [found] = await ask(
      "select 'dim_customers'::regclass as oid, 'main.dim_customers'::pg_catalog.regclass as same"
    );
    expect(found.oid).toBe(found.same);
    expect(found.oid).not.toBeNull();
  });

  it('matches ~ anywhere in the string, as PostgreSQL does', async () => {
    expect(
      await ask("select 'pg_catalog' ~ '^pg_' as a, 'xabcx' ~ 'abc' as b, 'ABC' ~* 'b' as c, 'main' !~ '^pg_' as d")
    ).toEqual([{ a: true, b: true, c: true, d: true }]);
  });
});
