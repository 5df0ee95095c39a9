import { linearScale } from './linearScale';

describe('linearScale', () => {
  it('maps the domain onto the range, also when the range runs backwards as a y axis does', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect([x(0), x(50), x(100), x(-10)]).toEqual([10, 110, 210, -10]);
    const y = linearScale([70, 90], [200, 0]);
    expect([y(70), y(80), y(90)]).toEqual([200, 100, 0]);
  });

  it('puts every value in the middle when the domain is a single value', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});
