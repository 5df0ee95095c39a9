import { changeDirection, formatChange, formatMetric } from './formatMetric';

const sli = { unit: 'none', decimals: 1, direction: 'higher_is_better' as const };
const csat = { unit: 'percent', decimals: 1, direction: 'higher_is_better' as const };

describe('formatMetric', () => {
  it('writes a value in the catalog unit and decimals', () => {
    expect(formatMetric(67.4, sli)).toBe('67.4');
    expect(formatMetric(82.06, csat)).toBe('82.1%');
    expect(formatMetric(-12, sli)).toBe('-12.0');
    expect(formatMetric(5.5, { unit: 'none', decimals: 2 })).toBe('5.50');
    expect(formatMetric(45, { unit: 's', decimals: 0 })).toBe('45 s');
  });

  it('takes fewer decimals when asked, as axis ticks and goals do', () => {
    expect(formatMetric(80, csat, 0)).toBe('80%');
  });

  it('says there were no ratings rather than writing zero', () => {
    expect(formatMetric(null, csat)).toBe('No ratings');
  });
});

describe('formatChange', () => {
  it('shows the direction as an arrow and a sign', () => {
    expect(formatChange(3.21, sli)).toBe('▲ +3.2');
    expect(formatChange(-2.6, sli)).toBe('▼ −2.6');
    expect(formatChange(0, sli)).toBe('= 0.0');
  });
});

describe('changeDirection', () => {
  it('calls a rise better when higher is better and worse when lower is better', () => {
    expect(changeDirection(2, sli)).toBe('better');
    expect(changeDirection(2, { direction: 'lower_is_better' })).toBe('worse');
    expect(changeDirection(-2, { direction: 'lower_is_better' })).toBe('better');
    expect(changeDirection(0, sli)).toBe('same');
    expect(changeDirection(5, { direction: 'neutral' })).toBe('unknown');
  });
});
