import { tableFromIPC } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryResponseSchema } from '../../datasource/src/contract/queryRequest';
import { errorResponseSchema, healthSchema } from '../../datasource/src/contract/serviceResponses';
import { ARROW_STREAM } from '../../datasource/src/service/createService';
import { replaceDatabase } from '../../datasource/src/warehouse/replaceDatabase';
import { fillSmallWarehouse, writeSmallWarehouse } from '../fixtures/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';

const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };

describe('touchpoint serve: new data and Arrow export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-reload-'));
  const db = join(dir, 'w.duckdb');
  let t: TestService;
  beforeAll(async () => {
    await writeSmallWarehouse(db);
    t = await startTestService(db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async () => {
    const response = await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'select count(*) as n from raw.branches' }] });
    return queryResponseSchema.parse(await response.json()).results.A.frames[0].data.values[0][0];
  };
  const health = async () => healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json());

  it('picks up a new database without a restart, and without failing a query in flight', async () => {
    const before = await health();
    expect(await count()).toBe(3);
    // The new file replaces the old one on disk; the service still holds the old one open.
    await replaceDatabase(db, async (connection) => {
      await fillSmallWarehouse(connection);
      await connection.run("insert into raw.branches values ('B4', 'New Pier', 'South', null)");
    });
    const inFlight = t.query({
      ...range,
      queries: [{ refId: 'slow', kind: 'sql', sql: 'select (select count(*) from raw.branches) as branches, count(*) as n from range(400000000) as r(x) where x % 3 = 1' }],
    });
    while ((await health()).load.running === 0) await new Promise((r) => setTimeout(r, 10));
    expect(await t.service.reload()).toBe(true);
    const slow = queryResponseSchema.parse(await (await inFlight).json()).results.slow;
    // It finished, on the data it started with.
    expect(slow.error).toBeUndefined();
    expect(slow.frames[0].data.values[0]).toEqual([3]);
    expect(await count()).toBe(4);
    expect((await health()).dataVersion).not.toBe(before.dataVersion);
  });

  it('keeps serving the same data when a load fails, byte for byte', async () => {
    const bytes = readFileSync(db);
    const before = await health();
    await expect(
      replaceDatabase(db, async (connection) => {
        await fillSmallWarehouse(connection);
        throw new Error('the load was rejected');
      }),
    ).rejects.toThrow('rejected');
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(await t.service.reload()).toBe(false);
    expect((await health()).dataVersion).toBe(before.dataVersion);
    expect(await count()).toBe(4);
  });

  it('answers one query as an Arrow IPC stream when asked, with exact types', async () => {
    const sql = 'select interaction_id, opened_at, handle_seconds, first_response_seconds from fct_interactions order by interaction_id';
    const response = await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql }] }, { accept: ARROW_STREAM });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(ARROW_STREAM);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.numRows).toBe(1700);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'interaction_id:Utf8',
      'opened_at:Timestamp<MILLISECOND>',
      'handle_seconds:Int32',
      'first_response_seconds:Float64',
    ]);
    const json = queryResponseSchema.parse(await (await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql }] })).json());
    const first = table.get(0)?.toJSON();
    expect(first).toEqual({
      interaction_id: json.results.A.frames[0].data.values[0][0],
      opened_at: json.results.A.frames[0].data.values[1][0],
      handle_seconds: json.results.A.frames[0].data.values[2][0],
      first_response_seconds: json.results.A.frames[0].data.values[3][0],
    });
  });

  it('explains why an Arrow request is refused', async () => {
    const response = await t.query(
      { ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'select 1' }, { refId: 'B', kind: 'sql', sql: 'select 2' }] },
      { accept: ARROW_STREAM },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'bad_request', message: expect.stringMatching(/one query/) });
    const forbidden = await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'drop table fct_interactions' }] }, { accept: ARROW_STREAM });
    expect(forbidden.status).toBe(400);
    expect(errorResponseSchema.parse(await forbidden.json()).code).toBe('forbidden_statement');
  });
});
