import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `everyMs`: what a render may read instead
 * of calling Date.now() (a render must be pure), and what keeps an age such
 * as "3 h old" true on a wall screen that nobody touches.
 */
export const useNow = (everyMs = 60_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};
