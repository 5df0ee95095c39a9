import { yDomain } from './yDomain';

describe('yDomain', () => {
  it('covers the data and the goal with a tenth of padding, on round ticks', () => {
    // data 72..78 and goal 80: 72..80 padded by 0.8 = 71.2..80.8, ticks of 2
    expect(yDomain([72, null, 78], { goal: 80, min: 0, max: 100 }, 5)).toEqual({
      domain: [70, 82],
      ticks: [70, 72, 74, 76, 78, 80, 82],
    });
  });

  it('never goes past the metric’s own range', () => {
    // ces_mean is 1..7: 6.2..6.9 padded would reach 7.0x
    expect(yDomain([6.2, 6.9], { goal: 5.5, min: 1, max: 7 }, 4)).toEqual({
      domain: [5, 7],
      ticks: [5, 5.5, 6, 6.5, 7],
    });
    expect(yDomain([95, 100], { min: 0, max: 100 }, 5).domain).toEqual([94, 100]);
  });

  it('leaves the goal out when the metric has none', () => {
    // 10..20 padded to 9..21: a span of 12 in at most 5 steps is a step of 5
    expect(yDomain([10, 20], { goal: null }, 5).domain).toEqual([5, 25]);
    // with a goal of 40: 7..43, a step of 10
    expect(yDomain([10, 20], { goal: 40 }, 5).domain).toEqual([0, 50]);
  });

  it('falls back to the metric’s range, or 0..1, when there is no value at all', () => {
    expect(yDomain([null], { min: -100, max: 100 }, 4)).toEqual({
      domain: [-100, 100],
      ticks: [-100, -50, 0, 50, 100],
    });
    expect(yDomain([], {}, 2).domain).toEqual([0, 1]);
  });

  it('opens a flat line up around its value', () => {
    expect(yDomain([50, 50], {}, 4).domain).toEqual([45, 55]);
    expect(yDomain([0, 0], {}, 4).domain).toEqual([-1, 1]);
  });
});
