import { z } from 'zod';

/** A DuckDB memory limit as its `memory_limit` setting reads one: a number and a unit. */
export const memoryLimitSchema = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'expected a size such as 8GB or 512MB');
