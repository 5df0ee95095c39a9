import { niceTicks } from './niceTicks';

interface Bounds {
  goal?: number | null;
  /** The metric's own range (catalog min/max): the axis never shows values the metric cannot take. */
  min?: number;
  max?: number;
}

/**
 * A value axis for a trend: the data and the goal (so the goal line is
 * always on the chart), a tenth of padding either side, widened to round
 * ticks and clipped to the metric's range.
 */
export const yDomain = (
  values: ReadonlyArray<number | null>,
  bounds: Bounds,
  maxTicks: number
): { domain: [number, number]; ticks: number[] } => {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (bounds.goal !== null && bounds.goal !== undefined) {
    known.push(bounds.goal);
  }
  if (known.length === 0) {
    if (bounds.min !== undefined && bounds.max !== undefined) {
      return clipped(bounds.min, bounds.max, bounds, maxTicks);
    }
    return clipped(0, 1, bounds, maxTicks);
  }
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const pad = hi > lo ? (hi - lo) / 10 : Math.max(1, Math.abs(lo) / 10);
  return clipped(lo - pad, hi + pad, bounds, maxTicks);
};

const clipped = (lo: number, hi: number, bounds: Bounds, maxTicks: number) => {
  const nice = niceTicks(lo, hi, maxTicks);
  const floor = bounds.min ?? -Infinity;
  const ceiling = bounds.max ?? Infinity;
  const domain: [number, number] = [Math.max(nice.domain[0], floor), Math.min(nice.domain[1], ceiling)];
  return { domain, ticks: nice.ticks.filter((tick) => tick >= domain[0] && tick <= domain[1]) };
};
