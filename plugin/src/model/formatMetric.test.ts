import { changeDirection, formatChange, formatMetric } from './formatMetric';

const sli = { unit: 'none', decimals: 1, direction: 'higher_is_better' as const };
const csat = { unit: 'percent', decimals: 1, direction: 'higher_is_better' as const };

describe('formatMetric', () => {
  it('writes a value in the catalog unit and decimals', () => {
    expect(formatMetric(67.4, sli)).toBe('67.4');
    expect(formatMetric(82.06, csat)).toBe('82.1%');
    expect(formatMetric(-12, sli)).toBe('-12.0');
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
