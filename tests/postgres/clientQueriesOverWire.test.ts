import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  grafanaQueries,
  pgjdbcQueries,
  psqlQueries,
} from '@touchpoint/server/src/postgres/catalog/clientCatalogQueries';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';
import { expandGrafanaPostgresMacros } from './grafanaPostgresMacros';

/**
 * What real clients send, sent the way they send it: psql's and Grafana's
 * editor's catalog queries as simple queries, pgjdbc's with parameters over
 * the extended protocol, and Grafana panels' SQL after Grafana's own macro
 * expansion. Each must answer from the model over the wire.
 */
describe('client catalog and panel queries over the PostgreSQL protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-clients-'));
  let t: TestService;
  let client: Client;
  const modelTables = ['dim_branches', 'fct_interactions', 'agg_response_daily', 'metric_catalog'];

  beforeAll(async () => {
    const db = join(dir, 'w.duckdb');
    await writeSmallWarehouse(db);
    t = await startTestService(db, { pgPort: 0 });
    client = new Client({
      host: '127.0.0.1',
      port: t.service.pg?.address().port,
      user: 'grafana',
      database: 'touchpoint',
    });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers psql's \\dt, \\l and \\dn, and \\d of a table, from the model", async () => {
    const tables = (await client.query(psqlQueries.listTables)).rows.map((r) => r.Name);
    expect(tables).toEqual(expect.arrayContaining(modelTables));
    expect((await client.query(psqlQueries.listSchemas)).rows.map((r) => r.Name)).toEqual(
      expect.arrayContaining(['main', 'raw'])
    );
    expect((await client.query(psqlQueries.listDatabases)).rows).toHaveLength(1);
    const [found] = (await client.query(psqlQueries.describe.findRelation('dim_branches'))).rows;
    expect(found.relname).toBe('dim_branches');
    const [info] = (await client.query(psqlQueries.describe.relationInfo(String(found.oid)))).rows;
    expect(info.relkind).toBe('r');
    const columns = (await client.query(psqlQueries.describe.columns(String(found.oid)))).rows;
    expect(columns.map((c) => [c.attname, c.format_type])).toEqual(
      expect.arrayContaining([
        ['branch_id', 'text'],
        ['branch_name', 'text'],
      ])
    );
  });

  it("answers Grafana's query editor: the version, the table picker and the column picker", async () => {
    expect((await client.query(grafanaQueries.version)).rows).toEqual([{ version: 1500 }]);
    expect((await client.query(grafanaQueries.timescaleVersion)).rows).toEqual([]);
    const tables = (await client.query(grafanaQueries.tables)).rows.map((r) => r.table);
    expect(tables).toEqual(expect.arrayContaining(modelTables));
    const columns = (await client.query(grafanaQueries.columns('fct_interactions'))).rows;
    expect(columns).toEqual(
      expect.arrayContaining([
        { column: 'opened_at', type: 'timestamp without time zone' },
        { column: 'handle_seconds', type: 'integer' },
        { column: 'channel', type: 'text' },
      ])
    );
  });

  it("answers pgjdbc's type and metadata lookups, parameters bound over the extended protocol", async () => {
    expect((await client.query(pgjdbcQueries.typeInfoByOid, [1184])).rows[0]).toMatchObject({ typname: 'timestamptz' });
    expect((await client.query(pgjdbcQueries.typeOidByName, ['_text'])).rows[0]).toMatchObject({
      oid: expect.anything(),
    });
    expect((await client.query(pgjdbcQueries.version)).rows[0].version).toMatch(/^PostgreSQL 15/);
    expect((await client.query(pgjdbcQueries.currentSchema)).rows[0].current_schema).toBe('main');
    // DuckDB keeps an unquoted alias's case (PostgreSQL folds it): pgjdbc reads labels either way.
    const tables = (await client.query(pgjdbcQueries.tables)).rows.map((r) => r.TABLE_NAME);
    expect(tables).toEqual(expect.arrayContaining(modelTables));
    const columns = (await client.query(pgjdbcQueries.columns('dim_branches'))).rows.map((r) => r.attname);
    expect(columns).toEqual(expect.arrayContaining(['branch_id', 'branch_name', 'region']));
  });

  it("runs panel SQL after Grafana's macro expansion: a time column, numeric values, text labels", async () => {
    const context = {
      from: new Date('2024-02-01T00:00:00Z'),
      to: new Date('2024-03-01T00:00:00Z'),
      intervalMs: 86_400_000,
    };
    const timeSeries = expandGrafanaPostgresMacros(
      `SELECT $__timeGroupAlias(opened_at, '1d'), channel, count(*)::float8 AS contacts
       FROM fct_interactions WHERE $__timeFilter(opened_at) GROUP BY 1, 2 ORDER BY 1`,
      context
    );
    const series = await client.query(timeSeries);
    expect(series.rows.length).toBeGreaterThan(0);
    expect(series.fields.map((f) => f.name)).toEqual(['time', 'channel', 'contacts']);
    const times = series.rows.map((r) => Number(r.time));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(context.from.getTime() / 1000);
    expect(Math.max(...times)).toBeLessThan(context.to.getTime() / 1000);

    const bounds = expandGrafanaPostgresMacros(
      `SELECT count(*)::int AS n FROM fct_interactions WHERE opened_at >= $__timeFrom() AND opened_at < $__timeTo()`,
      context
    );
    const direct = await client.query(
      `SELECT count(*)::int AS n FROM fct_interactions WHERE opened_at >= timestamp '2024-02-01' AND opened_at < timestamp '2024-03-01'`
    );
    expect((await client.query(bounds)).rows).toEqual(direct.rows);
    expect(direct.rows[0].n).toBeGreaterThan(0);
  });
});
