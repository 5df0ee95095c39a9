import { readRows } from '@touchpoint/server/src/db/readRows';
import { fillSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { arbitraryRanges as cutRanges } from '../support/arbitraryRanges';
import { metricEvaluator, utc } from '../support/metricHelpers';

const closedLoopRatios = [
  'negative_ratings',
  'followup_coverage',
  'loop_closed_in_sla',
  'followups_overdue',
  'recovery_rate',
] as const;
const groupings = [[], ['branch_id'], ['region', 'touchpoint'], ['instrument']];

// Ranges cut anywhere (to the millisecond) inside the small warehouse's January..April 2024, from a fixed LCG.
const arbitraryRanges = cutRanges(20240101, 8, utc('2024-01-01T00:00:00'), utc('2024-04-25T00:00:00'));

describe('the closed loop from the rollup is exact for any range and grouping', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fillSmallWarehouse);
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  it.each(closedLoopRatios)(
    '%s: whole days from the rollup and edge hours from the fact equal the fact alone, over ranges cut anywhere',
    async (name) => {
      for (const range of arbitraryRanges) {
        for (const groupBy of groupings) {
          for (const interval of [undefined, 'week' as const]) {
            const query = { groupBy, ...(interval ? { interval } : {}) };
            const hybrid = await metrics.rows(name, query, range, 'hybrid');
            expect({ range, groupBy, interval, rows: hybrid }).toEqual({
              range,
              groupBy,
              interval,
              rows: await metrics.rows(name, query, range, 'fact'),
            });
          }
        }
      }
    }
  );

  it.each(closedLoopRatios)('%s by month and branch from the rollup alone equals the fact', async (name) => {
    const period = { from: utc('2024-01-01T00:00:00'), to: utc('2024-05-01T00:00:00') };
    const query = { groupBy: ['branch_id'], interval: 'month' as const };
    const fromRollup = await metrics.rows(name, query, period, 'rollup');
    expect(fromRollup.length).toBeGreaterThanOrEqual(9);
    expect(fromRollup.some((row) => Number(row.n) > 0 && row.value !== null)).toBe(true);
    expect(fromRollup).toEqual(await metrics.rows(name, query, period, 'fact'));
  });

  it('agrees with the definitions counted straight from the raw tables, per branch', async () => {
    // Negative by instrument (five-level scales 1..2, CES 1..3, NPS 0..6), the first re-rating found by
    // ordering, not by the model's arg_min: an independent reading of docs/metrics.md.
    const fromRaw = await readRows(
      warehouse.connection,
      `with as_of as (select max(t) as as_of from (
           select greatest(opened_at, first_response_at, resolved_at) as t from raw.interactions
           union all select responded_at from raw.responses
           union all select greatest(started_at, ended_at) from raw.customers
           union all select greatest(opened_at, first_contact_at, closed_at) from raw.followups)),
       negatives as (
           select r.*, f.followup_id, f.closed_at
           from raw.responses as r left join raw.followups as f using (response_id)
           where (r.instrument in ('csat_5', 'stars_5', 'smiley_5') and r.score <= 2)
              or (r.instrument = 'ces_7' and r.score <= 3)
              or (r.instrument = 'nps_11' and r.score <= 6)),
       next_ratings as (
           select n.response_id, (
               select case when (x.instrument in ('csat_5', 'stars_5', 'smiley_5') and x.score <= 2)
                             or (x.instrument = 'ces_7' and x.score <= 3)
                             or (x.instrument = 'nps_11' and x.score <= 6) then 0 else 1 end
               from raw.responses as x
               where x.customer_id = n.customer_id and x.responded_at > n.closed_at
                 and x.responded_at <= n.closed_at + interval 90 day
               order by x.responded_at, x.response_id limit 1) as recovered
           from negatives as n where n.closed_at is not null and n.customer_id is not null)
       select branch_id,
              count(*) as negative_ratings,
              count(customer_id) as eligible,
              count(*) filter (where customer_id is not null and followup_id is not null) as cases,
              count(*) filter (where customer_id is not null and closed_at <= responded_at + interval 48 hour) as in_sla,
              count(*) filter (where customer_id is not null and closed_at is null
                                 and responded_at + interval 48 hour < (select as_of from as_of)) as overdue,
              count(x.recovered) as recovery_n,
              coalesce(sum(x.recovered), 0) as recovered
       from negatives left join next_ratings as x using (response_id)
       group by branch_id order by branch_id`
    );
    const period = { from: utc('2024-01-01T00:00:00'), to: utc('2024-05-01T00:00:00') };
    const byBranch = async (name: string) =>
      (await metrics.rows(name, { groupBy: ['branch_id'] }, period, 'hybrid')).map((r) => [r.value, r.n]);
    const ratio = (a: number, b: number) => (b === 0 ? null : (100 * a) / b);
    expect(fromRaw.every((r) => Number(r.recovery_n) > 0 && Number(r.overdue) > 0)).toBe(true);
    expect(await byBranch('negative_ratings')).toEqual(
      fromRaw.map((r) => [Number(r.negative_ratings), Number(r.negative_ratings)])
    );
    for (const [name, numerator, denominator] of [
      ['followup_coverage', 'cases', 'eligible'],
      ['loop_closed_in_sla', 'in_sla', 'eligible'],
      ['recovery_rate', 'recovered', 'recovery_n'],
    ] as const) {
      const values = await byBranch(name);
      fromRaw.forEach((r, i) => {
        expect(values[i][1]).toBe(Number(r[denominator]));
        expect(values[i][0]).toBeCloseTo(ratio(Number(r[numerator]), Number(r[denominator])) ?? NaN, 10);
      });
    }
    expect(await byBranch('followups_overdue')).toEqual(fromRaw.map((r) => [Number(r.overdue), Number(r.eligible)]));
  });
});
