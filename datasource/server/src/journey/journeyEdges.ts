import type { JourneyDimension } from '@touchpoint/contract/src/queryRequest';
import { DAY_MS, type TimeRange } from '@touchpoint/contract/src/timeRange';
import type { PlainValue } from '../db/plainValue';
import { firstAtOrAfter } from '../days/firstAtOrAfter';
import { KeyIndex } from '../db/keyIndex';
import { mergeInKeyOrder } from '../db/mergeInKeyOrder';
import type { JourneyCountRow } from './journeyRows';
import { journeyGroupKeys } from './journeySql';
import { additiveCounts, withCounts, type AdditiveCount } from './journeyWholeDays';

/**
 * The boundary days' ratings (journeyBoundarySql's rows), kept in columns:
 * per rating its time (epoch microseconds, ascending), whether negative,
 * its SLI points, its group and its customer in the group (-1 when it names
 * none); per group its own columns; per customer in a group the group, their
 * end and their firsts over the whole days (NaN for none).
 */
export interface BoundaryRatings {
  at: Float64Array;
  negative: Uint8Array;
  sliPoints: Float64Array;
  group: Int32Array;
  customer: Int32Array;
  groups: JourneyCountRow[];
  /** Per group, its row among the whole days' counts; -1 when it has none there. */
  wholeRow: Int32Array;
  customerGroup: Int32Array;
  ended: Float64Array;
  wholeFirst: Float64Array;
  wholeFirstNegative: Float64Array;
}

/**
 * A range's whole days as the keeper holds them (runJourney): their counts
 * (journeySql's rows), the boundary days' ratings, and the two settings the
 * outcomes depend on.
 */
export interface KeptWholeDays {
  groups: JourneyCountRow[];
  boundary: BoundaryRatings;
  /** The data's end, epoch microseconds. */
  asOf: number | null;
  churnWindowDays: number;
}

const micros = (value: PlainValue): number => (value === null || value === undefined ? NaN : Number(value));

/**
 * The boundary days' ratings in columns, each group matched with its row
 * among the whole days' counts: read once a day, added from on every request.
 */
export const keepBoundary = (
  rows: readonly JourneyCountRow[],
  whole: readonly JourneyCountRow[],
  groupBy: readonly JourneyDimension[]
): BoundaryRatings => {
  const keys = journeyGroupKeys(groupBy);
  const wholeRows = new KeyIndex();
  whole.forEach((row, index) => wholeRows.add(keys.length, (k) => row[keys[k]] ?? null, index));
  const wholeRow: number[] = [];
  const groupIndex = new KeyIndex();
  // A customer is counted once per group: keyed by the group's number and the customer.
  const customerIndex = new KeyIndex();
  const groups: JourneyCountRow[] = [];
  const customers: JourneyCountRow[] = [];
  const customerGroup: number[] = [];
  const boundary = {
    at: new Float64Array(rows.length),
    negative: new Uint8Array(rows.length),
    sliPoints: new Float64Array(rows.length),
    group: new Int32Array(rows.length),
    customer: new Int32Array(rows.length),
  };
  // One function for every row, not two made per row: tsx (which runs the
  // service) names each function it makes (esbuild's keepNames), with a
  // property definition each: 0.2 µs a function, most of a loop like this.
  let row: JourneyCountRow = {};
  let group = -1;
  const keyAt = (k: number) => row[keys[k]] ?? null;
  const customerAt = (k: number) => (k === 0 ? group : (row.customer_id ?? null));
  rows.forEach((current, i) => {
    row = current;
    group = groupIndex.find(keys.length, keyAt);
    if (group === -1) {
      group = groups.length;
      groupIndex.add(keys.length, keyAt, group);
      wholeRow.push(wholeRows.find(keys.length, keyAt));
      groups.push(
        Object.fromEntries(
          [...keys, 'branch_name', 'touchpoint_order'].filter((name) => name in row).map((name) => [name, row[name]])
        )
      );
    }
    let customer = -1;
    if (row.customer_id !== null && row.customer_id !== undefined) {
      customer = customerIndex.find(2, customerAt);
      if (customer === -1) {
        customer = customers.length;
        customerIndex.add(2, customerAt, customer);
        customers.push(row);
        customerGroup.push(group);
      }
    }
    boundary.at[i] = Number(row.at);
    boundary.negative[i] = row.is_negative ? 1 : 0;
    boundary.sliPoints[i] = Number(row.sli_points);
    boundary.group[i] = group;
    boundary.customer[i] = customer;
  });
  return {
    ...boundary,
    groups,
    wholeRow: Int32Array.from(wholeRow),
    customerGroup: Int32Array.from(customerGroup),
    ended: Float64Array.from(customers, (row) => micros(row.ended_at)),
    wholeFirst: Float64Array.from(customers, (row) => micros(row.whole_first_at)),
    wholeFirstNegative: Float64Array.from(customers, (row) => micros(row.whole_first_negative_at)),
  };
};

