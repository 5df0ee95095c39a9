/**
 * Follow-up cases: who owns them and what they found. A branch routes most
 * cases to one of its teams; app and website ratings go to a central
 * digital team. Root causes are the short list a case form offers, with
 * the ones a kind of rating usually turns up.
 */
export const branchTeams: readonly string[] = ['care team', 'service desk', 'branch manager'];

export const DIGITAL_TEAM = 'Digital care team';

export const UNREACHABLE_CAUSE = 'customer not reachable';

export const rootCauses = {
  /** After-service CSAT and CES: the contact went wrong. */
  service: ['long wait', 'not resolved first time', 'wrong information', 'staff attitude', 'billing error'],
  /** Relationship NPS: the whole relationship. */
  relationship: ['price', 'product quality', 'billing error', 'not resolved first time', 'staff attitude'],
  /** App and website stars. */
  digital: ['app or website fault', 'login problem', 'product quality'],
} as const;

/**
 * The score below which a rating is negative, per instrument: its SLI
 * points are below 0 (below the scale's midpoint: Bad or Unacceptable),
 * and for NPS a detractor (0..6), which includes those.
 */
export const negativeBelow: Readonly<Record<string, number>> = {
  csat_5: 3,
  ces_7: 4,
  nps_11: 7,
  stars_5: 3,
  smiley_5: 3,
};
