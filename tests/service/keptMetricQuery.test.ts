import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import { metricQuerySchema, type MetricQueryInput } from '@touchpoint/contract/src/metricQuery';
import { fillSmallWarehouse, writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { withPreviousPeriod, previousPeriod } from '@touchpoint/server/src/metrics/previousPeriod';
import type { Row } from '@touchpoint/server/src/db/readRows';
import { compareValues } from '@touchpoint/server/src/db/compareValues';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator } from '../support/metricHelpers';
import { startTestService, type TestService } from '../support/startTestService';
import { until } from '../support/until';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';

// The small warehouse's data ends 2024-04-24 22:20; a wall's `now-60d` from mid-afternoon has partial days at both ends.
const now = Date.parse('2024-04-24T15:17:23.456Z');
const refreshes = [0, 1, 2, 240].map((minutes) => now + minutes * 60_000);

const questions: Array<Omit<MetricQueryInput, 'metric'> & { metric: string; refId: string }> = [
  { refId: 'A', metric: 'sli', groupBy: ['branch_id'] },
  { refId: 'B', metric: 'csat', groupBy: ['channel'], interval: 'day' },
  { refId: 'C', metric: 'nps', groupBy: ['region'], compare: 'previous_period' },
  { refId: 'D', metric: 'fcr', filters: { channel: ['phone', 'chat'] } },
  // A quantile, and sums by a dimension the rollup does not have: both from the fact.
  { refId: 'E', metric: 'resolution_median', groupBy: ['channel'] },
  { refId: 'F', metric: 'csat', groupBy: ['agent_id'] },
];
const fromFact = new Set(['E', 'F']);

/** A frame's rows: a table's columns, or a time series' points with its labels. */
const frameRows = (result: QueryResult): Row[] =>
  result.frames.flatMap((frame) => {
    const names = frame.schema.fields.map((f) => f.name);
    const points = frame.data.values[0]?.length ?? 0;
    return Array.from({ length: points }, (_, i) => {
      const row: Row = Object.fromEntries(names.map((name, c) => [name, frame.data.values[c][i] as Row[string]]));
      return { ...row, ...(frame.schema.fields[1].labels ?? {}) };
    });
  });

