import { rmSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JourneyDimension } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { newcombeInterval } from '@touchpoint/server/src/journey/newcombeInterval';
import type { KeptWholeDays } from '@touchpoint/server/src/journey/journeyEdges';
import type { WholeDaysKeeper } from '@touchpoint/server/src/days/splitWholeDays';
import { journeyRecords, runJourney } from '@touchpoint/server/src/journey/runJourney';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { tempDir } from '@touchpoint/server/src/load/testing/loadFixtures';
import { fillSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { writeJourneyFixture } from '../support/journeyFixture';
import { arbitraryRanges as cutRanges } from '../support/arbitraryRanges';
import { mapKeeper } from '../support/mapKeeper';
import { utc } from '../support/metricHelpers';

// The fixture's table (tests/support/journeyFixture.ts) is the hand computation.
const all = { from: utc('2024-01-01T00:00:00'), to: utc('2024-07-01T00:00:00') };

/** Where the journey is asked: a warehouse's connection and, as the service asks, a keeper of whole days' counts. */
interface Asked {
  connection: DuckDBConnection;
  keeper?: WholeDaysKeeper<KeptWholeDays>;
}

const journey = async (
  at: Asked,
  groupBy: JourneyDimension[],
  range: TimeRange = all,
  filters: Partial<Record<JourneyDimension, string[]>> = {}
) => journeyRecords((await runJourney(at.connection, { groupBy, filters }, range, at.keeper)).result);

/** The service's two ways to a range's counts: all at once, or its whole days kept and its edges added. */
const ways: Array<[string, (connection: DuckDBConnection) => WholeDaysKeeper<KeptWholeDays> | undefined]> = [
  ['counted at once', () => undefined],
  ['whole days kept, edges added', (connection) => mapKeeper<KeptWholeDays>(connection).keeper],
];

/** Newcombe's limits in percentage points, from the function tested against the published example. */
const liftLimits = (x1: number, n1: number, x2: number, n2: number) => {
  const interval = newcombeInterval(x1, n1, x2, n2);
  return { churn_lift_low: 100 * interval!.low, churn_lift_high: 100 * interval!.high };
};

const near = (value: number) => expect.closeTo(value, 9);

describe.each(ways)(
  'where the journey leaks, on a hand-computed fixture loaded through the loader (%s)',
  (_way, keeperFor) => {
    let warehouse: TestWarehouse;
    let dir: string;
    // One keeper for every test: two questions must never share whole days' counts.
    let keeper: WholeDaysKeeper<KeptWholeDays> | undefined;
    const at = (): Asked => ({ connection: warehouse.connection, keeper });
    beforeAll(async () => {
      dir = writeJourneyFixture(tempDir('journey'));
      warehouse = await buildTestWarehouse((connection) => loadDirectory(connection, dir));
      keeper = keeperFor(warehouse.connection);
    });
    afterAll(() => {
      warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the churn window beside the other parameters: 90 days unless set', async () => {
      expect(await readRows(warehouse.connection, 'select churn_window_days from model_params')).toEqual([
        { churn_window_days: 90 },
      ]);
    });

    it('per branch: exposed from the first negative rating, churn within 90 days to the second, anonymous ratings in the counts only', async () => {
      const rows = await journey(at(), ['branch_id']);
      expect(rows.map((r) => [r.touchpoint, r.branch_id, r.branch_name, r.touchpoint_order])).toEqual([
        ['kiosk', 'B1', 'Harbour Street', 1],
        ['kiosk', 'B2', 'Quay Road', 1],
        ['app', 'B1', 'Harbour Street', 6],
        ['app', 'B2', 'Quay Road', 6],
      ]);
      const [kioskB1, kioskB2, appB1, appB2] = rows;
      // B1 app: seven ratings (C1 three times), four negative, points 5 - 10 - 5 - 5 - 10 + 10 + 5 = -10.
      // Exposed C1 (churned at 04-15, within 90 days of 01-20), C2 (exactly 90 days), C3 (90 days and 1 s: not);
      // others C4 (ended before rating) and C5: 2 / 3 against 0 / 2.
      expect(appB1).toEqual({
        touchpoint: 'app',
        branch_id: 'B1',
        branch_name: 'Harbour Street',
        touchpoint_order: 6,
        ratings: 7,
        negative_ratings: 4,
        negative_share: near(400 / 7),
        sli: near((100 * -10) / 70),
        exposed_n: 3,
        exposed_churned: 2,
        other_n: 2,
        other_churned: 0,
        churn_after_negative: near(200 / 3),
        churn_after_other: 0,
        churn_lift: near(200 / 3),
        ...liftLimits(2, 3, 0, 2),
        customers_at_risk: near(2),
        incomplete_customers: 0,
      });
      // B2 app: C5, C6, C7, C8 and an anonymous stars 1; C8's NPS 6 is a detractor (+2 points), so negative.
      // Points -10 + 10 + 2 - 10 + 10 = 2 over five. Exposed C6 (stays), C8 (churned); others C5, C7 (incomplete).
      expect(appB2).toMatchObject({
        ratings: 5,
        negative_ratings: 3,
        sli: near(4),
        exposed_n: 2,
        exposed_churned: 1,
        other_n: 2,
        other_churned: 0,
        churn_lift: near(50),
        ...liftLimits(1, 2, 0, 2),
        customers_at_risk: near(1),
        incomplete_customers: 1,
      });
      // B1 kiosk: C1's smiley 5 (01-05: ended 04-15, after 04-04, not churned) and an anonymous smiley 1.
      expect(kioskB1).toMatchObject({
        ratings: 2,
        negative_ratings: 1,
        sli: 0,
        exposed_n: 0,
        exposed_churned: 0,
        other_n: 1,
        other_churned: 0,
        churn_after_negative: null,
        churn_lift: null,
        churn_lift_low: null,
        customers_at_risk: null,
      });
      // B2 kiosk: C6's smiley 1 and the anonymous smiley 3 that ends the data.
      expect(kioskB2).toMatchObject({ ratings: 2, negative_ratings: 1, sli: -50, exposed_n: 1, other_n: 0 });
    });

    it('for the company counts a customer who rated at two branches once', async () => {
      const [kiosk, app] = await journey(at(), []);
      // App: exposed C1, C2, C3, C6, C8 (three churned); others C4, C5 (once), C7.
      expect(app).toMatchObject({
        touchpoint: 'app',
        ratings: 12,
        negative_ratings: 7,
        sli: near((100 * -8) / 120),
        exposed_n: 5,
        exposed_churned: 3,
        other_n: 3,
        other_churned: 0,
        churn_lift: near(60),
        ...liftLimits(3, 5, 0, 3),
        customers_at_risk: near(3),
        incomplete_customers: 1,
      });
      // Kiosk: C6 exposed and staying, C1 another and not churned within its window: no lift, no one at risk.
      expect(kiosk).toMatchObject({
        touchpoint: 'kiosk',
        exposed_n: 1,
        other_n: 1,
        churn_lift: 0,
        customers_at_risk: 0,
      });
    });

    it('takes the reference time within the range: a range starting after C1 first negative rating sees its second', async () => {
      // From 01-25 C1's first negative app rating in range is 02-01; 04-15 is within 90 days: still churned.
      // (C4 and C5 are the others.) From 02-02 only C5's app rating of 02-10 is left at B1.
      const [appFrom25] = await journey(
        at(),
        ['branch_id'],
        { from: utc('2024-01-25T00:00:00'), to: all.to },
        { branch_id: ['B1'] }
      ).then((rows) => rows.filter((r) => r.touchpoint === 'app'));
      expect(appFrom25).toMatchObject({ ratings: 3, exposed_n: 1, exposed_churned: 1, other_n: 2 });
      const rows = await journey(
        at(),
        ['branch_id'],
        { from: utc('2024-02-02T00:00:00'), to: all.to },
        { branch_id: ['B1'] }
      );
      expect(rows.map((r) => [r.touchpoint, r.exposed_n, r.other_n])).toEqual([['app', 0, 1]]);
    });

    it('groups by segment and filters by region', async () => {
      const rows = await journey(at(), ['segment'], all, { region: ['South'] });
      // South is B2: the anonymous ratings have no segment and form their own group.
      expect(rows.map((r) => [r.touchpoint, r.segment, r.ratings, r.exposed_n, r.other_n])).toEqual([
        ['kiosk', 'business', 1, 1, 0],
        ['kiosk', null, 1, 0, 0],
        ['app', 'business', 2, 2, 0],
        ['app', 'retail', 2, 0, 2],
        ['app', null, 1, 0, 0],
      ]);
    });

    it('flags reference times within the window of the data end as incomplete, with a shorter window too', async () => {
      const shorter = await buildTestWarehouse((connection) => loadDirectory(connection, dir), { churnWindowDays: 30 });
      try {
        const [, app] = await journey({ connection: shorter.connection, keeper: keeperFor(shorter.connection) }, []);
        // 30 days: C2 and C3 left 90 days after, C1 85 days after, C8 47 days after: only the window matters.
        expect(app).toMatchObject({ exposed_n: 5, exposed_churned: 0, other_churned: 0, incomplete_customers: 1 });
      } finally {
        shorter.close();
      }
    });
  }
);

// Ranges cut anywhere (to the millisecond) inside the small warehouse's January..April 2024, from a fixed LCG.
const arbitraryRanges = cutRanges(17, 6, utc('2024-01-01T00:00:00'), utc('2024-04-25T00:00:00'));

interface FactRating {
  touchpoint: string;
  branch_id: string;
  region: string;
  customer_id: string | null;
  at: number;
  is_negative: boolean;
  ended_at: number | null;
}

/** The journey counts recomputed in TypeScript from the facts, one customer at a time. */
const recompute = (ratings: FactRating[], groupBy: JourneyDimension[], range: TimeRange, asOf: number) => {
  const windowMs = 90 * 86_400_000;
  const groups = new Map<string, Map<string, { first: number; firstNegative: number | null; ended: number | null }>>();
  for (const r of ratings) {
    if (r.at < range.from || r.at >= range.to || r.customer_id === null) {
      continue;
    }
    const key = [r.touchpoint, ...groupBy.map((d) => String(r[d as 'branch_id' | 'region']))].join('|');
    const customers = groups.get(key) ?? new Map();
    groups.set(key, customers);
    const c = customers.get(r.customer_id) ?? { first: Infinity, firstNegative: null, ended: r.ended_at };
    c.first = Math.min(c.first, r.at);
    if (r.is_negative) {
      c.firstNegative = Math.min(c.firstNegative ?? Infinity, r.at);
    }
    customers.set(r.customer_id, c);
  }
  const out: Record<string, number[]> = {};
  for (const [key, customers] of groups) {
    const counts = [0, 0, 0, 0, 0];
    for (const c of customers.values()) {
      const reference = c.firstNegative ?? c.first;
      const churned = c.ended !== null && c.ended > reference && c.ended <= reference + windowMs;
      const side = c.firstNegative !== null ? 0 : 2;
      counts[side] += 1;
      counts[side + 1] += churned ? 1 : 0;
      counts[4] += reference + windowMs > asOf ? 1 : 0;
    }
    out[key] = counts;
  }
  return out;
};

describe.each(ways)(
  'where the journey leaks is exact for any range, by branch and by region (%s)',
  (_way, keeperFor) => {
    let warehouse: TestWarehouse;
    let keeper: WholeDaysKeeper<KeptWholeDays> | undefined;
    let ratings: FactRating[];
    let asOf: number;
    beforeAll(async () => {
      warehouse = await buildTestWarehouse(fillSmallWarehouse);
      keeper = keeperFor(warehouse.connection);
      const rows = await readRows(
        warehouse.connection,
        `select r.touchpoint, r.branch_id, r.region, r.customer_id, epoch_ms(r.responded_at) as at, r.is_negative,
              epoch_ms(c.ended_at) as ended_at
       from fct_responses as r left join stg_customers as c using (customer_id)`
      );
      ratings = rows as unknown as FactRating[];
      const [info] = await readRows(warehouse.connection, 'select epoch_ms(as_of) as as_of from model_info');
      asOf = Number(info.as_of);
    });
    afterAll(() => warehouse.close());

    it.each([[['branch_id']], [['region']]] as Array<[JourneyDimension[]]>)('grouped by %j', async (groupBy) => {
      let customersSeen = 0;
      for (const range of arbitraryRanges) {
        const rows = await journey({ connection: warehouse.connection, keeper }, groupBy, range);
        customersSeen += rows.reduce((sum, r) => sum + Number(r.exposed_n) + Number(r.other_n), 0);
        const fromQuery = Object.fromEntries(
          rows
            .filter((r) => Number(r.exposed_n) + Number(r.other_n) > 0)
            .map((r) => [
              [r.touchpoint, ...groupBy.map((d) => r[d])].join('|'),
              [r.exposed_n, r.exposed_churned, r.other_n, r.other_churned, r.incomplete_customers],
            ])
        );
        expect({ range, counts: fromQuery }).toEqual({ range, counts: recompute(ratings, groupBy, range, asOf) });
      }
      // The ranges hold customers on both sides, not just empty groups that agree.
      expect(customersSeen).toBeGreaterThan(100);
    });
  }
);

describe('where the journey leaks with its whole days kept: the counts of asking at once, every column', () => {
  let warehouse: TestWarehouse;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fillSmallWarehouse);
  });
  afterAll(() => warehouse.close());

  const shapes: Array<[JourneyDimension[], Partial<Record<JourneyDimension, string[]>>]> = [
    [[], {}],
    [['branch_id'], {}],
    [['region', 'segment'], {}],
    [['segment'], { region: ['North'] }],
  ];

  it.each(shapes)('grouped by %j, filtered by %j', async (groupBy, filters) => {
    const { keeper, uses } = mapKeeper<KeptWholeDays>(warehouse.connection);
    let edgeRatings = 0;
    for (const range of arbitraryRanges) {
      const atOnce = await journey({ connection: warehouse.connection }, groupBy, range, filters);
      const kept = await journey({ connection: warehouse.connection, keeper }, groupBy, range, filters);
      // Float sums (SLI points) may be added in another order: equal to the last bits, the rest exactly.
      expect(kept.map((row) => ({ ...row, sli: null }))).toEqual(atOnce.map((row) => ({ ...row, sli: null })));
      expect(kept.map((row) => row.sli)).toEqual(
        atOnce.map((row) => (row.sli === null ? null : near(Number(row.sli))))
      );
      // The same range again reads its whole days from the keeper.
      await journey({ connection: warehouse.connection, keeper }, groupBy, range, filters);
      edgeRatings += Number(
        (
          await readRows(
            warehouse.connection,
            `select count(*) as n from fct_journey_ratings
             where (responded_at >= make_timestamp($1 * 1000) and responded_at < make_timestamp($2 * 1000))
                or (responded_at >= make_timestamp($3 * 1000) and responded_at < make_timestamp($4 * 1000))`,
            [
              range.from,
              Math.ceil(range.from / 86_400_000) * 86_400_000,
              Math.floor(range.to / 86_400_000) * 86_400_000,
              range.to,
            ]
          )
        )[0].n
      );
    }
    // Each range's whole days counted once, read twice; and the edges held ratings to add, not nothing.
    expect(uses).toEqual({ counted: arbitraryRanges.length, read: 2 * arbitraryRanges.length });
    expect(edgeRatings).toBeGreaterThan(20);
  });
});

