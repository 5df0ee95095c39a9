const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-01 was a Thursday; weeks start on Monday, as the service's week buckets do. */
const MONDAY = 4 * DAY;

type Step =
  { kind: 'fixed'; ms: number; format: string; origin: number } | { kind: 'months'; months: number; format: string };

// Candidate steps from finest to coarsest; formats are Grafana's moment-style patterns.
const steps: Step[] = [
  ...[1, 3, 6, 12].map((hours): Step => ({ kind: 'fixed', ms: hours * HOUR, format: 'MM-DD HH:mm', origin: 0 })),
  ...[1, 2].map((days): Step => ({ kind: 'fixed', ms: days * DAY, format: 'MMM D', origin: 0 })),
  ...[1, 2].map((weeks): Step => ({ kind: 'fixed', ms: weeks * 7 * DAY, format: 'MMM D', origin: MONDAY })),
  ...[1, 3, 6].map((months): Step => ({ kind: 'months', months, format: 'MMM YYYY' })),
  ...[12, 24, 60, 120].map((months): Step => ({ kind: 'months', months, format: 'YYYY' })),
];

const fixedTicks = (from: number, to: number, step: Extract<Step, { kind: 'fixed' }>) => {
  const times: number[] = [];
  for (let t = Math.ceil((from - step.origin) / step.ms) * step.ms + step.origin; t <= to; t += step.ms) {
    times.push(t);
  }
  return times;
};

const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);

const monthTicks = (from: number, to: number, months: number) => {
  const start = new Date(from);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (monthStart(index) < from) {
    index++;
  }
  index = Math.ceil(index / months) * months;
  const times: number[] = [];
  for (; monthStart(index) <= to; index += months) {
    times.push(monthStart(index));
  }
  return times;
};

/**
 * Time-axis ticks on calendar boundaries (hours, days, Mondays, first of a
 * month or year): the finest step no finer than the data's own buckets
 * (`minStepMs`) that gives at most `maxCount` ticks (a number, or one per
 * format since "05-03 14:00" is wider than "2024"), and the format to write
 * them in. Boundaries are those of the wall clock `offsetMs` ahead of UTC
 * (the dashboard's time zone at the range start), so a tick written
 * "May 3" sits at midnight where it is read.
 */
export const timeTicks = (
  from: number,
  to: number,
  maxCount: number | ((format: string) => number),
  { offsetMs = 0, minStepMs = 0 }: { offsetMs?: number; minStepMs?: number } = {}
): { times: number[]; format: string } => {
  const [localFrom, localTo] = [from + offsetMs, to + offsetMs];
  for (const step of steps) {
    const limit = Math.max(1, Math.floor(typeof maxCount === 'number' ? maxCount : maxCount(step.format)));
    const approximate = step.kind === 'fixed' ? step.ms : step.months * 30 * DAY;
    // A month is 28 to 31 days: the slack keeps monthly ticks for monthly buckets.
    if (approximate < minStepMs * 0.8) {
      continue;
    }
    // Skips building thousands of hourly ticks for a range of years.
    if ((to - from) / approximate > limit + 1) {
      continue;
    }
    const times =
      step.kind === 'fixed' ? fixedTicks(localFrom, localTo, step) : monthTicks(localFrom, localTo, step.months);
    if (times.length <= limit) {
      return { times: times.map((t) => t - offsetMs), format: step.format };
    }
  }
  return { times: [from], format: 'YYYY' };
};
