import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { sqlStringList } from './sqlValues';

/**
 * Identifiers as SQL expressions over row keys. Branch codes are short and
 * sequential like a real branch list, agents are numbered within their
 * branch; customer, ticket and response numbers are the row key pushed
 * through a seeded permutation, so they are unique, fixed by the seed and
 * carry no hint of generation order.
 *
 * Tens of millions of ids are formatted, so the expressions avoid lpad and
 * repeated concatenation: a number gets a fixed width by adding a power of
 * ten above its range (its first digit is always 1), and branch and agent
 * codes are looked up in constant lists.
 *
 * A follow-up case is numbered after the rating it follows up (at most one
 * case per rating), through a permutation of its own.
 */

/** Agents per branch are capped so that their codes fit two digits. */
export const MAX_AGENTS_PER_BRANCH = 99;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The branch codes, BR001 onwards, in branch order. */
export const branchIds = (plan: SeedPlan): string[] => {
  const width = Math.max(3, String(plan.branchCount).length);
  return Array.from({ length: plan.branchCount }, (_, n) => `BR${pad(n + 1, width)}`);
};

export const branchIdSql = (plan: SeedPlan, branchN: string): string =>
  `list_extract(${sqlStringList(branchIds(plan))}, (${branchN}) + 1)`;

const agentSuffixes = sqlStringList(Array.from({ length: MAX_AGENTS_PER_BRANCH }, (_, n) => `-A${pad(n + 1, 2)}`));

export const agentIdSql = (plan: SeedPlan, branchN: string, agentN: string): string =>
  `${branchIdSql(plan, branchN)} || list_extract(${agentSuffixes}, (${agentN}) + 1)`;

/** Above every permuted number of `bits` bits: its digits give ids a fixed width. */
const widthPower = (bits: number): number => 10 ** String(2 ** bits - 1).length;

/** 'P' followed by the permuted key at a fixed width. */
const permutedId = (prefix: string, random: RandomSource, stream: string, key: string, bits: number): string =>
  `'${prefix}' || (${widthPower(bits)} + ${random.permute(stream, key, bits)})::varchar`;

export const customerIdSql = (plan: SeedPlan, random: RandomSource, customerN: string): string =>
  permutedId('C', random, 'customer_id', customerN, plan.customerIdBits);

export const interactionIdSql = (plan: SeedPlan, random: RandomSource, contactKey: string): string =>
  permutedId('T', random, 'interaction_id', contactKey, plan.interactionIdBits);

export const responseIdSql = (plan: SeedPlan, random: RandomSource, responseKey: string): string =>
  permutedId('R', random, 'response_id', responseKey, plan.responseIdBits);

/**
 * The permuted number inside a response id: unique per response and below
 * 2^responseIdBits, so it keys the draws and the id of the rating's
 * follow-up case without carrying the response key along.
 */
export const responseNumberSql = (plan: SeedPlan, responseId: string): string =>
  `(substr(${responseId}, 2)::bigint - ${widthPower(plan.responseIdBits)})`;

export const followupIdSql = (plan: SeedPlan, random: RandomSource, responseNumber: string): string =>
  permutedId('F', random, 'followup_id', responseNumber, plan.responseIdBits);
