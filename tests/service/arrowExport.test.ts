import { tableFromIPC } from 'apache-arrow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { errorResponseSchema } from '@touchpoint/contract/src/serviceResponses';
import { ARROW_STREAM } from '@touchpoint/server/src/service/createService';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';

const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };

describe('touchpoint serve: Arrow export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-arrow-'));
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

  it('answers one query as an Arrow IPC stream when asked, with exact types', async () => {
    const sql =
      'select interaction_id, opened_at, handle_seconds, first_response_seconds from fct_interactions order by interaction_id';
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
    const json = queryResponseSchema.parse(
      await (await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql }] })).json()
    );
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
      {
        ...range,
        queries: [
          { refId: 'A', kind: 'sql', sql: 'select 1' },
          { refId: 'B', kind: 'sql', sql: 'select 2' },
        ],
      },
      { accept: ARROW_STREAM }
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'bad_request', message: expect.stringMatching(/one query/) });
    const forbidden = await t.query(
      { ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'drop table fct_interactions' }] },
      { accept: ARROW_STREAM }
    );
    expect(forbidden.status).toBe(400);
    expect(errorResponseSchema.parse(await forbidden.json()).code).toBe('forbidden_statement');
  });
});
