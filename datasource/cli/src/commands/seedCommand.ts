import { z } from 'zod';
import { memoryLimitSchema } from '@touchpoint/server/src/db/memoryLimit';
import {
  exportRawTables,
  planSeed,
  randomSource,
  seedOptionsSchema,
  seedRawTables,
  type SeedCounts,
} from '@touchpoint/seed';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import type { Command } from '../command';
import { notice } from '../notice';
import { terminalProgress } from '../progress';
import { parseOptions, readArgs } from '../parseOptions';

const usage =
  'seed --db FILE [--scale N] [--seed S] [--end YYYY-MM-DD] [--out DIR --format csv|parquet] [--memory-limit SIZE]';

/** The command's options: the generator's, plus where the results go. */
const seedArgsSchema = seedOptionsSchema
  .extend({
    db: z.string({ error: 'is required' }).min(1, 'is required'),
    out: z.string().min(1, 'needs a directory').optional(),
    format: z.enum(['csv', 'parquet'], { error: 'must be csv or parquet' }).optional(),
    memoryLimit: memoryLimitSchema.optional(),
  })
  .refine((args) => args.format === undefined || args.out !== undefined, {
    message: 'needs --out DIR to write to',
    path: ['format'],
  });

const parseSeedArgs = (argv: string[]) => {
  const { values } = readArgs(argv, {
    db: { type: 'string' },
    scale: { type: 'string' },
    seed: { type: 'string' },
    end: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    'memory-limit': { type: 'string' },
  });
  return parseOptions(seedArgsSchema, values);
};

const summary = (db: string, counts: SeedCounts, seconds: number): string =>
  `seeded ${db}: ${counts.branches} branches, ${counts.customers} customers, ` +
  `${counts.interactions} interactions, ${counts.responses} responses, ${counts.followups} follow-up cases in ${seconds.toFixed(1)}s\n`;

/**
 * `touchpoint seed`: builds a warehouse of synthetic data, swapped in only
 * when whole, and optionally writes the raw tables as contract files too.
 * The data ends the day before --end (default: today, UTC), so pin --end
 * wherever the result must repeat.
 */
export const seedCommand: Command = {
  summary: 'generate deterministic synthetic CX data into a new warehouse',
  usage,
  run: async (argv) => {
    const args = parseSeedArgs(argv);
    const started = performance.now();
    const plan = planSeed(args);
    const progress = terminalProgress();
    let counts: SeedCounts | undefined;
    await replaceDatabase(
      args.db,
      async (connection) => {
        counts = await seedRawTables(connection, plan, randomSource(plan.seed), progress);
      },
      { progress, notice: notice('seed'), memoryLimit: args.memoryLimit }
    );
    if (args.out !== undefined) {
      progress.step(`writing ${args.out}`);
      const out = args.out;
      await withDatabase(args.db, { readOnly: true }, (connection) =>
        exportRawTables(connection, out, args.format ?? 'csv')
      );
    }
    progress.done();
    if (counts === undefined) {
      throw new Error('the seed wrote no tables');
    }
    process.stdout.write(summary(args.db, counts, (performance.now() - started) / 1000));
    return 0;
  },
};
