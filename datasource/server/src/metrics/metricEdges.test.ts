import type { PlainValue } from '../db/plainValue';
import { addMetricEdges, keepMetricBoundary, keepSums, type MetricShape, type ValueOf } from './metricEdges';

const shape: MetricShape = { keyColumns: ['time', 'channel'], components: ['rated', 'points'] };
const day = 86_400_000;
const us = (ms: number) => ms * 1000;

// The whole days' sums, in the statement's order (time, then channel, NULLS LAST).
const sums = [
  { time: 0, channel: 'chat', rated: 2, points: 10 },
  { time: 0, channel: 'phone', rated: null, points: null },
  { time: 0, channel: null, rated: 1, points: 3 },
];
// The day after the whole days: rows of keys the whole days have, and of keys they do not.
const boundaryRows = [
  { __time: 0, channel: 'email', __at: us(day + 10), rated: 1, points: 4 },
  { __time: 0, channel: 'phone', __at: us(day + 20), rated: 1, points: null },
  { __time: 0, channel: 'chat', __at: us(day + 30), rated: 1, points: 5 },
  { __time: 0, channel: 'zoom', __at: us(day + 40), rated: 1, points: 1 },
  { __time: day, channel: 'chat', __at: us(day + 50), rated: 1, points: 2 },
];

// As the boundary's statement is read: one array per column.
const inColumns = (rows: ReadonlyArray<Record<string, PlainValue>>) =>
  Object.fromEntries(Object.keys(rows[0]).map((name) => [name, rows.map((row) => row[name])]));

// The sums themselves as the answer: what these tests look at.
const asSummed: ValueOf = (row) => ({ ...row });

describe("addMetricEdges: a range's sums from its whole days' and its edges' rows", () => {
  const kept = keepSums(sums, keepMetricBoundary(inColumns(boundaryRows), sums, shape), asSummed);

  it('adds the rows inside each edge, from its start to just before its end, as SQL sums them', () => {
    const rows = addMetricEdges(kept, [{ from: day + 20, to: day + 30 }], shape, asSummed);
    // The row at the edge's end is left out; a NULL plus a number is the number, NULL plus NULL is NULL.
    expect(rows).toEqual([sums[0], { time: 0, channel: 'phone', rated: 1, points: null }, sums[2]]);
    expect(sums[1]).toEqual({ time: 0, channel: 'phone', rated: null, points: null });
  });

  it('puts a key only the edges have in its place, as order by would', () => {
    const rows = addMetricEdges(kept, [{ from: day, to: day + 51 }], shape, asSummed);
    expect(rows).toEqual([
      { time: 0, channel: 'chat', rated: 3, points: 15 },
      { time: 0, channel: 'email', rated: 1, points: 4 },
      { time: 0, channel: 'phone', rated: 1, points: null },
      { time: 0, channel: 'zoom', rated: 1, points: 1 },
      { time: 0, channel: null, rated: 1, points: 3 },
      { time: day, channel: 'chat', rated: 1, points: 2 },
    ]);
  });

  it('gives the whole days alone for no edge, and leaves what it keeps as it was', () => {
    expect(addMetricEdges(kept, [], shape, asSummed)).toEqual(sums);
    addMetricEdges(kept, [{ from: day, to: 2 * day }], shape, asSummed);
    expect(addMetricEdges(kept, [], shape, asSummed)).toEqual(sums);
  });

  it('answers each key from its sums, made once for the whole days and again only for the keys an edge touches', () => {
    const answered: Array<Record<string, PlainValue>> = [];
    const mean: ValueOf = (row) => {
      answered.push(row);
      const rated = row.rated as number | null;
      return { time: row.time, channel: row.channel, value: rated ? (row.points as number) / rated : null };
    };
    const keptMeans = keepSums(sums, keepMetricBoundary(inColumns(boundaryRows), sums, shape), mean);
    expect(answered).toHaveLength(3);
    const rows = addMetricEdges(keptMeans, [{ from: day + 30, to: day + 31 }], shape, mean);
    // Only chat's edge row is inside: (10 + 5) / (2 + 1); the other keys keep the answers made when kept.
    expect(answered).toHaveLength(4);
    expect(rows).toEqual([
      { time: 0, channel: 'chat', value: 5 },
      { time: 0, channel: 'phone', value: null },
      { time: 0, channel: null, value: 3 },
    ]);
    expect(rows[1]).toBe(keptMeans.answered[1]);
  });
});
