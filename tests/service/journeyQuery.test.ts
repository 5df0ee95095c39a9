import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { journeyColumns } from '@touchpoint/contract/src/journeyColumns';
import { queryResponseSchema, type QueryResult } from '@touchpoint/contract/src/queryRequest';
import { newcombeInterval } from '@touchpoint/server/src/journey/newcombeInterval';
import { journeyRecords, runJourney } from '@touchpoint/server/src/journey/runJourney';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { buildTestWarehouse } from '../support/buildTestWarehouse';
import { serveJourneyFixture } from '../support/serveJourneyFixture';
import type { TestService } from '../support/startTestService';

// The hand-computed fixture of tests/support/journeyFixture.ts, loaded and served as in production.
const range = { from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' };

/** A frame's columns by name. */
const columns = (result: QueryResult): Record<string, unknown[]> => {
  const [frame] = result.frames;
  return Object.fromEntries(frame.schema.fields.map((field, i) => [field.name, frame.data.values[i]]));
};

describe('touchpoint serve: where the journey leaks', () => {
  const dir = tempDir('journey-service');
  let t: TestService;
  beforeAll(async () => {
    t = await serveJourneyFixture(dir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const results = (queries: unknown[]) => t.results({ ...range, queries });

  it('answers one table frame per query: the group, the branch by name, then the contract columns in order', async () => {
    const { A } = await results([{ refId: 'A', kind: 'journey', groupBy: ['branch_id'] }]);
    const [frame] = A.frames;
    expect(frame.schema.fields.map((f) => f.name)).toEqual([
      'touchpoint',
      'branch_id',
      'branch_name',
      ...journeyColumns,
    ]);
    expect(frame.schema.fields.map((f) => f.type)).toEqual([
      'string',
      'string',
      'string',
      ...journeyColumns.map(() => 'number'),
    ]);
    expect(frame.schema.meta).toMatchObject({
      preferredVisualisationType: 'table',
      custom: {
        journey: { groupBy: ['branch_id'], churnWindowDays: 90 },
        minN: 30,
        asOf: Date.parse('2024-06-30T12:00:00Z'),
      },
    });
    const c = columns(A);
    expect(c.touchpoint).toEqual(['kiosk', 'kiosk', 'app', 'app']);
    expect(c.branch_name).toEqual(['Harbour Street', 'Quay Road', 'Harbour Street', 'Quay Road']);
    // B1 app: 2 of 3 exposed churned, 0 of 2 others; B2 app: 1 of 2 against 0 of 2, one incomplete window.
    expect(c.exposed_n).toEqual([0, 1, 3, 2]);
    expect(c.other_n).toEqual([1, 0, 2, 2]);
    expect(c.churn_lift[2]).toBeCloseTo(200 / 3, 9);
    expect(c.churn_lift_low[2]).toBeCloseTo(100 * newcombeInterval(2, 3, 0, 2)!.low, 9);
    expect(c.customers_at_risk).toEqual([null, null, expect.closeTo(2, 9), expect.closeTo(1, 9)]);
    expect(c.incomplete_customers).toEqual([0, 0, 0, 1]);
  });

  it('answers a wall’s moving range exactly: each refresh a minute on, from its whole days and its edges', async () => {
    // The same data, counted at once in its own warehouse: what every refresh must equal.
    const reference = await buildTestWarehouse((connection) => loadDirectory(connection, join(dir, 'input')));
    try {
      // now-150d to now, refreshed a minute apart, from a moment mid-afternoon: partial days at both ends.
      const now = Date.parse('2024-06-29T15:17:23.456Z');
      for (const minutes of [0, 1, 2, 600]) {
        const to = now + minutes * 60_000;
        const from = to - 150 * 86_400_000;
        const response = await t.query({
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          queries: [{ refId: 'A', kind: 'journey', groupBy: ['branch_id'] }],
        });
        const { A } = queryResponseSchema.parse(await response.json()).results;
        // The first request of its whole days reads its range at once, and they are counted after it; the next add
        // their edges to them. Ten hours on, past midnight, the whole days are a day later: a first request again.
        const first = minutes === 0 || minutes === 600;
        expect(A.frames[0].schema.meta?.executedQueryString?.includes('the partial days at the edges')).toBe(!first);
        const expected = journeyRecords(
          (await runJourney(reference.connection, { groupBy: ['branch_id'], filters: {} }, { from, to })).result
        );
        const c = columns(A);
        const served = expected.map((_, row) => Object.fromEntries(Object.keys(c).map((name) => [name, c[name][row]])));
        expect(served.map((r) => ({ ...r, sli: Number(r.sli).toFixed(9) }))).toEqual(
          expected.map((r) => ({ ...r, sli: Number(r.sli).toFixed(9) }))
        );
      }
    } finally {
      reference.close();
    }
  });

  it('filters as the datasource sends a variable: one region, by segment', async () => {
    const { A } = await results([
      { refId: 'A', kind: 'journey', groupBy: ['segment'], filters: { region: ['North'] } },
    ]);
    const c = columns(A);
    expect(c.touchpoint).toEqual(['kiosk', 'kiosk', 'app', 'app']);
    expect(c.segment).toEqual(['retail', null, 'business', 'retail']);
    expect(c.exposed_n).toEqual([0, 0, 1, 2]);
  });

  it('gives a bad groupBy a clear error naming where, and the other queries still answer', async () => {
    const { bad, twice, good } = await results([
      { refId: 'bad', kind: 'journey', groupBy: ['channel'] },
      { refId: 'twice', kind: 'journey', groupBy: ['region', 'region'] },
      { refId: 'good', kind: 'journey' },
    ]);
    expect(bad.error).toEqual({
      code: 'bad_request',
      message: expect.stringMatching(/^invalid query at groupBy\.0: .*"branch_id"\|"region"\|"segment"/),
    });
    expect(twice.error).toEqual({
      code: 'bad_request',
      message: 'journey groupBy names region twice; each of branch_id, region, segment at most once',
    });
    expect(columns(good).touchpoint).toEqual(['kiosk', 'app']);
  });
});

describe('touchpoint serve: a warehouse built with parameters of its own', () => {
  const dir = tempDir('journey-params');
  let t: TestService;
  beforeAll(async () => {
    t = await serveJourneyFixture(dir, { churnWindowDays: 30, minN: 8 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with the churn window and min n the warehouse was built with, not the defaults', async () => {
    const response = await t.query({
      ...range,
      queries: [
        { refId: 'journey', kind: 'journey' },
        { refId: 'sli', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] },
      ],
    });
    expect(response.status).toBe(200);
    const { journey, sli } = queryResponseSchema.parse(await response.json()).results;
    expect(journey.frames[0].schema.meta?.custom).toMatchObject({ journey: { churnWindowDays: 30 }, minN: 8 });
    // 30 days, as tests/model/journeyLeaks.test.ts works out: nobody left within 30 days of a rating.
    const app = columns(journey);
    expect(app.touchpoint).toEqual(['kiosk', 'app']);
    expect([app.exposed_n[1], app.exposed_churned[1], app.other_churned[1], app.incomplete_customers[1]]).toEqual([
      5, 0, 0, 1,
    ]);
    // Low confidence below n 8: Harbour Street's SLI has n 9, Quay Road's 7; under the default 30 both would be flagged.
    const byBranch = columns(sli);
    expect(byBranch.branch_name).toEqual(['Harbour Street', 'Quay Road']);
    expect(byBranch.n).toEqual([9, 7]);
    expect(byBranch.low_confidence).toEqual([false, true]);
    expect(sli.frames[0].schema.meta?.custom).toMatchObject({ minN: 8 });
  });
});

describe('touchpoint serve: a journey question too large for its budget', () => {
  const dir = tempDir('journey-budget');
  let t: TestService;
  beforeAll(async () => {
    t = await serveJourneyFixture(dir, {}, { journeyCacheBytes: 1 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is answered all the same, and the operator is told once that it is counted again on every request', async () => {
    const range = { from: Date.parse('2024-01-31T15:17:23.456Z'), to: Date.parse('2024-06-29T15:17:23.456Z') };
    // Two refreshes a minute apart: the same whole days, neither kept, so each counts them.
    const ask = async (minutes: number) =>
      columns(
        (
          await t.results({
            from: new Date(range.from + minutes * 60_000).toISOString(),
            to: new Date(range.to + minutes * 60_000).toISOString(),
            queries: [{ refId: 'A', kind: 'journey', groupBy: ['branch_id'] }],
          })
        ).A
      );
    const reference = await buildTestWarehouse((connection) => loadDirectory(connection, join(dir, 'input')));
    try {
      for (const minutes of [0, 1]) {
        const moved = { from: range.from + minutes * 60_000, to: range.to + minutes * 60_000 };
        const expected = journeyRecords(
          (await runJourney(reference.connection, { groupBy: ['branch_id'], filters: {} }, moved)).result
        );
        const answer = await ask(minutes);
        expect(answer.exposed_n).toEqual(expected.map((row) => row.exposed_n));
        expect(answer.other_churned).toEqual(expected.map((row) => row.other_churned));
      }
    } finally {
      reference.close();
    }
    const warnings = t.logs.filter((line) => String(line.msg).includes('TOUCHPOINT_JOURNEY_CACHE_BYTES'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 40,
      budget: 1,
      msg: expect.stringMatching(
        /^a journey question's whole days need 1 MiB, more than .* every request reads its range at once$/
      ),
    });
  });
});
