import { copyFileSync, mkdtempSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { healthSchema, type Health } from '@touchpoint/contract/src/serviceResponses';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { fillSmallWarehouse, writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';

const WATCH_INTERVAL_MS = 150;
const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('touchpoint serve when a bad file lands at the warehouse path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-bad-file-'));
  const db = join(dir, 'cx.duckdb');
  const good = join(dir, 'good-copy.duckdb');
  const foreign = join(dir, 'someone-elses.duckdb');
  let t: TestService;

  beforeAll(async () => {
    await writeSmallWarehouse(db);
    copyFileSync(db, good);
    const other = await openDatabase(foreign);
    try {
      const connection = await other.connect();
      await connection.run('create table orders (id integer)');
      connection.closeSync();
    } finally {
      other.closeSync();
    }
    t = await startTestService(db, { watchIntervalMs: WATCH_INTERVAL_MS });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async () => healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json());
  /** Waits, on the real watcher, until health says what is wanted. */
  const healthWhen = async (wanted: (health: Health) => boolean): Promise<Health> => {
    const deadline = Date.now() + 20 * WATCH_INTERVAL_MS + 3000;
    for (;;) {
      const now = await health();
      if (wanted(now)) {
        return now;
      }
      if (Date.now() > deadline) {
        throw new Error(`health never became as expected: ${JSON.stringify(now.load)}`);
      }
      await sleep(25);
    }
  };
  const branches = async () => {
    const body = queryResponseSchema.parse(
      await (
        await t.query({ ...range, queries: [{ refId: 'A', kind: 'sql', sql: 'select count(*) from raw.branches' }] })
      ).json()
    );
    expect(body.results.A.error).toBeUndefined();
    return body.results.A.frames[0].data.values[0][0];
  };
  /** Puts a file at the warehouse path as a load does: by renaming it there. */
  const swapIn = (write: (path: string) => void) => {
    const staged = join(dir, 'staged');
    write(staged);
    renameSync(staged, db);
  };
  const warnings = () => t.logs.filter((line) => line.level === 40).map((line) => String(line.msg));

  it.each([
    [
      'a file that is not a DuckDB database',
      (path: string) => writeFileSync(path, 'branch_id,name\nB1,Harbour Street\n'),
      /not a readable DuckDB warehouse/,
    ],
    [
      'a warehouse cut short',
      (path: string) => {
        copyFileSync(good, path);
        truncateSync(path, statSync(good).size - 4096);
      },
      /truncated/,
    ],
    [
      'a DuckDB file that is no Touchpoint warehouse',
      (path: string) => copyFileSync(foreign, path),
      /not a Touchpoint warehouse/,
    ],
  ])(
    'refuses %s, says why in health and the log, and keeps answering from the data before',
    async (_what, write, reason) => {
      const before = await health();
      const warned = warnings().length;
      swapIn(write);
      const refused = await healthWhen((h) => reason.test(h.load.problem?.reason ?? ''));
      expect(refused.load.problem?.reason).toMatch(reason);
      expect(refused.dataVersion).toBe(before.dataVersion);
      expect(await branches()).toBe(3);
      // Refused once: the watcher goes on looking without opening the same bad file again.
      await sleep(4 * WATCH_INTERVAL_MS);
      expect(warnings().slice(warned)).toEqual([expect.stringMatching(reason)]);
      const later = await health();
      expect(later.load.checkedAt).toBeGreaterThan(refused.load.checkedAt);
      expect(later.load.problem).toEqual(refused.load.problem);
    }
  );

  it('reports a missing file, and serves on', async () => {
    rmSync(db);
    const missing = await healthWhen((h) => h.load.problem?.reason.includes('missing') === true);
    expect(missing.load.problem?.reason).toContain(db);
    expect(await branches()).toBe(3);
  });

  it('picks up the next good file and clears the problem', async () => {
    const before = await health();
    await replaceDatabase(db, async (connection) => {
      await fillSmallWarehouse(connection);
      await connection.run("insert into raw.branches values ('B4', 'New Pier', 'South', null)");
    });
    const after = await healthWhen((h) => h.dataVersion !== before.dataVersion);
    expect(after.load.problem).toBeNull();
    expect(await branches()).toBe(4);
  });
});
