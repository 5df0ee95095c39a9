import { useState } from 'react';

/**
 * The same value, by identity, for as long as its key is the same: an effect
 * that depends on it runs once per distinct value (a query and its range, by
 * value) rather than once per render that rebuilds an equal object. When the
 * key changes, the new value is kept (React's pattern for state derived from
 * the previous render).
 */
export const useStableByKey = <T>(key: string, value: T): T => {
  const [stable, setStable] = useState({ key, value });
  if (stable.key !== key) {
    setStable({ key, value });
    return value;
  }
  return stable.value;
};
