import { linearScale } from './linearScale';

/** Degrees either side of the top the gauge sweeps: -100 at -120°, neutral 0 at the top, 100 at +120°. */
export const GAUGE_SWEEP = 120;

/** The angle (degrees clockwise from the top) of a value on a min..max gauge, clamped to the scale. */
export const valueAngle = (value: number, min: number, max: number): number => {
  const clamped = Math.min(max, Math.max(min, value));
  return ((clamped - min) / (max - min)) * 2 * GAUGE_SWEEP - GAUGE_SWEEP;
};

const point = (cx: number, cy: number, r: number, angle: number) => {
  const radians = (angle * Math.PI) / 180;
  return { x: cx + r * Math.sin(radians), y: cy - r * Math.cos(radians) };
};

/** An SVG arc path along radius r from one angle to another (either order). */
export const arcPath = (cx: number, cy: number, r: number, from: number, to: number): string => {
  const [start, end] = from <= to ? [from, to] : [to, from];
  const a = point(cx, cy, r, start);
  const b = point(cx, cy, r, end);
  const large = end - start > 180 ? 1 : 0;
  const f = (n: number) => Number(n.toFixed(2));
  return `M ${f(a.x)} ${f(a.y)} A ${r} ${r} 0 ${large} 1 ${f(b.x)} ${f(b.y)}`;
};

/**
 * Polyline point lists for a trend in a width x height box, scaled to its
 * own values (the shape matters; the gauge carries the level), one list per
 * unbroken run: a period with no value is a gap, not a line drawn through it.
 */
export const sparklineRuns = (
  points: ReadonlyArray<{ time: number; value: number | null }>,
  width: number,
  height: number
): string[] => {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) {
    return [];
  }
  const times = points.map((p) => p.time);
  const x = linearScale([Math.min(...times), Math.max(...times)], [0, width]);
  const y = linearScale([Math.min(...values), Math.max(...values)], [height, 0]);
  const runs: string[][] = [[]];
  for (const p of points) {
    if (p.value === null) {
      if (runs[runs.length - 1].length > 0) {
        runs.push([]);
      }
      continue;
    }
    runs[runs.length - 1].push(`${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`);
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(' '));
};
