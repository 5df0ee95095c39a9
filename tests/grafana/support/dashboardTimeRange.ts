import { rangeUtil, type TimeRange } from '@grafana/data';
import { panelTimeRange as previewPanelTimeRange, timeRangeOf } from '@touchpoint/preview/src/host/timeRangeOf';
import type { DashboardFile, DashboardPanel } from './dashboardFiles';

/**
 * The range a panel queries, as Grafana (and the preview) work it out: the
 * dashboard's relative range, or the panel's own relative time (`timeFrom`),
 * read with `now` pinned (to the data's latest event, so "last 90 days" has data).
 */
export const panelTimeRange = (
  { dashboard }: DashboardFile,
  panel: DashboardPanel | undefined,
  now: number
): TimeRange => previewPanelTimeRange(timeRangeOf(dashboard, {}, now), panel?.timeFrom, dashboard.timezone, now);

/** The panel's interval for a range, as Grafana derives it from the points the panel has room for. */
export const panelInterval = (range: TimeRange, maxDataPoints: number) =>
  rangeUtil.calculateInterval(range, maxDataPoints);