describe('touchpoint serve: metrics over a moving range, from whole days kept and their edges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-kept-metrics-'));
  let reference: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    await writeSmallWarehouse(join(dir, 'w.duckdb'));
    // The same data in its own warehouse, read at once: what every refresh must equal.
    reference = await buildTestWarehouse(fillSmallWarehouse);
    metrics = await metricEvaluator(reference.connection);
  });
  afterAll(() => {
    reference.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a question gives read at once over the range, in the frame's terms. */
  const atOnce = async (question: (typeof questions)[number], to: number): Promise<Row[]> => {
    const { refId, metric, ...query } = question;
    const range = { from: to - 60 * 86_400_000, to };
    const source = fromFact.has(refId) ? 'fact' : 'hybrid';
    const rows = await metrics.rows(metric, query, range, source);
    if (!query.compare) {
      return rows;
    }
    const previous = await metrics.rows(metric, query, previousPeriod(range), source);
    return withPreviousPeriod(rows, previous, metricQuerySchema.parse({ ...question }).groupBy);
  };

  const refresh = async (t: TestService, to: number) =>
    t.results({
      from: new Date(to - 60 * 86_400_000).toISOString(),
      to: new Date(to).toISOString(),
      maxDataPoints: 1000,
      queries: questions.map((q) => ({ kind: 'metric', ...q })),
    });

  /** Every refresh equal to the range read at once; the last refresh's results. */
  const expectRefreshesExact = async (t: TestService) => {
    let results: Awaited<ReturnType<typeof refresh>> = {};
    for (const to of refreshes) {
      results = await refresh(t, to);
      for (const question of questions) {
        // A time series comes as one frame per group: both sides by group, then time.
        const byGroup = (rows: Row[]) =>
          [...rows].sort((a, b) =>
            compareValues(JSON.stringify([a.channel, a.time]), JSON.stringify([b.channel, b.time]))
          );
        const served = byGroup(frameRows(results[question.refId]));
        const expected = byGroup(await atOnce(question, to));
        expect(served.length).toBeGreaterThan(0);
        expect({ question: question.refId, to, n: served.map((r) => r.n) }).toEqual({
          question: question.refId,
          to,
          n: expected.map((r) => r.n),
        });
        const close = (rows: Row[], column: string) =>
          rows.map((r) => (r[column] === null ? null : Number(r[column]).toFixed(9)));
        for (const column of ['value', 'previous', 'change']) {
          const name = column === 'value' ? question.metric : column;
          if (expected[0][column] !== undefined) {
            expect({ question: question.refId, to, column, values: close(served, name) }).toEqual({
              question: question.refId,
              to,
              column,
              values: close(expected, column),
            });
          }
        }
      }
    }
    return results;
  };

  it('answers every refresh as the range read at once, from whole days kept', async () => {
    const t = await startTestService(join(dir, 'w.duckdb'));
    try {
      const results = await expectRefreshesExact(t);
      for (const question of questions) {
        expect(results[question.refId].frames[0].schema.meta?.executedQueryString).toMatch(
          /the whole days(, summed once and kept|' values, kept in order by key)/
        );
      }
    } finally {
      await t.close();
    }
  });

  it('answers a question too large for its budget all the same, and tells the operator once', async () => {
    const t = await startTestService(join(dir, 'w.duckdb'), { metricDaysCacheBytes: 1 });
    try {
      await expectRefreshesExact(t);
      const warnings = t.logs.filter((line) => String(line.msg).includes('TOUCHPOINT_METRIC_DAYS_CACHE_BYTES'));
      // One per question (the compared one's two periods are two), however many refreshes.
      expect(warnings).toHaveLength(questions.length + 1);
      expect(warnings[0]).toMatchObject({
        level: 40,
        budget: 1,
        msg: expect.stringMatching(
          /^a metric question's whole days need 1 MiB, .* every request reads its range at once$/
        ),
      });
    } finally {
      await t.close();
    }
  });

  it('after `touchpoint load` writes a new file, counts the questions asked of the old one on it, before they are asked again', async () => {
    const db = join(dir, 'reloaded.duckdb');
    await writeSmallWarehouse(db);
    const t = await startTestService(db, { watchIntervalMs: 100 });
    // The new data: the same, less the phone contacts of one week, with their ratings (a follow-up keeps its own).
    const fewer = async (connection: Parameters<typeof fillSmallWarehouse>[0]) => {
      await fillSmallWarehouse(connection);
      const week = "channel = 'phone' and opened_at >= '2024-04-01' and opened_at < '2024-04-08'";
      await connection.run(
        `delete from raw.followups where response_id in (select response_id from raw.responses where interaction_id in (select interaction_id from raw.interactions where ${week}))`
      );
      await connection.run(
        `delete from raw.responses where interaction_id in (select interaction_id from raw.interactions where ${week})`
      );
      await connection.run(`delete from raw.interactions where ${week}`);
    };
    const countedAhead = () => t.logs.filter((line) => line.msg === 'metric whole days counted ahead for the new data');
    try {
      // The first refresh reads at once and counts after it; the second waits for those counts, so they are kept.
      await refresh(t, refreshes[0]);
      await refresh(t, refreshes[1]);
      expect(countedAhead()).toEqual([]);
      await replaceDatabase(db, fewer);
      // Every question asked (the compared one twice: its two periods), one at a time.
      await until(() => countedAhead().length === questions.length + 1, 'the counts ahead');
      expect(countedAhead().map((line) => (line.question as { metric: string }).metric)).toEqual(
        expect.arrayContaining(questions.map((q) => q.metric))
      );

      // The next refresh answers from the new data, exactly as reading it at once there does.
      const after = await buildTestWarehouse(fewer);
      const before = metrics;
      try {
        metrics = await metricEvaluator(after.connection);
        await expectRefreshesExact(t);
      } finally {
        metrics = before;
        after.close();
      }
    } finally {
      await t.close();
    }
  });
});
