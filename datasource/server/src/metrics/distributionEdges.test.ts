import type { PlainValue } from '../db/plainValue';
import { addDistributionEdges, DISTRIBUTION_RANK, DISTRIBUTION_VALUES, keepDistribution } from './distributionEdges';
import { keepMetricBoundary, type MetricShape } from './metricEdges';

const shape: MetricShape = { keyColumns: ['channel'], components: ['seconds'] };
const median = { column: 'seconds', fraction: 0.5 };
const day = 86_400_000;
const us = (ms: number) => ms * 1000;

// quantile_cont as DuckDB defines it, over every value at once: the reference.
const quantileCont = (values: number[], fraction: number): number | null => {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const d = position - below;
  return d === 0 ? sorted[below] : sorted[below] * (1 - d) + sorted[below + 1] * d;
};

// Whole days' values per key (every rank kept), and the day after them: keys both have, and keys only it has.
const whole: Record<string, number[]> = { chat: [30, 10, 20], email: [5, 7], phone: [100] };
const boundaryRows: Array<{ channel: string; __at: number; seconds: number | null }> = [
  { channel: 'phone', __at: us(day + 10), seconds: 50 },
  { channel: 'chat', __at: us(day + 20), seconds: 15 },
  { channel: 'zoom', __at: us(day + 30), seconds: 9 },
  { channel: 'chat', __at: us(day + 40), seconds: null },
  { channel: 'chat', __at: us(day + 50), seconds: 40 },
  { channel: 'fax', __at: us(day + 55), seconds: null },
  { channel: 'zoom', __at: us(day + 60), seconds: 3 },
];

const columnsOf = (rows: ReadonlyArray<Record<string, PlainValue>>) =>
  Object.fromEntries(Object.keys(rows[0]).map((name) => [name, rows.map((row) => row[name])]));

const windowed = Object.entries(whole).flatMap(([channel, values]) =>
  [...values]
    .sort((a, b) => a - b)
    .map((seconds, rank) => ({ channel, seconds, [DISTRIBUTION_RANK]: rank, [DISTRIBUTION_VALUES]: values.length }))
);
const kept = keepDistribution(columnsOf(windowed), shape, median, (keys) =>
  keepMetricBoundary(columnsOf(boundaryRows), keys, shape)
);

/** Each key's median and count over its whole days and the boundary rows from `from` to before `to`, all at once. */
const reference = (from: number, to: number) => {
  const values = new Map(Object.entries(whole).map(([channel, list]) => [channel, [...list]]));
  for (const row of boundaryRows) {
    if (row.__at >= us(from) && row.__at < us(to)) {
      const list = values.get(row.channel) ?? [];
      values.set(row.channel, row.seconds === null ? list : [...list, row.seconds]);
    }
  }
  return [...values.keys()].sort().map((channel) => ({
    channel,
    value: quantileCont(values.get(channel)!, median.fraction),
    n: values.get(channel)!.length,
  }));
};

describe("addDistributionEdges: a range's quantile per key from its whole days' values and its edges'", () => {
  it.each([
    ['no edge', day, day],
    ['an edge with one key', day + 10, day + 11],
    ['an edge with a NULL and a key only it has', day + 30, day + 45],
    ['every boundary row, with a key that has only a NULL', day, day + 61],
  ])('equals the quantile of every value at once: %s', (_name, from, to) => {
    expect(addDistributionEdges(kept, [{ from, to }], shape, median)).toEqual(reference(from, to));
  });

  it('adds two edges at once, and leaves what it keeps as it was', () => {
    const before = addDistributionEdges(kept, [], shape, median);
    const both = addDistributionEdges(
      kept,
      [
        { from: day, to: day + 25 },
        { from: day + 45, to: day + 61 },
      ],
      shape,
      median
    );
    expect(both).toEqual([
      { channel: 'chat', value: quantileCont([30, 10, 20, 15, 40], 0.5), n: 5 },
      { channel: 'email', value: 6, n: 2 },
      { channel: 'fax', value: null, n: 0 },
      { channel: 'phone', value: 75, n: 2 },
      { channel: 'zoom', value: 3, n: 1 },
    ]);
    expect(addDistributionEdges(kept, [], shape, median)).toEqual(before);
  });
});
