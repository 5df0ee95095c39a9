import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator, utc } from '../support/metricHelpers';

// Six customers of one branch; the data's period runs from January 2024
// (first event) to 2024-04-15 (last event), so January is the first month.
const fill = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', null);
  insert into raw.customers values
    -- id, branch, segment, started, ended, monthly revenue
    ('A', 'B1', null, '2023-11-15 10:00', null, 100),
    ('B', 'B1', null, '2023-12-20 10:00', '2024-02-10 10:00', 50),
    ('C', 'B1', null, '2024-01-05 10:00', '2024-01-25 10:00', 30),
    ('D', 'B1', null, '2024-01-10 10:00', null, null),
    ('E', 'B1', null, '2024-01-31 10:00', '2024-03-01 00:00', 40),
    ('F', 'B1', null, '2024-02-15 10:00', null, 60);
  insert into raw.responses values
    ('N1', 'B1', 'A', null, 'email', 'nps_11', 10, '2024-01-03 10:00', null),
    ('N2', 'B1', 'A', null, 'email', 'nps_11', 9, '2024-01-10 10:00', null),
    ('N3', 'B1', 'D', null, 'sms', 'nps_11', 9, '2024-01-11 10:00', null),
    ('N4', 'B1', 'D', null, 'sms', 'nps_11', 8, '2024-01-12 10:00', null),
    ('N5', 'B1', 'F', null, 'app', 'nps_11', 7, '2024-02-20 10:00', null),
    ('N6', 'B1', 'F', null, 'app', 'nps_11', 6, '2024-02-21 10:00', null),
    ('N7', 'B1', 'A', null, 'web', 'nps_11', 3, '2024-02-22 10:00', null),
    ('N8', 'B1', 'A', null, 'web', 'nps_11', 10, '2024-04-15 10:00', null);
