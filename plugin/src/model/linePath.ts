const round = (value: number) => Math.round(value * 10) / 10;

/**
 * An SVG path through a series, broken where a bucket has no value: a gap
 * says "nobody rated", a line drawn across it would invent a trend.
 */
export const linePath = (
  points: ReadonlyArray<{ time: number; value: number | null }>,
  x: (time: number) => number,
  y: (value: number) => number
): string => {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (point.value === null) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${round(x(point.time))},${round(y(point.value))}`);
    drawing = true;
  }
  return parts.join(' ');
};
