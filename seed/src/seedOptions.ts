import { z } from 'zod';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const isCalendarDate = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Today's date in UTC as YYYY-MM-DD: the default end of the seeded window. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * What the generator is asked for. Numbers are coerced so that the same
 * schema validates CLI strings and library calls.
 */
export const seedOptionsSchema = z.object({
  /** 1 is about 20 branches, 50k customers, 500k interactions and 1M responses. */
  scale: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be greater than 0')
    .max(100, 'must be at most 100')
    .default(1),
  /** The same seed and end give the same tables, row for row. */
  seed: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large')
    .default(1),
  /**
   * The data covers the three years before this date (exclusive, UTC).
   * Defaults to today's UTC date, so an unpinned seed moves with the clock;
   * pin it wherever the result must repeat.
   */
  end: z
    .string()
    .regex(isoDate, 'must be a date as YYYY-MM-DD')
    .refine(isCalendarDate, 'is not a calendar date')
    .default(() => todayUtc()),
});

export type SeedOptions = z.output<typeof seedOptionsSchema>;
export type SeedOptionsInput = z.input<typeof seedOptionsSchema>;
