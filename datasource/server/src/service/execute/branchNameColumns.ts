import type { BranchDirectory } from '../branchDirectory';

const BRANCH = 'branch_id';

/** The columns that name a branch beside its id: region too, unless the metric is grouped by it already. */
export type BranchNameColumn = 'branch_name' | 'region';

/**
 * What a metric grouped by branch_id adds for people: the branch's name and
 * region, so a panel, a legend or a stock Grafana table reads "Harbour
 * Street", not "B1". Nothing when the metric is not grouped by branch.
 */
export const branchNameColumns = (groupBy: readonly string[]): BranchNameColumn[] =>
  groupBy.includes(BRANCH) ? ['branch_name', ...(groupBy.includes('region') ? [] : ['region' as const])] : [];

/** One branch's name or region; null for an id the directory does not hold. */
export const branchNameValue = (directory: BranchDirectory, column: BranchNameColumn, branchId: unknown) => {
  const entry = typeof branchId === 'string' ? directory.get(branchId) : undefined;
  if (!entry) {
    return null;
  }
  return column === 'branch_name' ? entry.name : entry.region;
};

/** Time-series labels with the branch's name and region added (labels are text; a missing one is left out). */
export const withBranchLabels = (
  labels: Record<string, string>,
  groupBy: readonly string[],
  directory: BranchDirectory
): Record<string, string> => {
  // Object.assign, not a spread: once per series, many times faster on Node 20 (see copyColumns.ts).
  const named = Object.assign({}, labels);
  for (const column of branchNameColumns(groupBy)) {
    const value = branchNameValue(directory, column, labels[BRANCH]);
    if (value !== null) {
      named[column] = value;
    }
  }
  return named;
};
