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

  // The edges are read from the time-ordered facts one span at a time, and an
  // empty edge (a range starting or ending on midnight) is not read at all.
  const day = 86_400_000;
  const midnight = Date.UTC(2026, 2, 31);
  const edgeRanges = [
    { name: 'starting on midnight', from: midnight, to: midnight + 40 * day + 1 },
    { name: 'ending on midnight', from: midnight - 90 * day + 7, to: midnight },
    { name: 'on midnights at both ends', from: midnight - 30 * day, to: midnight },
    { name: 'within one day', from: midnight + 3_600_000 + 1, to: midnight + 20 * 3_600_000 },
    { name: 'across one midnight', from: midnight - 10 * 3_600_000, to: midnight + 14 * 3_600_000 },
    { name: 'cut to the millisecond', from: midnight - 90 * day + 41_113_017, to: midnight + 5 * day + 999 },
  ];
  it.each(['sli', 'nps', 'csat', 'fcr', 'volume', 'negative_ratings'])(
    '%s from the rollup and the edges of the time-ordered fact equals the fact alone, for ranges cut on and off midnight',
    async (name) => {
      for (const { name: shape, ...range } of edgeRanges) {
        for (const query of [{ groupBy: ['branch_id'] }, { groupBy: ['region'], interval: 'week' as const }]) {
          const hybrid = await metrics.rows(name, query, range, 'hybrid');
          const fact = await metrics.rows(name, query, range, 'fact');
          expect({ shape, rows: hybrid.length > 0 }).toEqual({ shape, rows: true });
          // Keys and counts match exactly; a sum of doubles may differ in its last bits.
          const keys = (rows: typeof fact) => rows.map(({ value, ...rest }) => ({ ...rest, hasValue: value !== null }));
          expect({ shape, query, rows: keys(hybrid) }).toEqual({ shape, query, rows: keys(fact) });
          hybrid.forEach((row, i) => expect(Number(row.value)).toBeCloseTo(Number(fact[i].value), 9));
        }
      }
    }
  );

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

  it("rel_branch_month's customer stocks and flows are rel_customer_month's sums, revenue exactly", async () => {
    // rel_branch_month runs its stocks as sums over months of each customer's span; the view unnests every
    // customer-month. The revenue is compared as the decimal it was loaded as: the running sum is exact.
    const differences = await readRows(
      warehouse.connection,
      `with unnested as (
         select branch_id, month, sum(active_at_start)::bigint as active_at_start, sum(started)::bigint as started,
                sum(churned)::bigint as churned, sum(revenue_at_start::decimal(18, 2))::double as revenue_at_start,
                sum(revenue_n)::bigint as revenue_n
         from rel_customer_month group by all
       )
       select m.branch_id, m.month from rel_branch_month as m left join unnested as u using (branch_id, month)
       where m.active_at_start <> coalesce(u.active_at_start, 0) or m.started <> coalesce(u.started, 0)
          or m.churned <> coalesce(u.churned, 0) or m.revenue_at_start <> coalesce(u.revenue_at_start, 0)
          or m.revenue_n <> coalesce(u.revenue_n, 0)
       union all
       select u.branch_id, u.month from unnested as u anti join rel_branch_month as m using (branch_id, month)`
    );
    expect(differences).toEqual([]);
    const [totals] = await readRows(
      warehouse.connection,
      'select sum(active_at_start) as active, sum(started) as started, sum(churned) as churned from rel_branch_month'
    );
    expect(Number(totals.active)).toBeGreaterThan(0);
    expect(Number(totals.started)).toBeGreaterThan(0);
    expect(Number(totals.churned)).toBeGreaterThan(0);
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
