import { DAY_MS, type TimeRange } from '@touchpoint/contract/src/timeRange';

/**
 * The days a moving range asks for the day after it asked for `days`: the
 * same days a day later, once `midnight` has begun that day. Undefined for
 * days that end after the day before `midnight` (asked already of the new
 * day, or of a range in the future): counting them a day later would count
 * what nobody asks yet. A wall's `now-90d` asks for whole days ending at
 * the day's start, and its previous period for days ending 90 days before.
 */
export const nextDays = (days: TimeRange, midnight: number): TimeRange | undefined =>
  days.to <= midnight - DAY_MS ? { from: days.from + DAY_MS, to: days.to + DAY_MS } : undefined;
