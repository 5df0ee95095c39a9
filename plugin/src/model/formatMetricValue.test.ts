import { formatMetricValue } from './formatMetricValue';

describe('formatMetricValue', () => {
  it('writes the value in the field’s unit and decimals', () => {
    expect(formatMetricValue({ unit: 'percent', decimals: 1 }, 82.1)).toBe('82.1%');
    expect(formatMetricValue({ unit: 'none', decimals: 2 }, 5.5)).toBe('5.50');
    expect(formatMetricValue({ unit: 'none', decimals: 1 }, -12)).toBe('-12.0');
  });

  it('takes fewer decimals when asked, as axis ticks and goals do', () => {
    expect(formatMetricValue({ unit: 'percent', decimals: 1 }, 80, 0)).toBe('80%');
  });

  it('writes durations in a readable unit', () => {
    expect(formatMetricValue({ unit: 's', decimals: 0 }, 45)).toBe('45 s');
  });

  it('says there were no ratings rather than writing zero', () => {
    expect(formatMetricValue({ unit: 'percent', decimals: 1 }, null)).toBe('No ratings');
  });
});
