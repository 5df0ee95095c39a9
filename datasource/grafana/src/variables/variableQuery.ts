import { z } from 'zod';

export const VARIABLE_QUERY_VERSION = 1;

/** What a dashboard variable can list; `sql` is any query returning text (and optionally value). */
export const variableKinds = ['branches', 'regions', 'channels', 'agents', 'touchpoints', 'sql'] as const;
export type VariableKind = (typeof variableKinds)[number];

export const variableQuerySchema = z.object({
  refId: z.string().default('variable'),
  version: z.literal(VARIABLE_QUERY_VERSION).default(VARIABLE_QUERY_VERSION),
  kind: z.enum(variableKinds),
  sql: z.string().optional(),
});
export type VariableQuery = z.infer<typeof variableQuerySchema>;

/** Value and display text, for each kind; branch ids show as their names. */
const listSql: Record<Exclude<VariableKind, 'sql'>, string> = {
  branches: 'select branch_id as value, branch_name as text from dim_branches order by branch_name',
  regions: 'select distinct region as value from dim_branches order by region',
  channels: 'select channel as value, label as text from ref_channels order by label',
  agents: 'select distinct agent_id as value from fct_interactions where agent_id is not null order by agent_id',
  touchpoints: `select touchpoint as value, label as text from ref_touchpoints
                where mapping_version = (select mapping_version from model_info) order by label`,
};

export class VariableQueryError extends Error {}

/**
 * Reads a saved variable query. A bare string is SQL, as Grafana's older
 * dashboards and provisioning files save it.
 */
export const migrateVariableQuery = (query: unknown): VariableQuery => {
  if (typeof query === 'string') {
    return { refId: 'variable', version: VARIABLE_QUERY_VERSION, kind: 'sql', sql: query };
  }
  const parsed = variableQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VariableQueryError(
      `variable query is invalid at ${issue.path.join('.') || 'the top'}: ${issue.message}`,
      {
        cause: parsed.error,
      }
    );
  }
  return parsed.data;
};

/** The SQL a variable query runs. */
export const variableSql = (query: VariableQuery): string => {
  if (query.kind !== 'sql') {
    return listSql[query.kind];
  }
  if (!query.sql?.trim()) {
    throw new VariableQueryError('the variable query has no SQL: write a query that returns a text column');
  }
  return query.sql;
};
