export interface TrendType {
  fontSize: number;
  lineHeight: number;
  lineWidth: number;
  pointRadius: number;
  /** A small panel: no axis titles and only the legend entries that carry meaning. */
  compact: boolean;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

/**
 * Type and stroke sizes for the trend charts, from a 300x200 panel to a 4K
 * wall: on a wall they scale with the panel so they read across a room; on
 * a desktop they stay at Grafana's small size.
 */
export const trendType = ({
  width,
  height,
  wall,
  charts,
}: {
  width: number;
  height: number;
  wall: boolean;
  charts: number;
}): TrendType => {
  const count = Math.max(1, charts);
  const compact = !wall && (width < 480 || height / count < 150);
  const fontSize = wall ? Math.round(clamp(Math.min(width / 60, height / (count * 12)), 16, 40)) : compact ? 11 : 12;
  const lineWidth = wall ? Math.max(3, Math.round(fontSize / 8)) : compact ? 1.5 : 2;
  return {
    fontSize,
    lineHeight: Math.ceil(fontSize * 1.4),
    lineWidth,
    pointRadius: wall ? lineWidth * 1.6 : compact ? 2.5 : 3,
    compact,
  };
};
