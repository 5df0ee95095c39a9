import type { MetricInfo } from './metricField';
import type { BranchScore } from './branchBoard';
import type { SortOrder } from '../options/scorecardOptions';

export interface BranchGroup {
  /** The region, or undefined when not grouped. */
  region?: string;
  branches: BranchScore[];
}

/** By the name a person reads (BR2 before BR10), then by id for branches that share one. */
const byName = (a: BranchScore, b: BranchScore) =>
  a.name.localeCompare(b.name, undefined, { numeric: true }) ||
  a.branchId.localeCompare(b.branchId, undefined, { numeric: true });

/**
 * Orders branches for the board. "Worst" follows the metric's direction (the
 * lowest SLI, the highest churn); branches with no value go last in every
 * order, since there is nothing to rank them by; ties fall back to the name.
 */
export const sortBranches = (
  branches: readonly BranchScore[],
  order: SortOrder,
  metric: Pick<MetricInfo, 'direction'>
): BranchScore[] => {
  if (order === 'name') {
    return [...branches].sort(byName);
  }
  const lowerIsWorse = metric.direction !== 'lower_is_better';
  const worstFirst = order === 'worst' ? lowerIsWorse : !lowerIsWorse;
  return [...branches].sort((a, b) => {
    if (a.value === null || b.value === null) {
      return a.value === b.value ? byName(a, b) : a.value === null ? 1 : -1;
    }
    return (worstFirst ? a.value - b.value : b.value - a.value) || byName(a, b);
  });
};

/** Sorted branches, in one group or one per region (regions by name, unknown region last). */
export const arrangeBranches = (
  branches: readonly BranchScore[],
  options: { sort: SortOrder; groupByRegion: boolean },
  metric: Pick<MetricInfo, 'direction'>
): BranchGroup[] => {
  const sorted = sortBranches(branches, options.sort, metric);
  if (!options.groupByRegion) {
    return [{ branches: sorted }];
  }
  const regions = new Map<string, BranchScore[]>();
  for (const branch of sorted) {
    const key = branch.region ?? '';
    regions.set(key, [...(regions.get(key) ?? []), branch]);
  }
  return [...regions.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([region, members]) => ({ region: region === '' ? undefined : region, branches: members }));
};
