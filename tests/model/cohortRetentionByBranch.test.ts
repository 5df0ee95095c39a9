import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator, utc } from '../support/metricHelpers';

// Three branches in two regions. Two ratings set the data's period: January
// 2024 (first event) to 2024-04-15 (as of), so January's cells are k = 0..2,
// February's k = 0..1 and March's k = 0.
const fill = `
  insert into raw.branches values
    ('B1', 'Harbour Street', 'North', null), ('B2', 'Mill Lane', 'North', null), ('B3', 'Quay Road', 'South', null);
  insert into raw.customers values
    -- id, branch, segment, started, ended, monthly revenue
    ('A1', 'B1', null, '2024-01-05 10:00', null, 10),
    ('A2', 'B1', null, '2024-01-20 10:00', '2024-02-10 10:00', 10),
    ('A3', 'B1', null, '2024-02-03 10:00', '2024-02-25 10:00', 10),
    ('B1C', 'B2', null, '2024-01-11 10:00', '2024-03-15 10:00', 10),
    ('B2C', 'B2', null, '2024-03-02 10:00', null, 10),
    ('C1', 'B3', null, '2024-01-15 10:00', '2024-01-30 10:00', 10),
    ('C2', 'B3', null, '2024-02-14 10:00', null, 10),
    ('C3', 'B3', null, '2024-02-20 10:00', '2024-04-01 10:00', 10),
    -- Started before the data's period: no cohort of its own.
    ('Z', 'B1', null, '2023-12-20 10:00', null, 10);
  insert into raw.responses values
    ('N1', 'B1', 'A1', null, 'email', 'nps_11', 10, '2024-01-03 10:00', null),
    ('N2', 'B3', 'C2', null, 'email', 'nps_11', 9, '2024-04-15 10:00', null);
`;

type Cell = [cohort: string, k: number, size: number, active: number];

/** The triangle of a set of branches as the dashboard asks for it: the per-branch components summed. */
const triangleSql = (branches: string[]) => `
  select strftime(cohort_month, '%Y-%m') as cohort, months_since_start as k,
         sum(cohort_size)::bigint as size, sum(active)::bigint as active
  from rel_cohort_branch_retention
  where branch_id in (${branches.map((b) => `'${b}'`).join(', ')})
  group by all order by 1, 2`;

/** The same triangle straight from dim_customers, by the definition: not ended by the end of month k. */
const directSql = (branches: string[]) => `
  with info as (select first_month, as_of from model_info),
  members as (
      select c.cohort_month, c.ended_at from dim_customers as c, info
      where c.cohort_month >= info.first_month and c.branch_id in (${branches.map((b) => `'${b}'`).join(', ')})
  ),
  cells as (
      select cohort_month, count(*) as size,
             unnest(range(0, datediff('month', cohort_month, any_value(info.as_of)))) as k
      from members, info group by cohort_month
  )
  select strftime(cells.cohort_month, '%Y-%m') as cohort, k, size,
         (select count(*) from members as m
          where m.cohort_month = cells.cohort_month
            and (m.ended_at is null or m.ended_at >= cells.cohort_month + to_months(k + 1))) as active
  from cells order by 1, 2`;

