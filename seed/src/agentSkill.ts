import type { RandomSource } from './randomSource';

/** An agent's skill: a standard normal fixed per agent of a branch. */
export const agentSkillSql = (random: RandomSource, branchN: string, agentN: string): string =>
  random.normal('agent/skill', `(${branchN})::bigint * 4096 + ${agentN}`);