/** The bytes a kept boundary holds, for the keeper's budget: its columns, and its groups as JSON text. */
export const boundaryBytes = (boundary: BoundaryRatings): number =>
  boundary.at.byteLength +
  boundary.negative.byteLength +
  boundary.sliPoints.byteLength +
  boundary.group.byteLength +
  boundary.customer.byteLength +
  boundary.wholeRow.byteLength +
  boundary.customerGroup.byteLength +
  boundary.ended.byteLength +
  boundary.wholeFirst.byteLength +
  boundary.wholeFirstNegative.byteLength +
  2 * JSON.stringify(boundary.groups).length;

/** Each additive count's place in a group's row of counts. */
const column = Object.fromEntries(additiveCounts.map((name, offset) => [name, offset])) as Record<
  AdditiveCount,
  number
>;

const earliest = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b));

/**
 * A range's counts per group (journeySql's rows, in its order): its whole
 * days' counts with what its partial days add (docs/metrics.md, "Where the
 * journey leaks"), their ratings and the change in each outcome count. A
 * customer rating only in the whole days is counted there already; a
 * customer rating at an edge is taken out as the whole days counted them
 * (if they rated there) and put back as the range sees them, the earlier of
 * their firsts at the edges and in the whole days. Every count is a sum over
 * ratings or customers, and a customer's reference time a minimum over
 * their ratings, so the result equals journeySql over the range (the
 * outcome rules below are journeySql's `churned` and `incomplete`, on the
 * same microseconds).
 */
export const addEdges = (
  kept: KeptWholeDays,
  edges: readonly TimeRange[],
  groupBy: readonly JourneyDimension[]
): JourneyCountRow[] => {
  const { boundary } = kept;
  const windowUs = kept.churnWindowDays * DAY_MS * 1000;
  // One row of additiveCounts per group, in one array: a wall's request adds to thousands of groups.
  const width = additiveCounts.length;
  const counts = new Float64Array(boundary.groups.length * width);
  const first = new Float64Array(boundary.ended.length).fill(NaN);
  const firstNegative = new Float64Array(boundary.ended.length).fill(NaN);
  const seen: number[] = [];
  for (const edge of edges) {
    const end = firstAtOrAfter(boundary.at, edge.to * 1000);
    for (let i = firstAtOrAfter(boundary.at, edge.from * 1000); i < end; i += 1) {
      const row = boundary.group[i] * width;
      counts[row + column.ratings] += 1;
      counts[row + column.negative_ratings] += boundary.negative[i];
      counts[row + column.sli_points] += boundary.sliPoints[i];
      const customer = boundary.customer[i];
      if (customer === -1) {
        continue;
      }
      if (Number.isNaN(first[customer])) {
        seen.push(customer);
      }
      first[customer] = earliest(first[customer], boundary.at[i]);
      if (boundary.negative[i]) {
        firstNegative[customer] = earliest(firstNegative[customer], boundary.at[i]);
      }
    }
  }
  /** One customer's outcome counted in (+1) or out (-1) of their group. */
  const tally = (customer: number, from: number, fromNegative: number, sign: number) => {
    const row = boundary.customerGroup[customer] * width;
    const exposed = !Number.isNaN(fromNegative);
    const reference = exposed ? fromNegative : from;
    const ended = boundary.ended[customer];
    // NaN compares false: no end, no churn.
    const churned = ended > reference && ended <= reference + windowUs;
    counts[row + (exposed ? column.exposed_n : column.other_n)] += sign;
    counts[row + (exposed ? column.exposed_churned : column.other_churned)] += churned ? sign : 0;
    counts[row + column.incomplete_customers] += kept.asOf !== null && reference + windowUs > kept.asOf ? sign : 0;
  };
  for (const customer of seen) {
    const wholeFirst = boundary.wholeFirst[customer];
    const wholeFirstNegative = boundary.wholeFirstNegative[customer];
    if (!Number.isNaN(wholeFirst)) {
      tally(customer, wholeFirst, wholeFirstNegative, -1);
    }
    tally(customer, earliest(first[customer], wholeFirst), earliest(firstNegative[customer], wholeFirstNegative), 1);
  }
  const rows = kept.groups.slice();
  const ratedOnlyAtEdges: JourneyCountRow[] = [];
  // One function for every group, not one made per group (see keepBoundary).
  let row = 0;
  const edge = (name: AdditiveCount) => counts[row + column[name]];
  boundary.groups.forEach((group, index) => {
    row = index * width;
    if (counts[row + column.ratings] === 0) {
      return;
    }
    const whole = boundary.wholeRow[index];
    if (whole === -1) {
      ratedOnlyAtEdges.push(withCounts(group, edge));
    } else {
      rows[whole] = withCounts(rows[whole], (name) => Number(rows[whole][name] ?? 0) + edge(name));
    }
  });
  // In journeySql's order: the touchpoint's place, then each key.
  return mergeInKeyOrder(rows, ratedOnlyAtEdges, ['touchpoint_order', ...journeyGroupKeys(groupBy)]);
};
