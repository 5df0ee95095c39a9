/** The first index whose time is at or after `time` (times ascending). */
export const firstAtOrAfter = (at: Float64Array, time: number): number => {
  let low = 0;
  let high = at.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (at[middle] < time) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
};
