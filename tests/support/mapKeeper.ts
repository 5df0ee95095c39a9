import type { DuckDBConnection } from '@duckdb/node-api';
import type { WholeDaysKeeper } from '@touchpoint/server/src/days/splitWholeDays';

/** A keeper of whole days as the service's, in a Map, counting on the given connection: it counts how often the whole days were counted and how often read, and shows what it holds. */
export const mapKeeper = <T>(connection: DuckDBConnection) => {
  const kept = new Map<string, T>();
  const uses = { counted: 0, read: 0 };
  const keeper: WholeDaysKeeper<T> = async (key, count) => {
    uses.read += 1;
    if (!kept.has(key)) {
      uses.counted += 1;
      kept.set(key, await count(connection));
    }
    return kept.get(key)!;
  };
  return { keeper, uses, kept };
};
