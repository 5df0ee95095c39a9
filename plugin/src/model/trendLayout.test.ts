import { trendLayout } from './trendLayout';
import { trendType } from './trendType';

const layoutOf = (width: number, height: number, legends: string[][], wall = false) =>
  trendLayout({ width, height, type: trendType({ width, height, wall, charts: legends.length }), legends });

describe('trendLayout', () => {
  it('shares the height between the charts after each title and legend', () => {
    // 300px each: a 17px title and a 17px legend row leave 266px
    expect(layoutOf(800, 600, [['CSAT'], ['CES (mean)']])).toEqual({
      charts: [
        { legendHeight: 17, plotHeight: 266 },
        { legendHeight: 17, plotHeight: 266 },
      ],
      overflows: false,
    });
  });

  it('gives the legend as many rows as it wraps onto', () => {
    const names = Array.from({ length: 12 }, (_, i) => `BR00${i}`);
    // at 11px an entry takes 33 + 27.5px: four fit in 300px, so 12 take three rows of 16px
    expect(layoutOf(300, 600, [names]).charts[0].legendHeight).toBe(48);
  });

  it('fits one or two charts in 300x200 and scrolls rather than squash a third', () => {
    expect(layoutOf(300, 200, [[]])).toEqual({ charts: [{ legendHeight: 0, plotHeight: 184 }], overflows: false });
    expect(
      layoutOf(300, 200, [
        ['BR001', 'BR002'],
        ['BR001', 'BR002'],
      ]).charts.map((chart) => chart.plotHeight)
    ).toEqual([68, 68]);
    const three = layoutOf(300, 200, [['CSAT'], ['CES (mean)'], ['CES index']]);
    expect(three.charts.map((chart) => chart.plotHeight)).toEqual([60, 60, 60]);
    expect(three.overflows).toBe(true);
  });

  it('gives a 4K wall chart most of its half of the screen', () => {
    // 1080px each: a 56px title and a 56px legend row
    expect(layoutOf(3840, 2160, [['CSAT'], ['CES (mean)']], true).charts[0]).toEqual({
      legendHeight: 56,
      plotHeight: 968,
    });
  });
});