describe.each(ways)('where the journey leaks at the bounds of the churn window (%s)', (_way, keeperFor) => {
  // C1 leaves at the moment of their negative rating: not after it, so not churned. C2 leaves a second
  // after theirs, and C3 exactly 90 days after: both churned. The ratings fall in the range's last,
  // partial day, so a kept range adds them from its edge; C4's kiosk rating there is a group the whole
  // days do not have, and comes first, in journey order.
  const fill = `
    insert into raw.branches values ('B1', 'Harbour Street', 'North', null);
    insert into raw.customers values
      ('C1', 'B1', null, '2024-01-10', '2024-03-02 10:00:00', 10),
      ('C2', 'B1', null, '2024-01-10', '2024-03-02 10:00:01', 10),
      ('C3', 'B1', null, '2024-01-10', '2024-05-31 10:00:00', 10),
      ('C4', 'B1', null, '2024-01-10', null, 10);
    insert into raw.responses values
      ('R0', 'B1', 'C1', null, 'after_service', 'csat_5', 5, '2024-02-01 09:00', null),
      ('R1', 'B1', 'C1', null, 'after_service', 'csat_5', 1, '2024-03-02 10:00:00', null),
      ('R2', 'B1', 'C2', null, 'after_service', 'csat_5', 1, '2024-03-02 10:00:00', null),
      ('R3', 'B1', 'C3', null, 'after_service', 'csat_5', 1, '2024-03-02 10:00:00', null),
      ('R4', 'B1', 'C4', null, 'kiosk', 'smiley_5', 5, '2024-03-02 11:00:00', null);
  `;
  let warehouse: TestWarehouse;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterAll(() => warehouse.close());

  it('counts an end at the reference time as staying, and one at the window’s last moment as churned', async () => {
    const [kiosk, afterService] = await journey(
      { connection: warehouse.connection, keeper: keeperFor(warehouse.connection) },
      [],
      {
        from: utc('2024-01-01T00:00:00'),
        to: utc('2024-03-02T12:00:00'),
      }
    );
    expect(kiosk).toMatchObject({ touchpoint: 'kiosk', ratings: 1, exposed_n: 0, other_n: 1 });
    expect(afterService).toMatchObject({ touchpoint: 'after_service', ratings: 4, exposed_n: 3, exposed_churned: 2 });
  });

  it('leaves out a rating at the range’s end, which the range does not include', async () => {
    const [row] = await journey({ connection: warehouse.connection, keeper: keeperFor(warehouse.connection) }, [], {
      from: utc('2024-01-01T00:00:00'),
      to: utc('2024-03-02T10:00:00'),
    });
    expect(row).toMatchObject({ touchpoint: 'after_service', ratings: 1, exposed_n: 0, other_n: 1 });
  });
});
