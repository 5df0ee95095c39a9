import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, ceilDay, floorDay } from '@touchpoint/contract/src/timeRange';
import { journeyRecords, runJourney } from '@touchpoint/server/src/journey/runJourney';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator } from '../support/metricHelpers';
import { writeJourneyFixture } from '../support/journeyFixture';
import { serveJourneyFixture } from '../support/serveJourneyFixture';
import type { TestService } from '../support/startTestService';
import { until } from '../support/until';

const JOURNEY_AHEAD = 'journey whole days counted ahead for the new day';
const METRIC_AHEAD = 'metric whole days counted ahead for the new day';

describe('touchpoint serve: at UTC midnight, the questions asked the day before are counted a day on', () => {
  const dir = tempDir('midnight');
  let t: TestService;
  let reference: TestWarehouse;
  // The service's clock, five seconds before a UTC midnight when the service first reads it (as it starts, after
  // the load): the real timer then fires in five seconds, time for the wall's first refresh (a few hundred ms) on
  // a loaded machine.
  const midnight = Date.UTC(2026, 0, 1);
  let started: number | undefined;
  const clock = () => {
    started ??= Date.now();
    return midnight - 5000 + (Date.now() - started);
  };
  beforeAll(async () => {
    const input = writeJourneyFixture(join(dir, 'reference'));
    reference = await buildTestWarehouse((connection) => loadDirectory(connection, input));
    t = await serveJourneyFixture(dir, {}, {}, { now: clock });
  });
  afterAll(async () => {
    await t.close();
    reference.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the wall’s journey and metric questions for the next whole days, and the next day’s refresh equals a count at once', async () => {
    // A wall's now-90d at mid-afternoon (the data's days, not the clock's): partial days at both ends.
    const to = Date.parse('2024-06-29T15:17:23.456Z');
    const from = to - 90 * DAY_MS;
    const ask = (shift: number) =>
      t.results({
        from: new Date(from + shift).toISOString(),
        to: new Date(to + shift).toISOString(),
        queries: [
          { refId: 'J', kind: 'journey', groupBy: ['branch_id'] },
          { refId: 'M', kind: 'metric', metric: 'csat', groupBy: ['branch_id'] },
        ],
      });
    await ask(0);
    // Asked and kept the day before: what midnight counts a day on.
    expect(clock()).toBeLessThan(midnight);
    expect(t.logs.some((line) => line.msg === JOURNEY_AHEAD || line.msg === METRIC_AHEAD)).toBe(false);

    await until(
      () => t.logs.some((line) => line.msg === JOURNEY_AHEAD) && t.logs.some((line) => line.msg === METRIC_AHEAD),
      'the counts ahead at midnight'
    );
    const next = { from: ceilDay(from) + DAY_MS, to: floorDay(to) + DAY_MS };
    expect(t.logs.find((line) => line.msg === JOURNEY_AHEAD)?.question).toEqual({
      groupBy: ['branch_id'],
      filters: {},
      whole: next,
    });
    expect(t.logs.find((line) => line.msg === METRIC_AHEAD)?.question).toMatchObject({
      metric: 'csat',
      groupBy: ['branch_id'],
      days: next,
    });

    // The wall's next refresh, a day on: what counting the range at once gives.
    const { J, M } = await ask(DAY_MS);
    const expected = journeyRecords(
      (
        await runJourney(
          reference.connection,
          { groupBy: ['branch_id'], filters: {} },
          { from: from + DAY_MS, to: to + DAY_MS }
        )
      ).result
    );
    const [frame] = J.frames;
    const column = (name: string) => frame.data.values[frame.schema.fields.findIndex((field) => field.name === name)];
    expect(column('ratings')).toEqual(expected.map((row) => row.ratings));
    expect(column('exposed_churned')).toEqual(expected.map((row) => row.exposed_churned));
    const metrics = await metricEvaluator(reference.connection);
    const atOnce = await metrics.rows(
      'csat',
      { groupBy: ['branch_id'] },
      { from: from + DAY_MS, to: to + DAY_MS },
      'hybrid'
    );
    const [table] = M.frames;
    const field = (name: string) => table.data.values[table.schema.fields.findIndex((f) => f.name === name)];
    expect(field('branch_id')).toEqual(atOnce.map((row) => row.branch_id));
    expect(field('n')).toEqual(atOnce.map((row) => row.n));
    expect(field('csat')).toEqual(atOnce.map((row) => expect.closeTo(Number(row.value), 9)));
  });
});
