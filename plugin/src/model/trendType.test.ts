import { trendType } from './trendType';

describe('trendType', () => {
  it('keeps Grafana’s small type on a desktop panel', () => {
    expect(trendType({ width: 800, height: 600, wall: false, charts: 2 })).toEqual({
      fontSize: 12,
      lineHeight: 17,
      lineWidth: 2,
      pointRadius: 3,
      compact: false,
    });
  });

  it('goes compact on a small panel or when each chart gets little height', () => {
    expect(trendType({ width: 300, height: 200, wall: false, charts: 1 })).toMatchObject({
      fontSize: 11,
      lineHeight: 16,
      compact: true,
    });
    expect(trendType({ width: 1000, height: 400, wall: false, charts: 3 }).compact).toBe(true);
  });

  it('scales type and lines up on a 4K wall', () => {
    expect(trendType({ width: 3840, height: 2160, wall: true, charts: 2 })).toEqual({
      fontSize: 40,
      lineHeight: 56,
      lineWidth: 5,
      pointRadius: 8,
      compact: false,
    });
    // 1920 / 60 = 32 wide, 1080 / 24 = 45 high: the narrower one wins
    expect(trendType({ width: 1920, height: 1080, wall: true, charts: 2 }).fontSize).toBe(32);
  });

  it('never goes below type that reads across a room on a small wall panel', () => {
    expect(trendType({ width: 300, height: 200, wall: true, charts: 1 })).toMatchObject({
      fontSize: 16,
      compact: false,
    });
  });
});
