import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './usageError';
import { errorMessage } from '@touchpoint/server/src/errorMessage';

/**
 * Reads a command line strictly: an unknown option or a missing value is a
 * UsageError naming it (node:util's own first line), so every command
 * answers with exit 2 and its usage.
 */
export const readArgs = <O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  allowPositionals = false
) => {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(errorMessage(error).split('\n')[0], { cause: error });
  }
};

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Validates a command's options; the first problem becomes a UsageError
 * naming the flag (`memoryLimit` is `--memory-limit`), or the label given for
 * a value that is not a flag, such as a positional argument.
 */
export const parseOptions = <S extends z.ZodType>(
  schema: S,
  values: unknown,
  labels: Record<string, string> = {}
): z.infer<S> => {
  const parsed = schema.safeParse(values);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0] ?? 'options');
  throw new UsageError(`${labels[key] ?? flagName(key)}: ${issue.message}`, { cause: parsed.error });
};
