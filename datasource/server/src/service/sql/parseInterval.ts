const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

/**
 * Milliseconds of a Grafana interval such as '30s', '5m', '1h', '1d', '1w'
 * (also quoted), or null when it is not one. 'M' and 'y' are nominal
 * 30 and 365 days, as Grafana treats them.
 */
export const parseInterval = (text: string): number | null => {
  const match = /^'?(\d+(?:\.\d+)?)(ms|s|m|h|d|w|M|y)'?$/.exec(text.trim());
  if (!match) {
    return null;
  }
  return Math.round(Number(match[1]) * unitMs[match[2]]);
};
