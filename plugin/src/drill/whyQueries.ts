import { QUERY_VERSION, type SavedMetricQuery } from '@touchpoint/contract/src/savedQuery';

/** The catalog metrics the why step sets beside the company's: the relationship per touchpoint, then service. */
export const whyMetrics = {
  sli: 'sli',
  service: ['csat', 'ces_mean', 'frt_median', 'resolution_median', 'fcr'],
} as const;

/** Which side of the comparison a why query is, by its refId: `branch:csat` or `company:csat`. */
export const whySides = ['branch', 'company'] as const;
export type WhySide = (typeof whySides)[number];
export const whyRefId = (side: WhySide, metric: string) => `${side}:${metric}`;

const metricQuery = (side: WhySide, metric: string, branchId: string, groupBy: string[]): SavedMetricQuery => ({
  refId: whyRefId(side, metric),
  version: QUERY_VERSION,
  kind: 'metric',
  metric,
  // Grouped by its branch too, the branch's side carries the branch's name.
  groupBy: side === 'branch' ? [...groupBy, 'branch_id'] : groupBy,
  interval: 'none',
  filters: side === 'branch' ? { branch_id: [branchId] } : {},
});

/**
 * The why step's queries, sent as one request: the branch's SLI per
 * touchpoint and its service metrics over the whole range, each beside the
 * same query without the branch filter (the company's).
 */
export const whyQueries = (branchId: string): SavedMetricQuery[] =>
  whySides.flatMap((side) => [
    metricQuery(side, whyMetrics.sli, branchId, ['touchpoint']),
    ...whyMetrics.service.map((metric) => metricQuery(side, metric, branchId, [])),
  ]);
