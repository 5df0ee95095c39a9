import { planSeed, randomSource, seedOptionsSchema, seedRawTables } from '@touchpoint/seed';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator } from '../support/metricHelpers';

// Seeded data, so every branch, channel and day has real volume.
const plan = planSeed(seedOptionsSchema.parse({ scale: 0.05, seed: 7, end: '2026-06-30' }));
const year = { from: Date.UTC(2025, 6, 1), to: Date.UTC(2026, 6, 1) };

describe('rolling up a rollup gives the value computed from rows', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse((connection) => seedRawTables(connection, plan, randomSource(plan.seed)));
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  const ratioMetrics = [
    'csat',
    'ces_mean',
    'ces_index',
    'fcr',
    'aht',
    'frt_mean',
    'resolution_mean',
    'volume',
    'open_contacts',
    'sli',
    'nps',
    'responses',
    'negative_ratings',
    'followup_coverage',
    'loop_closed_in_sla',
    'followups_overdue',
    'recovery_rate',
  ];

  it.each(ratioMetrics)('%s by month and region from the daily branch rollup equals the fact', async (name) => {
    const query = { groupBy: ['region'], interval: 'month' as const };
    const fromRollup = await metrics.rows(name, query, year, 'rollup');
    const fromFact = await metrics.rows(name, query, year, 'fact');
    expect(fromRollup.length).toBeGreaterThan(12);
    expect(fromRollup.map((r) => [r.time, r.region, r.n])).toEqual(fromFact.map((r) => [r.time, r.region, r.n]));
    fromRollup.forEach((row, i) => {
      // Integer components match exactly; sums of seconds may differ in the last bits of a double.
      // A ratio of nothing (no case re-rated in a month) is null from both.
      if (fromFact[i].value === null) {
        expect(row.value).toBeNull();
      } else {
        expect(row.value).toBeCloseTo(Number(fromFact[i].value), 9);
      }
    });
  });

  it('churn by month and region from the rollup equals a count over the raw customers', async () => {
    const fromRollup = await metrics.rows('churn_rate', { groupBy: ['region'], interval: 'month' }, year, 'rollup');
    const fromRaw = await readRows(
      warehouse.connection,
      `with months as (select unnest(generate_series(date '2025-07-01', date '2026-06-01', interval 1 month))::date as time)
       select time, b.region,
              100.0 * count(*) filter (where c.ended_at >= time and c.ended_at < time + interval 1 month)
                    / count(*) filter (where c.started_at < time and (c.ended_at is null or c.ended_at >= time)) as value
       from months, raw.customers as c join raw.branches as b using (branch_id)
       group by all order by time, region`
    );
    expect(fromRollup.map((r) => [r.time, r.region])).toEqual(fromRaw.map((r) => [r.time, r.region]));
    fromRollup.forEach((row, i) => expect(row.value).toBeCloseTo(Number(fromRaw[i].value), 12));
  });

  it('SLI for the whole company is the same from months, from days and from branches', async () => {
    const [whole] = await metrics.rows('sli', {}, year, 'fact');
    const [fromRollup] = await metrics.rows('sli', {}, year, 'rollup');
    const months = await readRows(
      warehouse.connection,
      `select 100.0 * sum(sli_weighted_points) / (10.0 * sum(sli_weight)) as sli from rel_branch_month where month >= '2025-07-01' and month < '2026-07-01'`
    );
    expect(fromRollup.value).toBeCloseTo(Number(whole.value), 10);
    expect(months[0].sli).toBeCloseTo(Number(whole.value), 10);
  });
});
