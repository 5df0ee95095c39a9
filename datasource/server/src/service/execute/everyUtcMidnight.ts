import { DAY_MS, floorDay } from '@touchpoint/contract/src/timeRange';

/**
 * Runs `work` at every UTC midnight by the given clock (a real timer set to
 * the next one each time, so a long day or a clock change cannot make it
 * drift), with the midnight that began. Never keeps the process alive; the
 * returned function stops it.
 */
export const everyUtcMidnight = (work: (midnight: number) => void, now: () => number = Date.now): (() => void) => {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const at = now();
    timer = setTimeout(
      () => {
        const midnight = floorDay(now());
        // A timer may fire a moment early by another clock: then the day has not begun yet.
        if (midnight > floorDay(at)) {
          work(midnight);
        }
        schedule();
      },
      floorDay(at) + DAY_MS - at
    );
    timer.unref();
  };
  schedule();
  return () => clearTimeout(timer);
};
