import type { ResponseKind, SeedPlan } from '../seedPlan';

/**
 * Every response source selects these columns, in this order; the writer
 * turns keys into ids. `response_key` is already placed in its source's
 * key range, so keys of different sources never collide.
 */
export const responseColumns = [
  'response_key',
  'branch_n',
  'customer_id',
  'contact_key',
  'touchpoint',
  'instrument',
  'score',
  'responded_epoch',
  'comment',
] as const;

/** A source's own key moved into the source's key range. */
export const responseKeySql = (plan: SeedPlan, kind: ResponseKind, sourceKey: string): string =>
  `(${plan.responseKeyOffsets[kind]} + (${sourceKey}))`;
