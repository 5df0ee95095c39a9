import { decimalsNeeded } from './decimalsNeeded';

describe('decimalsNeeded', () => {
  it('writes whole numbers without decimals and keeps the ones that matter', () => {
    expect(decimalsNeeded(80, 1)).toBe(0);
    expect(decimalsNeeded(5.5, 2)).toBe(1);
    expect(decimalsNeeded(0.25, 3)).toBe(2);
    expect(decimalsNeeded(0.1 + 0.2, 3)).toBe(1);
  });

  it('stops at the metric’s own number of decimals', () => {
    expect(decimalsNeeded(1 / 3, 2)).toBe(2);
    expect(decimalsNeeded(1.5, 0)).toBe(0);
  });
});
