import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator, utc } from '../support/metricHelpers';

// docs/metrics.md's worked example: 250 five-level responses, 181 Excellent,
// 26 Good, 4 Neutral, 27 Bad, 12 Unacceptable -> 1685 points of 2500 -> 67.4.
const workedExample = [
  { score: 5, count: 181 },
  { score: 4, count: 26 },
  { score: 3, count: 4 },
  { score: 2, count: 27 },
  { score: 1, count: 12 },
];

const fill = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', 'Europe/London');
  insert into raw.responses
  select 'R' || lpad(i::varchar, 4, '0'), 'B1', null, null, 'kiosk', 'smiley_5', s.score,
         timestamp '2024-05-01 09:00' + to_minutes(i), null
  from (values ${workedExample.map((e) => `(${e.score}, ${e.count})`).join(', ')}) as s(score, n),
       lateral (select unnest(range(n)) as k) as r,
       lateral (select (s.score * 1000 + r.k) as i) as ids;
`;

describe('SLI', () => {
  let warehouse: TestWarehouse;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterAll(() => warehouse.close());

  it('reproduces the worked example of docs/metrics.md exactly: 67.4', async () => {
    const [month] = await readRows(warehouse.connection, `select sli, sli_n from rel_branch_month where sli_n > 0`);
    expect(month).toEqual({ sli: 67.4, sli_n: 250 });
  });

  it('gives 67.4 from the daily rollup, from the response fact and from the catalog formula alike', async () => {
    const metrics = await metricEvaluator(warehouse.connection);
    const may = { from: utc('2024-05-01T00:00:00'), to: utc('2024-06-01T00:00:00') };
    expect(await metrics.value('sli', may, 'rollup')).toBe(67.4);
    expect(await metrics.value('sli', may, 'fact')).toBe(67.4);
  });

  it('explains the score level by level: the counts of each of the five levels', async () => {
    const [levels] = await readRows(
      warehouse.connection,
      `select sum(sli_excellent) e, sum(sli_good) g, sum(sli_neutral) n, sum(sli_bad) b, sum(sli_unacceptable) u,
              sum(sli_weighted_points) points from agg_response_daily`
    );
    expect(levels).toEqual({ e: 181, g: 26, n: 4, b: 27, u: 12, points: 1685 });
  });
});

describe('SLI mapping of each instrument', () => {
  let warehouse: TestWarehouse;
  const cases = [
    ['csat_5', [1, 2, 3, 4, 5], [-10, -5, 0, 5, 10]],
    ['stars_5', [1, 2, 3, 4, 5], [-10, -5, 0, 5, 10]],
    ['smiley_5', [1, 2, 3, 4, 5], [-10, -5, 0, 5, 10]],
    ['nps_11', [0, 5, 10], [-10, 0, 10]],
    ['ces_7', [1, 4, 7], [-10, 0, 10]],
  ] as const;
  beforeAll(async () => {
    const rows = cases.flatMap(([instrument, scores]) =>
      scores.map(
        (score) =>
          `('${instrument}-${score}', 'B1', null, null, 'web', '${instrument}', ${score}, '2024-05-01 10:00', null)`
      )
    );
    warehouse = await buildTestWarehouse(`
      insert into raw.branches values ('B1', 'Harbour Street', null, null);
      insert into raw.responses values ${rows.join(', ')};
    `);
  });
  afterAll(() => warehouse.close());

  it.each(cases)('maps %s scores %j linearly onto %j points', async (instrument, scores, points) => {
    const rows = await readRows(
      warehouse.connection,
      `select score, sli_points from fct_responses where instrument = $1 order by score`,
      [instrument]
    );
    expect(rows.map((r) => r.score)).toEqual([...scores]);
    expect(rows.map((r) => r.sli_points)).toEqual([...points]);
  });
});

describe('SLI touchpoint weights', () => {
  it('weigh each response by its touchpoint: a weighted mean of points', async () => {
    const warehouse = await buildTestWarehouse(`
      update ref_touchpoints set sli_weight = 3 where touchpoint = 'kiosk';
      insert into raw.branches values ('B1', 'Harbour Street', null, null);
      insert into raw.responses values
        ('K1', 'B1', null, null, 'kiosk', 'stars_5', 5, '2024-05-01 10:00', null),
        ('W1', 'B1', null, null, 'web', 'stars_5', 1, '2024-05-01 10:00', null);
    `);
    try {
      const [month] = await readRows(warehouse.connection, `select sli, sli_n from rel_branch_month where sli_n > 0`);
      // (3 * 10 + 1 * -10) / (10 * (3 + 1)) = 50, where the unweighted SLI would be 0
      expect(month).toEqual({ sli: 50, sli_n: 2 });
    } finally {
      warehouse.close();
    }
  });
});
