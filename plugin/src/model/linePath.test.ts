import { linePath } from './linePath';

const identity = (value: number) => value;

describe('linePath', () => {
  it('joins consecutive values and starts again after a gap', () => {
    const points = [
      { time: 0, value: 10 },
      { time: 1, value: 12 },
      { time: 2, value: null },
      { time: 3, value: 11 },
      { time: 4, value: 9.25 },
    ];
    expect(linePath(points, (t) => t * 100, identity)).toBe('M0,10 L100,12 M300,11 L400,9.3');
  });

  it('draws nothing for a series with no values', () => {
    expect(linePath([{ time: 0, value: null }], identity, identity)).toBe('');
  });
});
