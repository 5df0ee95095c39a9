import { FULL_TILE, MIN_TILE, tileLayout } from './tileLayout';

describe('tileLayout', () => {
  it('gives a single branch the whole of a small panel', () => {
    const layout = tileLayout(1, 300, 200);
    expect(layout).toMatchObject({ columns: 1, scrolls: false });
    expect(layout.tileHeight).toBeCloseTo(200);
  });

  it('lays twelve branches out in the grid with the largest tiles', () => {
    expect(tileLayout(12, 1200, 600)).toMatchObject({ columns: 6, compact: false, scrolls: false });
  });

  it('fits 200 branches on a 4K wall with full tiles', () => {
    const layout = tileLayout(200, 3840, 2160);
    expect(layout.scrolls).toBe(false);
    expect(layout.tileWidth).toBeGreaterThanOrEqual(FULL_TILE);
    expect(layout.columns * Math.floor(2160 / layout.tileHeight)).toBeGreaterThanOrEqual(200);
  });

  it('keeps 200 branches readable in a small panel by scrolling', () => {
    const layout = tileLayout(200, 300, 200);
    expect(layout).toMatchObject({ compact: true, scrolls: true, columns: 3 });
    expect(layout.tileWidth).toBeGreaterThanOrEqual(MIN_TILE);
  });
});
