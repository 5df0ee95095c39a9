import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './usageError';
import { errorMessage } from '@touchpoint/server/src/errorMessage';

/** A flag's name as an option key: `memory-limit` is `memoryLimit`. */
type OptionKey<F extends string> = F extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<OptionKey<Tail>>}`
  : F;

const optionKey = (flag: string) => flag.replace(/-([a-z])/g, (_match, c: string) => c.toUpperCase());

/**
 * Reads a command line strictly: an unknown option or a missing value is a
 * UsageError naming it (node:util's own first line), so every command
 * answers with exit 2 and its usage. The values come keyed as the option
 * schemas name them (`--memory-limit` as `memoryLimit`), so no command maps
 * a flag by hand; parseOptions names the flag back in its errors.
 */
export const readArgs = <O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  allowPositionals = false
) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(errorMessage(error).split('\n')[0], { cause: error });
  }
  type Values = typeof parsed.values;
  const values = Object.fromEntries(Object.entries(parsed.values).map(([flag, value]) => [optionKey(flag), value]));
  return {
    values: values as { [K in keyof Values as OptionKey<K & string>]: Values[K] },
    positionals: parsed.positionals,
  };
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
