/**
 * Maps a value domain onto pixels. A domain of one value maps to the middle
 * of the range rather than dividing by zero.
 */
export const linearScale = ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) => {
  if (d1 === d0) {
    return () => (r0 + r1) / 2;
  }
  const ratio = (r1 - r0) / (d1 - d0);
  return (value: number) => r0 + (value - d0) * ratio;
};
