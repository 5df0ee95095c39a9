import { journeyColumns, type JourneyColumn } from '@touchpoint/contract/src/journeyColumns';
import type { PlainValue } from '@touchpoint/server/src/db/plainValue';
import { tableFrameFor } from './serviceFrames';

type JourneyFixtureRow = { touchpoint: string } & Partial<Record<'branch_id' | 'branch_name', string>> &
  Record<JourneyColumn, number | null>;

/**
 * A journey frame as the contract lays it out (journeyColumns.ts): the
 * group's columns, then every journey column in order, for hand-written
 * rows, read as the datasource hands it to Grafana.
 */
export const journeyFrameFor = (rows: JourneyFixtureRow[], refId: string) => {
  const groups: Array<'touchpoint' | 'branch_id' | 'branch_name'> = [
    'touchpoint',
    ...(rows.some((row) => row.branch_id) ? (['branch_id', 'branch_name'] as const) : []),
  ];
  const columns: Record<string, { type: 'string' | 'number'; values: PlainValue[] }> = {};
  for (const name of groups) {
    columns[name] = { type: 'string', values: rows.map((row) => row[name] ?? null) };
  }
  for (const name of journeyColumns) {
    columns[name] = { type: 'number', values: rows.map((row) => row[name]) };
  }
  return tableFrameFor(columns, refId);
};

/** Counts to a row with the shares derived as the contract defines them; the lift's interval given. */
const row = (
  touchpoint: string,
  order: number,
  counts: { ratings: number; negative: number; sli: number; exposed: [number, number]; other: [number, number] },
  interval: [number, number] | null,
  incomplete = 0
): JourneyFixtureRow => {
  const [exposedN, exposedChurned] = counts.exposed;
  const [otherN, otherChurned] = counts.other;
  const afterNegative = exposedN > 0 ? (100 * exposedChurned) / exposedN : null;
  const afterOther = otherN > 0 ? (100 * otherChurned) / otherN : null;
  const lift = afterNegative !== null && afterOther !== null ? afterNegative - afterOther : null;
  return {
    touchpoint,
    touchpoint_order: order,
    ratings: counts.ratings,
    negative_ratings: counts.negative,
    negative_share: (100 * counts.negative) / counts.ratings,
    sli: counts.sli,
    exposed_n: exposedN,
    exposed_churned: exposedChurned,
    other_n: otherN,
    other_churned: otherChurned,
    churn_after_negative: afterNegative,
    churn_after_other: afterOther,
    churn_lift: lift,
    churn_lift_low: lift === null ? null : interval![0],
    churn_lift_high: lift === null ? null : interval![1],
    customers_at_risk: lift === null ? null : (exposedN * Math.max(lift, 0)) / 100,
    incomplete_customers: incomplete,
  };
};

// The selected branch: the app leaks (40% churn after a bad rating against
// 10% after others, 40 exposed: 12 at risk); the kiosk rests on 12 exposed
// customers, under the minimum n of 30; web has customers still in their window.
export const selection = journeyFrameFor(
  [
    row('kiosk', 1, { ratings: 200, negative: 20, sli: 22.5, exposed: [12, 3], other: [150, 15] }, [-2.1, 38.4]),
    row('app', 2, { ratings: 400, negative: 60, sli: -8, exposed: [40, 16], other: [300, 30] }, [14.2, 45.6]),
    row('web', 3, { ratings: 300, negative: 30, sli: 35, exposed: [35, 4], other: [200, 26] }, [-12.3, 9.8], 7),
  ],
  'A'
);

/** The same query without the branch filter: the company's SLI per touchpoint. */
export const company = journeyFrameFor(
  [
    row('kiosk', 1, { ratings: 2000, negative: 150, sli: 30, exposed: [120, 20], other: [1500, 150] }, [2, 12]),
    row('app', 2, { ratings: 4000, negative: 300, sli: 12.5, exposed: [300, 60], other: [3000, 300] }, [6, 14]),
    row('web', 3, { ratings: 3000, negative: 200, sli: 28, exposed: [250, 30], other: [2000, 240] }, [-4, 4]),
  ],
  'company'
);

export const journeyFrames = [selection, company];
