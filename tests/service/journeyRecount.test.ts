import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, ceilDay, floorDay } from '@touchpoint/contract/src/timeRange';
import { journeyRecords, runJourney } from '@touchpoint/server/src/journey/runJourney';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { buildTestWarehouse } from '../support/buildTestWarehouse';
import { serveJourneyFixture } from '../support/serveJourneyFixture';
import type { TestService } from '../support/startTestService';
import { until } from '../support/until';

const COUNTED_AHEAD = 'journey whole days counted ahead for the new data';

describe('touchpoint serve: a new file counts ahead the journey questions the last one was asked', () => {
  const dir = tempDir('journey-recount');
  const db = join(dir, 'w.duckdb');
  const input = join(dir, 'input');
  let t: TestService;
  beforeAll(async () => {
    t = await serveJourneyFixture(dir, {}, { watchIntervalMs: 100 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after `touchpoint load` writes a new file, counts the wall’s question on it before the wall asks again', async () => {
    // A wall's now-150d at mid-afternoon: partial days at both ends, its whole days kept.
    const to = Date.parse('2024-06-29T15:17:23.456Z');
    const from = to - 150 * DAY_MS;
    const ask = async () => {
      const { A } = await t.results({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        queries: [{ refId: 'A', kind: 'journey', groupBy: ['branch_id'] }],
      });
      const [frame] = A.frames;
      return frame.data.values[frame.schema.fields.findIndex((field) => field.name === 'exposed_churned')];
    };
    const before = await ask();
    expect(t.logs.some((line) => line.msg === COUNTED_AHEAD)).toBe(false);

    // The same files loaded again with a 30-day churn window: other answers, a new file on the served path.
    await replaceDatabase(
      db,
      async (connection) => {
        await loadDirectory(connection, input);
      },
      { params: { churnWindowDays: 30 } }
    );
    await until(() => t.logs.some((line) => line.msg === COUNTED_AHEAD), 'the count ahead');
    const counted = t.logs.find((line) => line.msg === COUNTED_AHEAD);
    expect(counted?.question).toEqual({
      groupBy: ['branch_id'],
      filters: {},
      whole: { from: ceilDay(from), to: floorDay(to) },
    });

    // The next refresh answers from the new data, exactly as counting it at once there does.
    const reference = await buildTestWarehouse((connection) => loadDirectory(connection, input), {
      churnWindowDays: 30,
    });
    try {
      const expected = journeyRecords(
        (await runJourney(reference.connection, { groupBy: ['branch_id'], filters: {} }, { from, to })).result
      );
      const after = await ask();
      expect(after).toEqual(expected.map((row) => row.exposed_churned));
      expect(after).not.toEqual(before);
    } finally {
      reference.close();
    }
  });

  it('counts ahead only what requests asked of the last file: a wall taken down stops costing counts', async () => {
    const countedAhead = () => t.logs.filter((line) => line.msg === COUNTED_AHEAD).length;
    const swaps = () => t.logs.filter((line) => line.msg === 'new data loaded').length;
    const load = async () => {
      const before = swaps();
      await replaceDatabase(db, async (connection) => {
        await loadDirectory(connection, input);
      });
      await until(() => swaps() > before, 'the new file to be served');
    };
    // The wall asked of the file the test above left (its last refresh): counted ahead for the next one.
    const ahead = countedAhead();
    await load();
    await until(() => countedAhead() > ahead, 'the count ahead');
    // Nothing asks of that file: the next one counts nothing ahead.
    await load();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(countedAhead()).toBe(ahead + 1);
  });
});
