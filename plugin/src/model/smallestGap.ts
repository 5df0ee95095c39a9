/** The shortest distance between two distinct instants: the width one bucket of a series takes on the time axis. */
export const smallestGap = (times: readonly number[]): number | undefined => {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  let gap: number | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const distance = sorted[i] - sorted[i - 1];
    if (gap === undefined || distance < gap) {
      gap = distance;
    }
  }
  return gap;
};
