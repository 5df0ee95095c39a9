import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startServiceProcess } from '../support/serviceProcess';

describe('touchpoint serve as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const db = join(dir, 'w.duckdb');
  beforeAll(() => writeSmallWarehouse(db));

  it('binds to loopback unless told otherwise', async () => {
    const hostOf = async (args: string[]) => {
      const service = await startServiceProcess(db, {}, args);
      try {
        return new URL(service.url).hostname;
      } finally {
        await service.stop();
      }
    };
    expect(await hostOf([])).toBe('127.0.0.1');
    expect(await hostOf(['--host', '0.0.0.0'])).toBe('0.0.0.0');
  });

  it('finishes the query in flight on SIGTERM, then exits 0', async () => {
    const service = await startServiceProcess(db);
    const inFlight = fetch(`${service.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: '2024-01-01T00:00:00Z',
        to: '2024-05-01T00:00:00Z',
        queries: [
          { refId: 'A', kind: 'sql', sql: 'select count(*) as n from range(300000000) as r(x) where x % 3 = 1' },
        ],
      }),
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = service.stop();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const { A } = queryResponseSchema.parse(await response.json()).results;
    expect(A.frames[0].data.values[0]).toEqual([100000000]);
    expect(await exited).toBe(0);
  });
});
