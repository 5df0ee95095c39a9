import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type ClientConfig } from 'pg';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { serialize } from 'pg-protocol';
import { hostileProbes, probeLeftovers } from '../support/hostileProbes';
import { startTestService, type TestService } from '../support/startTestService';

const TOKEN = 'pg-protocol-test-token';
const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };
// Long enough to outlive any limit in these tests, cheap to interrupt.
const slowSql = 'select count(*) from range(100000000000) as a(x) where x % 7 = 3';

type PgError = Error & { code?: string; hint?: string };

const failure = async (promise: Promise<unknown>): Promise<PgError> => {
  try {
    await promise;
  } catch (error) {
    return error as PgError;
  }
  throw new Error('expected the statement to fail');
};

describe('touchpoint serve over PostgreSQL, with node-postgres', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-'));
  const secret = join(dir, 'secret.csv');
  const db = join(dir, 'w.duckdb');
  let t: TestService;
  let port: number;
  const open: Client[] = [];

  const client = async (config: ClientConfig = {}) => {
    const c = new Client({
      host: '127.0.0.1',
      port,
      user: 'touchpoint',
      database: 'touchpoint',
      password: TOKEN,
      ...config,
    });
    c.on('error', () => undefined);
    open.push(c);
    await c.connect();
    return c;
  };

  /** The same SQL through the HTTP API, as a table of rows. */
  const overHttp = async (sql: string) => {
    const response = await t.query(
      { ...range, queries: [{ refId: 'A', kind: 'sql', sql }] },
      { authorization: `Bearer ${TOKEN}` }
    );
    const frame = queryResponseSchema.parse(await response.json()).results.A.frames[0];
    const columns = frame.data.values;
    return columns[0].map((_, row) => Object.fromEntries(frame.schema.fields.map((f, i) => [f.name, columns[i][row]])));
  };

  beforeAll(async () => {
    writeFileSync(secret, 'password\nhunter2\n');
    await writeSmallWarehouse(db);
    t = await startTestService(db, { token: TOKEN, pgPort: 0, adhocTimeoutMs: 2000 });
    port = t.service.pg?.address().port as number;
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.end().catch(() => undefined)));
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with SCRAM-SHA-256, the service token as the password, any user and database name', async () => {
    const c = await client({ user: 'grafana', database: 'anything' });
    const { rows } = await c.query('select current_user as u');
    expect(rows).toHaveLength(1);
  });

  it('refuses a wrong password with an authentication error, after a short delay, and serves others meanwhile', async () => {
    const started = Date.now();
    const wrong = failure(client({ password: 'not-the-token' }));
    const other = await client();
    expect((await other.query('select 42 as x')).rows).toEqual([{ x: 42 }]);
    const error = await wrong;
    expect(error.code).toBe('28P01');
    expect(error.message).toBe('password authentication failed for user "touchpoint"');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  const typesSql = `select true as b, 2::smallint as i2, 3 as i4, 4::bigint as i8, 12345678901234567890::hugeint as h,
    1.50::decimal(10,2) as d, 0.1::double as f8, 1.5::float as f4, 'x' as t, date '2024-01-02' as dt,
    timestamp '2024-01-02 03:04:05.5' as ts, timestamptz '2024-01-02 03:04:05+00' as tz,
    interval '1 year 2 months 3 days 04:05:06.7' as iv, 'd4679e9f-6c35-49a2-8945-e94974a9f9ec'::uuid as u,
    '{"a": [1, 2]}'::json as j, [1, 2, null] as li, ['a b', 'x"y', null, 'NULL', ''] as ls, 'ab'::blob as bl, null::int as n`;

  const expectTypedRow = (row: Record<string, unknown>) => {
    expect(row).toEqual({
      b: true,
      i2: 2,
      i4: 3,
      i8: '4',
      h: '12345678901234567890',
      d: '1.50',
      f8: 0.1,
      f4: 1.5,
      t: 'x',
      dt: expect.any(Date),
      ts: new Date('2024-01-02T03:04:05.500Z'),
      tz: new Date('2024-01-02T03:04:05Z'),
      iv: expect.objectContaining({
        years: 1,
        months: 2,
        days: 3,
        hours: 4,
        minutes: 5,
        seconds: 6,
        milliseconds: 700,
      }),
      u: 'd4679e9f-6c35-49a2-8945-e94974a9f9ec',
      j: { a: [1, 2] },
      li: [1, 2, null],
      ls: ['a b', 'x"y', null, 'NULL', ''],
      bl: Buffer.from('ab'),
      n: null,
    });
  };

  it('sends each type with its PostgreSQL OID, so the client builds the right values (text format)', async () => {
    const c = await client();
    const result = await c.query(typesSql);
    expect(Object.fromEntries(result.fields.map((f) => [f.name, f.dataTypeID]))).toEqual({
      b: 16,
      i2: 21,
      i4: 23,
      i8: 20,
      h: 1700,
      d: 1700,
      f8: 701,
      f4: 700,
      t: 25,
      dt: 1082,
      ts: 1114,
      tz: 1184,
      iv: 1186,
      u: 2950,
      j: 114,
      li: 1007,
      ls: 1009,
      bl: 17,
      n: 23,
    });
    expectTypedRow(result.rows[0]);
  });

  it('binds parameters as values in the extended protocol, and reuses a named statement', async () => {
    const c = await client();
    const { rows } = await c.query('select $1::int + 1 as x, $2 as y, $3::date as d, $4::boolean as b, $5::text as n', [
      41,
      "it's; drop table x",
      '2024-02-03',
      true,
      null,
    ]);
    expect(rows).toEqual([{ x: 42, y: "it's; drop table x", d: expect.any(Date), b: true, n: null }]);
    const byBranch = {
      name: 'by-branch',
      text: 'select count(*)::int as n from fct_interactions where branch_id = $1',
    };
    const b1 = await c.query({ ...byBranch, values: ['B1'] });
    const b2 = await c.query({ ...byBranch, values: ['B2'] });
    const truth = await overHttp('select branch_id, count(*)::int as n from fct_interactions group by 1');
    expect(b1.rows[0].n).toBe(truth.find((r) => r.branch_id === 'B1')?.n);
    expect(b2.rows[0].n).toBe(truth.find((r) => r.branch_id === 'B2')?.n);
  });

  it('answers from the same model as the HTTP API: the same rows either way', async () => {
    const c = await client();
    const sql = 'select branch_id, branch_name, region from dim_branches order by branch_id';
    expect((await c.query(sql)).rows).toEqual(await overHttp(sql));
  });

  it('names unaliased columns as PostgreSQL does, in the simple and the extended protocol', async () => {
    const c = await client();
    const sql = `select count(*), 1 + 1, 'x'::text, max(region)::text, coalesce(null, 1), case when true then 1 end,
      (select branch_name from dim_branches limit 1), branch_id, count(*) as n from dim_branches group by branch_id limit 1`;
    const expected = ['count', '?column?', 'text', 'max', 'coalesce', 'case', 'branch_name', 'branch_id', 'n'];
    expect((await c.query(sql)).fields.map((f) => f.name)).toEqual(expected);
    expect(
      (await c.query({ text: sql, queryMode: 'extended' } as unknown as string)).fields.map((f) => f.name)
    ).toEqual(expected);
    expect((await c.query('select * from dim_branches limit 1')).fields.map((f) => f.name)).toEqual([
      'branch_id',
      'branch_name',
      'region',
      'timezone',
    ]);
  });

  it("expands metric('name') and metric_n('name') from the catalog, over PostgreSQL as over HTTP", async () => {
    const c = await client();
    const sql = `select branch_id, metric('csat') as csat, metric_n('csat') as n
      from agg_interaction_daily group by all order by branch_id`;
    const viaPg = (await c.query(sql)).rows;
    const viaHttp = await overHttp(sql);
    const viaMacro = await overHttp(
      'select branch_id, $__metric(csat) as csat, $__metricN(csat) as n from agg_interaction_daily group by all order by branch_id'
    );
    expect(viaPg.length).toBeGreaterThan(0);
    expect(viaPg.map((r) => [r.branch_id, Number(r.csat), Number(r.n)])).toEqual(
      viaHttp.map((r) => [r.branch_id, r.csat, r.n])
    );
    expect(viaHttp).toEqual(viaMacro);
    const unknown = await failure(c.query("select metric('no_such_metric') from agg_interaction_daily"));
    expect(unknown.message).toMatch(/no metric 'no_such_metric' in the catalog; known: .*csat/);
  });

  it.each([
    ['a write', 'delete from dim_branches', '42501', /only SELECT/],
    ['a syntax error', 'select from where', '42601', /syntax error/],
    ['an unknown table', 'select * from no_such_table', '42P01', /no_such_table/],
    ['an unknown column', 'select no_such_column from dim_branches', '42703', /no_such_column/],
    ['an unknown setting', 'set threads = 1', '42704', /unrecognized configuration parameter "threads"/],
    ['a read-write transaction', 'begin read write', '42501', /read-only/],
  ])('refuses %s with SQLSTATE and a message, and the connection stays usable', async (_what, sql, code, message) => {
    const c = await client();
    const error = await failure(c.query(sql));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/LINE \d+:/);
    expect((await c.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it.each(hostileProbes(dir, secret).map((p) => [p.what, p.sql] as const))(
    'refuses %s, over the simple and the extended protocol',
    async (_what, sql) => {
      const c = await client();
      // `select 1; drop ...` runs its harmless first statement in the simple protocol, as PostgreSQL would.
      await expect(c.query(sql)).rejects.toThrow();
      await expect(c.query(sql, [])).rejects.toThrow();
      expect((await c.query('select count(*)::int as n from raw.branches')).rows).toEqual([{ n: 3 }]);
    }
  );

  it('leaves no trace of the probes: no files written, data intact', async () => {
    for (const leftover of probeLeftovers(dir)) {
      expect(existsSync(leftover)).toBe(false);
    }
    const c = await client();
    expect((await c.query('select count(*)::int as n from fct_interactions')).rows[0].n).toBeGreaterThan(0);
  });

  it('accepts the session chatter drivers send, and SHOW answers like PostgreSQL', async () => {
    const c = await client();
    for (const sql of [
      'SET extra_float_digits = 3',
      "SET application_name = 'PostgreSQL JDBC Driver'",
      'SET DateStyle = ISO',
      'SET TIME ZONE UTC',
      'BEGIN READ ONLY',
      'COMMIT',
      'START TRANSACTION',
      'ROLLBACK',
      'DISCARD ALL',
      'RESET ALL',
    ]) {
      await expect(c.query(sql)).resolves.toBeDefined();
    }
    expect((await c.query('SHOW server_version')).rows).toEqual([{ server_version: '15.0' }]);
    expect((await c.query('show transaction isolation level')).rows).toEqual([
      { transaction_isolation: 'read committed' },
    ]);
    expect((await c.query("select current_setting('server_version_num') as v")).rows).toEqual([{ v: '150000' }]);
    const error = await failure(c.query('show no_such_setting'));
    expect(error.code).toBe('42704');
  });

  it('after a failed statement in a transaction, refuses until ROLLBACK, as PostgreSQL does', async () => {
    const c = await client();
    await c.query('begin');
    await expect(c.query('select * from no_such_table')).rejects.toThrow();
    const blocked = await failure(c.query('select 1'));
    expect(blocked.code).toBe('25P02');
    await c.query('rollback');
    expect((await c.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('stops a query at the time limit with SQLSTATE 57014, and the connection goes on', async () => {
    const c = await client();
    const started = Date.now();
    const error = await failure(c.query(slowSql));
    expect(error.code).toBe('57014');
    expect(error.message).toMatch(/ran longer than 2 s/);
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await c.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('interrupts the running DuckDB query on CancelRequest', async () => {
    const c = await client();
    const { processID, secretKey } = c as unknown as { processID: number; secretKey: number };
    const started = Date.now();
    const pending = failure(c.query(`${slowSql} and x > 5`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What psql sends on Ctrl+C: a CancelRequest on a connection of its own.
    const cancel = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => cancel.once('connect', resolve));
    cancel.end(serialize.cancel(processID, secretKey));
    const error = await pending;
    expect(error.code).toBe('57014');
    expect(error.message).toBe('canceling statement due to user request');
    expect(Date.now() - started).toBeLessThan(1800);
    expect((await c.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('ignores a CancelRequest with the wrong secret', async () => {
    const c = await client();
    const { processID, secretKey } = c as unknown as { processID: number; secretKey: number };
    const pending = c.query('select count(*)::int as n from range(20000000) as a(x) where x % 7 = 3');
    const cancel = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => cancel.once('connect', resolve));
    cancel.end(serialize.cancel(processID, secretKey ^ 1));
    await expect(pending).resolves.toMatchObject({ rows: [{ n: expect.any(Number) }] });
  });

  it('serves 50 concurrent connections, each its own answer, none failing', async () => {
    const clients = await Promise.all(Array.from({ length: 50 }, () => client()));
    const results = await Promise.all(
      clients.map((c, i) =>
        c.query('select count(*)::int as n, $1::int as i from fct_interactions where handle_seconds > $1', [i])
      )
    );
    const truth = await overHttp('select count(*)::int as n from fct_interactions where handle_seconds > 0');
    results.forEach((r, i) => expect(r.rows[0].i).toBe(i));
    expect(results[0].rows[0].n).toBe(truth[0].n);
    await Promise.all(clients.map((c) => c.end()));
  });
});
