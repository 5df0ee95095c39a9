import type { PlainValue } from './plainValue';

/**
 * Keys of a few columns to small numbers, as nested maps, one level per
 * column, for rows matched by key once each: a day of facts at scale 100
 * is 200,000 rows, and a text key built per row (JSON) cost as much as
 * reading them. Map keys compare as values do: null apart from 'null', 1
 * apart from '1'.
 */
export class KeyIndex {
  private readonly root = new Map<PlainValue, unknown>();

  /** The number of the key whose column values `valueAt(c)` gives, or -1. */
  find(width: number, valueAt: (column: number) => PlainValue): number {
    let level: unknown = width === 0 ? this.root.get(null) : this.root;
    for (let c = 0; c < width; c += 1) {
      if (!(level instanceof Map)) {
        return -1;
      }
      level = level.get(valueAt(c));
    }
    return typeof level === 'number' ? level : -1;
  }

  add(width: number, valueAt: (column: number) => PlainValue, index: number): void {
    if (width === 0) {
      this.root.set(null, index);
      return;
    }
    let level = this.root;
    for (let c = 0; c < width - 1; c += 1) {
      const value = valueAt(c);
      let next = level.get(value) as Map<PlainValue, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    level.set(valueAt(width - 1), index);
  }
}
