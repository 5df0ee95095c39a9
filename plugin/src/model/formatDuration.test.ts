import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it('says minutes under an hour, hours under two days, days and hours under a week, then days', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(59 * 60 + 59)).toBe('59 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(47 * 3600 + 3599)).toBe('47 h');
    expect(formatDuration(2 * 86_400)).toBe('2 d');
    expect(formatDuration(4 * 86_400 + 6 * 3600 + 59)).toBe('4 d 6 h');
    expect(formatDuration(7 * 86_400 + 23 * 3600)).toBe('7 d');
    expect(formatDuration(113.9 * 86_400)).toBe('113 d');
  });

  it('writes no value as a dash, never as zero', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});
