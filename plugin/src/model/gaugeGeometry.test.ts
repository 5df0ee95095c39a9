import { arcPath, sparklineRuns, valueAngle } from './gaugeGeometry';

describe('valueAngle', () => {
  it('puts neutral 0 at the top and the ends of -100..100 at ±120°', () => {
    expect(valueAngle(0, -100, 100)).toBe(0);
    expect(valueAngle(-100, -100, 100)).toBe(-120);
    expect(valueAngle(100, -100, 100)).toBe(120);
    expect(valueAngle(50, -100, 100)).toBe(60);
  });

  it('clamps values outside the scale to its ends', () => {
    expect(valueAngle(140, -100, 100)).toBe(120);
    expect(valueAngle(-101, -100, 100)).toBe(-120);
  });
});

describe('arcPath', () => {
  it('draws from the top to the right with a small arc', () => {
    expect(arcPath(50, 50, 40, 0, 90)).toBe('M 50 10 A 40 40 0 0 1 90 50');
  });

  it('draws the same arc whichever end comes first, and uses the large arc past 180°', () => {
    expect(arcPath(50, 50, 40, 90, 0)).toBe(arcPath(50, 50, 40, 0, 90));
    expect(arcPath(50, 50, 40, -120, 120)).toMatch(/ 0 1 1 /);
  });
});

describe('sparklineRuns', () => {
  it('maps time to x and value to y, the highest value at the top', () => {
    expect(
      sparklineRuns(
        [
          { time: 0, value: 0 },
          { time: 10, value: 5 },
          { time: 20, value: 10 },
        ],
        100,
        20
      )
    ).toEqual(['0.0,20.0 50.0,10.0 100.0,0.0']);
  });

  it('leaves a gap for a period with no value instead of bridging it', () => {
    const runs = sparklineRuns(
      [
        { time: 0, value: 1 },
        { time: 1, value: 2 },
        { time: 2, value: null },
        { time: 3, value: 1 },
      ],
      30,
      10
    );
    expect(runs).toHaveLength(2);
  });

  it('draws nothing without values, and a flat line for one value', () => {
    expect(sparklineRuns([{ time: 0, value: null }], 10, 10)).toEqual([]);
    expect(sparklineRuns([{ time: 0, value: 3 }], 10, 10)).toEqual(['5.0,5.0']);
  });
});
