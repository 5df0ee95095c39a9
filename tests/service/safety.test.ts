import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { healthSchema } from '@touchpoint/contract/src/serviceResponses';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { hostileProbes, probeLeftovers } from '../support/hostileProbes';
import { startTestService, type TestService } from '../support/startTestService';

const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };
// Long enough to outlive any limit in these tests, cheap to interrupt.
const slowSql = 'select count(*) from range(100000000000) as a(x) where x % 7 = 3';

describe('touchpoint serve: ad-hoc SQL cannot misuse the service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-safety-'));
  const secret = join(dir, 'secret.csv');
  const db = join(dir, 'w.duckdb');
  let t: TestService;
  beforeAll(async () => {
    writeFileSync(secret, 'password\nhunter2\n');
    await writeSmallWarehouse(db);
    t = await startTestService(db, { adhocTimeoutMs: 1500 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (sql: string) => {
    const response = await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql }] });
    return queryResponseSchema.parse(await response.json()).results.A;
  };

  it.each(hostileProbes(dir, secret).map((p) => [p.what, p.sql, p.message] as const))(
    'blocks %s',
    async (_what, sql, message) => {
      const result = await run(sql);
      expect(result.error?.message).toMatch(message);
      expect(['forbidden_statement', 'forbidden_function', 'bad_sql']).toContain(result.error?.code);
    }
  );

  it('still lets analysts read the system catalog and settings, which change nothing', async () => {
    const result = await run("select value from duckdb_settings() where name = 'enable_external_access'");
    expect(result.error).toBeUndefined();
    expect(result.frames[0].data.values[0]).toEqual(['false']);
  });

  it('leaves no trace of the attempts: no files written, data intact, service answering', async () => {
    for (const leftover of probeLeftovers(dir)) {
      expect(existsSync(leftover)).toBe(false);
    }
    const result = await run('select count(*) as n from raw.branches');
    expect(result.frames[0].data.values[0]).toEqual([3]);
  });

  it('interrupts a query that runs past its time limit and stays healthy', async () => {
    const started = Date.now();
    const result = await run(slowSql);
    expect(result.error?.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await run('select 42 as x')).frames[0].data.values[0]).toEqual([42]);
  });

  it('interrupts the query when the client goes away', async () => {
    const controller = new AbortController();
    const pending = fetch(`${t.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...range, queries: [{ refId: 'gone', kind: 'sql', sql: `${slowSql} and x > 1` }] }),
      signal: controller.signal,
    });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await expect(pending).rejects.toThrow();
    // Well before the 1.5 s limit, the runner is free again and the log says why.
    await new Promise((r) => setTimeout(r, 400));
    const line = t.logs.find((l) => l.msg === 'query' && l.refId === 'gone');
    expect(line).toMatchObject({ outcome: 'cancelled' });
    expect(Number(line?.durationMs)).toBeLessThan(1500);
  });

  it.each([0, 5, 20])(
    'interrupts a query whose client leaves %d ms after asking, even before DuckDB has started it',
    async (delayMs) => {
      const refId = `early-${delayMs}`;
      const controller = new AbortController();
      const pending = fetch(`${t.url}/api/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...range, queries: [{ refId, kind: 'sql', sql: `${slowSql} and x > ${delayMs + 2}` }] }),
        signal: controller.signal,
      });
      await new Promise((r) => setTimeout(r, delayMs));
      controller.abort();
      await expect(pending).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 600));
      const line = t.logs.find((l) => l.msg === 'query' && l.refId === refId);
      // A query the client left before it reached DuckDB may never be logged as run; one that ran must be cancelled quickly.
      if (line) {
        expect(line).toMatchObject({ outcome: 'cancelled' });
        expect(Number(line.durationMs)).toBeLessThan(1000);
      }
      expect(healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json()).load.running).toBe(0);
    }
  );

  it('caps rows and says the result was truncated', async () => {
    const capped = await startTestService(db, { maxRows: 10 });
    try {
      const response = await capped.query({
        ...range,
        queries: [{ refId: 'A', kind: 'sql', sql: 'select * from fct_interactions' }],
      });
      const { A } = queryResponseSchema.parse(await response.json()).results;
      expect(A.truncated).toBe(true);
      expect(A.frames[0].data.values[0]).toHaveLength(10);
      expect(A.frames[0].schema.meta?.notices?.[0].text).toMatch(/cut at 10 rows/);
    } finally {
      await capped.close();
    }
  });

  it('answers 503 with Retry-After when the queue is full, and recovers', async () => {
    const small = await startTestService(db, { concurrency: 1, queueLimit: 1, adhocTimeoutMs: 1500 });
    try {
      const send = (refId: string) =>
        small.query({ ...range, queries: [{ refId, kind: 'sql', sql: `${slowSql} and x <> ${refId.length}` }] });
      const responses = await Promise.all([send('a'), send('bb'), send('ccc')]);
      const busy = responses.filter((r) => r.status === 503);
      expect(busy).toHaveLength(1);
      expect(busy[0].headers.get('retry-after')).toBe('2');
      const after = await small.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'select 1 as one' }] });
      expect(after.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('requires the bearer token when one is configured, except for health', async () => {
    const locked = await startTestService(db, { token: 's3cret-token' });
    try {
      const body = { ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'select 1' }] };
      expect((await locked.query(body)).status).toBe(401);
      expect((await locked.query(body, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await fetch(`${locked.url}/api/catalog`)).status).toBe(401);
      expect((await locked.query(body, { authorization: 'Bearer s3cret-token' })).status).toBe(200);
      expect((await fetch(`${locked.url}/api/health`)).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('survives hostile variable values and macro arguments sent over HTTP (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (value, macroArgument) => {
        const response = await t.query({
          ...range,
          queries: [
            {
              refId: 'v',
              kind: 'sql',
              sql: 'select count(*) as n from fct_interactions where branch_id = $branch',
              variables: { branch: value },
            },
            { refId: 'm', kind: 'sql', sql: `select $__timeGroup(${macroArgument}) as x` },
          ],
        });
        expect(response.status).toBe(200);
        const { v, m } = queryResponseSchema.parse(await response.json()).results;
        expect(v.error).toBeUndefined();
        expect(v.frames[0].data.values[0][0]).toBe(['B1', 'B2', 'B3'].includes(value) ? expect.any(Number) : 0);
        if (m.error) {
          expect(m.error.code).not.toBe('internal');
        }
      }),
      { numRuns: 60 }
    );
    expect((await run('select count(*) as n from raw.branches')).frames[0].data.values[0]).toEqual([3]);
  });
});
