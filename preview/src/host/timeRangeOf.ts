import { dateMath, dateTime, type DateTime, type TimeRange, type UrlQueryMap } from '@grafana/data';
import type { Dashboard } from './dashboardModel';

/** Grafana's URL writes a range end as relative time (`now-90d`) or epoch milliseconds. */
const rawTime = (value: unknown, fallback: string): string | DateTime => {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return fallback;
  }
  const text = String(value);
  return /^\d+$/.test(text) ? dateTime(Number(text)) : text;
};

const resolve = (raw: string | DateTime, roundUp: boolean, timeZone: string, now?: number): DateTime => {
  const parsed =
    typeof raw === 'string'
      ? dateMath.toDateTime(raw, { roundUp, timezone: timeZone, now: now === undefined ? undefined : dateTime(now) })
      : raw;
  if (!parsed?.isValid()) {
    throw new Error(`the time range cannot be read: ${String(raw)}`);
  }
  return parsed;
};

/** The dashboard's time range, with the URL's `from` and `to` winning as in Grafana; `now` may be pinned. */
export const timeRangeOf = (
  dashboard: Pick<Dashboard, 'time' | 'timezone'>,
  search: UrlQueryMap,
  now?: number
): TimeRange => {
  const raw = { from: rawTime(search.from, dashboard.time.from), to: rawTime(search.to, dashboard.time.to) };
  return {
    from: resolve(raw.from, false, dashboard.timezone, now),
    to: resolve(raw.to, true, dashboard.timezone, now),
    raw,
  };
};

/** A panel's own relative range (`timeFrom: '12M'`): the last 12 months to now, instead of the dashboard's. */
export const panelTimeRange = (
  dashboardRange: TimeRange,
  timeFrom: string | undefined,
  timeZone: string,
  now?: number
): TimeRange => {
  if (!timeFrom) {
    return dashboardRange;
  }
  const raw = { from: `now-${timeFrom}`, to: 'now' };
  return { from: resolve(raw.from, false, timeZone, now), to: resolve(raw.to, true, timeZone, now), raw };
};