describe('cohort retention per branch, on a hand-computed fixture', () => {
  let warehouse: TestWarehouse;
  const rows = async (sql: string): Promise<Cell[]> =>
    (await readRows(warehouse.connection, sql)).map((r) => [
      String(r.cohort),
      Number(r.k),
      Number(r.size),
      Number(r.active),
    ]);
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterAll(() => warehouse.close());

  // B1: January A1, A2 (A2 gone by the end of February, k = 1); February A3
  // (gone within its first month).
  it('gives one branch its own triangle', async () => {
    const expected: Cell[] = [
      ['2024-01', 0, 2, 2],
      ['2024-01', 1, 2, 1],
      ['2024-01', 2, 2, 1],
      ['2024-02', 0, 1, 0],
      ['2024-02', 1, 1, 0],
    ];
    expect(await rows(triangleSql(['B1']))).toEqual(expected);
    expect(await rows(directSql(['B1']))).toEqual(expected);
  });

  // B1 and B2 (the North region): January adds B2's customer, gone on 15
  // March (k = 2); March is B2's alone.
  it('sums two branches exactly: sizes and actives add, the ratio comes last', async () => {
    const expected: Cell[] = [
      ['2024-01', 0, 3, 3],
      ['2024-01', 1, 3, 2],
      ['2024-01', 2, 3, 1],
      ['2024-02', 0, 1, 0],
      ['2024-02', 1, 1, 0],
      ['2024-03', 0, 1, 1],
    ];
    expect(await rows(triangleSql(['B1', 'B2']))).toEqual(expected);
    expect(await rows(directSql(['B1', 'B2']))).toEqual(expected);
    const [north] = await readRows(
      warehouse.connection,
      `select sum(active)::bigint as active, sum(cohort_size)::bigint as size from rel_cohort_branch_retention
       where region = 'North' and cohort_month = '2024-01-01' and months_since_start = 2`
    );
    expect(north).toEqual({ active: 1, size: 3 });
  });

  // Every branch: B3's C1 leaves within January; C3 leaves in April, after
  // the last cell February has (k = 1), so it still counts as active there.
  it('adds up to the company-wide triangle, cell by cell', async () => {
    const expected: Cell[] = [
      ['2024-01', 0, 4, 3],
      ['2024-01', 1, 4, 2],
      ['2024-01', 2, 4, 1],
      ['2024-02', 0, 3, 2],
      ['2024-02', 1, 3, 2],
      ['2024-03', 0, 1, 1],
    ];
    expect(await rows(triangleSql(['B1', 'B2', 'B3']))).toEqual(expected);
    expect(await rows(directSql(['B1', 'B2', 'B3']))).toEqual(expected);
    expect(
      await rows(
        `select strftime(cohort_month, '%Y-%m') as cohort, months_since_start as k, cohort_size as size, active
         from rel_cohort_retention order by 1, 2`
      )
    ).toEqual(expected);
  });

  it('serves the cohort_retention metric over the same components, filtered by branch or region', async () => {
    const metrics = await metricEvaluator(warehouse.connection);
    const range = { from: utc('2024-01-01T00:00:00'), to: utc('2024-04-15T00:00:00') };
    const cells = (filters: Record<string, string[]>) =>
      metrics
        .rows('cohort_retention', { groupBy: ['cohort_month', 'months_since_start'], filters }, range, 'rollup')
        .then((found) => found.map((row) => [row.months_since_start, row.value, row.n]));
    // North (B1 and B2): the cells of the hand-computed triangle above, as percentages.
    const north = [
      [0, 100, 3],
      [1, (100 * 2) / 3, 3],
      [2, 100 / 3, 3],
      [0, 0, 1],
      [1, 0, 1],
      [0, 100, 1],
    ];
    expect(await cells({ region: ['North'] })).toEqual(north);
    expect(await cells({ branch_id: ['B1', 'B2'] })).toEqual(north);
    // The average curve of B1 alone: k = 0 pools January (2 of 2) and February (0 of 1).
    const curve = await metrics.rows(
      'cohort_retention',
      { groupBy: ['months_since_start'], filters: { branch_id: ['B1'] } },
      range,
      'rollup'
    );
    expect(curve.map((row) => [row.months_since_start, row.value, row.n])).toEqual([
      [0, (100 * 2) / 3, 3],
      [1, 100 / 3, 3],
      [2, 50, 2],
    ]);
  });

  it('keeps no cell for a branch without customers in that cohort, and one region per branch', async () => {
    const [counts] = await readRows(
      warehouse.connection,
      `select count(*) filter (where branch_id = 'B2' and cohort_month = '2024-02-01') as b2_february,
              count(distinct (branch_id, region)) as pairs, count(distinct branch_id) as branches
       from rel_cohort_branch_retention`
    );
    expect(counts).toEqual({ b2_february: 0, pairs: 3, branches: 3 });
  });
});
