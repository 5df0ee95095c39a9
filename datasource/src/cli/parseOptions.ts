import type { z } from 'zod';
import { UsageError } from './usageError';

/** Validates parsed command-line options; the first problem becomes a UsageError naming the option. */
export const parseOptions = <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> => {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue.path.join('.');
  const subject = option === 'sql' ? 'the SQL query' : `--${option}`;
  throw new UsageError(`${subject}: ${issue.message}`, { cause: parsed.error });
};