`;

const month = (m: string) => ({ from: utc(`2024-${m}-01T00:00:00`), to: Date.UTC(2024, Number(m), 1) });

describe('relationship-level metrics on a hand-computed fixture', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  // Promoters 10, 9, 9, 10; passives 8, 7; detractors 6, 3 -> 100 * (4 - 2) / 8.
  it('NPS is promoters minus detractors over all answers, passives only in the denominator: 25', async () => {
    const all = { from: utc('2024-01-01T00:00:00'), to: utc('2024-05-01T00:00:00') };
    expect(await metrics.value('nps', all, 'rollup')).toBe(25);
    expect(await metrics.value('nps', all, 'fact')).toBe(25);
  });

  it('NPS of a quarter is computed from summed components, not averaged from months', async () => {
    const quarter = { from: utc('2024-01-01T00:00:00'), to: utc('2024-04-01T00:00:00') };
    // Jan: 3 promoters of 4 (75); Feb: 0 promoters, 2 detractors of 3 (-66.7).
    // Pooled: 100 * (3 - 2) / 7 = 14.29; the mean of monthly NPS would be 4.17.
    expect(await metrics.value('nps', quarter)).toBeCloseTo(100 / 7, 10);
  });

  // Active at Jan 1: A, B. Ended in January: C (who also started in it) -> 1 / 2.
  // Feb 1: A, B, D, E; B ended -> 1 / 4. Mar 1 00:00: A, D, E, F (E ends at that
  // very instant, so was active at the start) -> 1 / 4. Apr: A, D, F, none ended.
  it.each([
    ['01', 50, 2],
    ['02', 25, 4],
    ['03', 25, 4],
    ['04', 0, 3],
  ])('churn in 2024-%s is ended in the month over active at its start: %d%% of %d', async (m, churn, activeAtStart) => {
    const [row] = await metrics.rows('churn_rate', {}, month(m), 'rollup');
    expect(row).toEqual({ value: churn, n: activeAtStart });
    expect(await metrics.value('retention_rate', month(m))).toBe(100 - churn);
  });

  it('churn of a longer period uses the stock at its start and the ends within it: Feb..Apr 2 / 4', async () => {
    const span = { from: utc('2024-02-01T00:00:00'), to: utc('2024-05-01T00:00:00') };
    expect(await metrics.value('churn_rate', span)).toBe(50);
  });

  it('rel_branch_month agrees with the metrics: churn, retention, ARPU and CLV', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select strftime(month, '%Y-%m') as month, active_at_start, churned, churn_rate, retention_rate, arpu, clv
       from rel_branch_month order by month`
    );
    expect(rows).toEqual([
      { month: '2024-01', active_at_start: 2, churned: 1, churn_rate: 0.5, retention_rate: 0.5, arpu: 75, clv: 150 },
      // Feb ARPU: A 100, B 50, E 40 (D has no revenue) -> 190 / 3; CLV = ARPU / 0.25.
      {
        month: '2024-02',
        active_at_start: 4,
        churned: 1,
        churn_rate: 0.25,
        retention_rate: 0.75,
        arpu: 190 / 3,
        clv: 190 / 3 / 0.25,
      },
      {
        month: '2024-03',
        active_at_start: 4,
        churned: 1,
        churn_rate: 0.25,
        retention_rate: 0.75,
        arpu: 200 / 3,
        clv: 200 / 3 / 0.25,
      },
      // No churn in April: CLV is undefined (null), not infinite.
      { month: '2024-04', active_at_start: 3, churned: 0, churn_rate: 0, retention_rate: 1, arpu: 160 / 2, clv: null },
    ]);
  });

  it('CLV from the catalog equals rel_branch_month and scales with the gross margin', async () => {
    expect(await metrics.value('clv', month('02'))).toBeCloseTo(190 / 3 / 0.25, 9);
    const halfMargin = await buildTestWarehouse(fill, { grossMargin: 0.5 });
    try {
      const [feb] = await readRows(
        halfMargin.connection,
        `select clv from rel_branch_month where month = '2024-02-01'`
      );
      expect(feb.clv).toBeCloseTo(((190 / 3) * 0.5) / 0.25, 9);
      expect(await (await metricEvaluator(halfMargin.connection)).value('clv', month('02'))).toBeCloseTo(
        ((190 / 3) * 0.5) / 0.25,
        9
      );
    } finally {
      halfMargin.close();
    }
  });

  // Cohorts inside the period: January (C, D, E) and February (F). The data
  // ends 2024-04-15, so January's cells are k = 0..2 and February's k = 0..1.
  // January: C leaves within month 0; E leaves on Mar 1, within month 2.
  it('builds the cohort triangle: active at the end of month k over cohort size', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select strftime(cohort_month, '%Y-%m') as cohort, months_since_start as k, cohort_size, active, retention
       from rel_cohort_retention order by cohort_month, k`
    );
    expect(rows).toEqual([
      { cohort: '2024-01', k: 0, cohort_size: 3, active: 2, retention: 2 / 3 },
      { cohort: '2024-01', k: 1, cohort_size: 3, active: 2, retention: 2 / 3 },
      { cohort: '2024-01', k: 2, cohort_size: 3, active: 1, retention: 1 / 3 },
      { cohort: '2024-02', k: 0, cohort_size: 1, active: 1, retention: 1 },
      { cohort: '2024-02', k: 1, cohort_size: 1, active: 1, retention: 1 },
    ]);
  });

  it('averages the retention curve weighted by cohort size', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select months_since_start as k, customers, active, retention from rel_retention_curve order by k`
    );
    expect(rows).toEqual([
      { k: 0, customers: 4, active: 3, retention: 0.75 },
      { k: 1, customers: 4, active: 3, retention: 0.75 },
      { k: 2, customers: 3, active: 1, retention: 1 / 3 },
    ]);
  });

  it('describes each customer: cohort, status and tenure as of the data end', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select customer_id, strftime(cohort_month, '%Y-%m') as cohort, status, tenure_days, nps_class
       from dim_customers order by customer_id`
    );
    expect(rows).toEqual([
      { customer_id: 'A', cohort: '2023-11', status: 'active', tenure_days: 152, nps_class: 'promoter' },
      { customer_id: 'B', cohort: '2023-12', status: 'churned', tenure_days: 52, nps_class: null },
      { customer_id: 'C', cohort: '2024-01', status: 'churned', tenure_days: 20, nps_class: null },
      { customer_id: 'D', cohort: '2024-01', status: 'active', tenure_days: 96, nps_class: 'passive' },
      { customer_id: 'E', cohort: '2024-01', status: 'churned', tenure_days: 30, nps_class: null },
      { customer_id: 'F', cohort: '2024-02', status: 'active', tenure_days: 60, nps_class: 'detractor' },
    ]);
  });

  it('keys rel_customer_month by customer and month, from the start month to the end or as of', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select customer_id, count(*) as months, count(distinct month) as distinct_months,
              strftime(min(month), '%Y-%m') as first, strftime(max(month), '%Y-%m') as last
       from rel_customer_month group by customer_id order by customer_id`
    );
    expect(rows).toEqual([
      // A and B started before the period: their months start at its first month.
      { customer_id: 'A', months: 4, distinct_months: 4, first: '2024-01', last: '2024-04' },
      { customer_id: 'B', months: 2, distinct_months: 2, first: '2024-01', last: '2024-02' },
      { customer_id: 'C', months: 1, distinct_months: 1, first: '2024-01', last: '2024-01' },
      { customer_id: 'D', months: 4, distinct_months: 4, first: '2024-01', last: '2024-04' },
      { customer_id: 'E', months: 3, distinct_months: 3, first: '2024-01', last: '2024-03' },
      { customer_id: 'F', months: 3, distinct_months: 3, first: '2024-02', last: '2024-04' },
    ]);
  });
});
