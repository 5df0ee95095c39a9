/** Rounds away float noise such as 0.30000000000000004 so tick labels and equality tests stay exact. */
const clean = (value: number, step: number) => {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(digits, 15)));
};

/**
 * Evenly spaced round ticks (1, 2 or 5 times a power of ten) covering
 * [lo, hi] with at most about `maxCount` intervals; the domain is widened
 * to the outer ticks so the axis starts and ends on a label.
 */
export const niceTicks = (
  lo: number,
  hi: number,
  maxCount: number
): { ticks: number[]; step: number; domain: [number, number] } => {
  const span = hi - lo;
  if (!Number.isFinite(span) || span <= 0) {
    return { ticks: [lo], step: 1, domain: [lo, lo] };
  }
  const raw = span / Math.max(1, Math.floor(maxCount));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // The epsilon keeps 0.8 / 4 (0.2000…04 in floating point) on a step of 2, not 5.
  const normal = raw / magnitude - 1e-9;
  const step = clean((normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude, magnitude);
  const first = Math.floor(clean(lo / step, 1)) * step;
  const last = Math.ceil(clean(hi / step, 1)) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 2; i++) {
    ticks.push(clean(first + i * step, step));
  }
  return { ticks, step, domain: [ticks[0], ticks[ticks.length - 1]] };
};
