import { z } from 'zod';

/**
 * Dashboard variables as the datasource sends them: a single value, or the
 * list of selected values for multi-value and All.
 */
export const variableValueSchema = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(z.number()),
]);
export const variablesSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), variableValueSchema);

export type VariableValue = z.infer<typeof variableValueSchema>;
export type Variables = z.infer<typeof variablesSchema>;
