import { niceTicks } from './niceTicks';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and widens the domain to the outer ticks', () => {
    expect(niceTicks(72, 88, 5)).toEqual({ ticks: [70, 75, 80, 85, 90], step: 5, domain: [70, 90] });
    expect(niceTicks(0, 100, 5)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], step: 20, domain: [0, 100] });
    expect(niceTicks(-100, 100, 4)).toEqual({ ticks: [-100, -50, 0, 50, 100], step: 50, domain: [-100, 100] });
  });

  it('keeps decimal ticks free of float noise', () => {
    expect(niceTicks(5.1, 5.9, 4)).toEqual({ ticks: [5, 5.2, 5.4, 5.6, 5.8, 6], step: 0.2, domain: [5, 6] });
    expect(niceTicks(0.1, 0.35, 5).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('gives a single tick for an empty span instead of looping', () => {
    expect(niceTicks(3, 3, 5)).toEqual({ ticks: [3], step: 1, domain: [3, 3] });
  });
});
