export interface TileLayout {
  columns: number;
  tileWidth: number;
  tileHeight: number;
  /** Too small for the trend line and the change line: value, band and n only. */
  compact: boolean;
  /** The tiles do not fit at their smallest: the board scrolls. */
  scrolls: boolean;
}

/** Below this a gauge's number is no longer readable. */
export const MIN_TILE = 96;
/** Room for the gauge, its numbers and a trend line. */
export const FULL_TILE = 170;
/** Tiles a little taller than wide: the gauge plus three lines of text. */
const ASPECT = 1.15;

/**
 * The grid that gives `count` gauges the most room in width x height: tries
 * every column count and keeps the largest tile that fits, so one branch
 * fills the panel and 200 still fit a wall screen. When even the smallest
 * tiles do not fit, the board keeps them readable and scrolls.
 */
export const tileLayout = (count: number, width: number, height: number): TileLayout => {
  const tiles = Math.max(1, count);
  let best = { columns: 1, size: 0 };
  for (let columns = 1; columns <= tiles; columns++) {
    const rows = Math.ceil(tiles / columns);
    const size = Math.min(width / columns, height / rows / ASPECT);
    if (size > best.size) {
      best = { columns, size };
    }
  }
  if (best.size >= MIN_TILE) {
    return {
      columns: best.columns,
      tileWidth: best.size,
      tileHeight: best.size * ASPECT,
      compact: best.size < FULL_TILE,
      scrolls: false,
    };
  }
  const columns = Math.max(1, Math.floor(width / MIN_TILE));
  return { columns, tileWidth: width / columns, tileHeight: MIN_TILE * ASPECT, compact: true, scrolls: true };
};
