import { existsSync } from 'node:fs';
import { z } from 'zod';
import { planSeed, randomSource, seedOptionsSchema, seedRawTables } from '../../../../seed/src';
import { openDatabase } from '../../db/openDatabase';
import { readRows } from '../../db/readRows';
import { lastDays } from '../../metrics/timeRange';
import { replaceDatabase } from '../../warehouse/replaceDatabase';
import type { Command } from '../command';
import { formatRows } from '../formatRows';
import { parseOptions, readArgs } from '../parseOptions';
import { terminalProgress } from '../progress';
import { scorecardRows } from '../scorecardRows';

/** Where the demo warehouse lives unless TOUCHPOINT_DB or --db says otherwise. */
export const DEFAULT_DEMO_DB = 'data/touchpoint.duckdb';

const optionsSchema = z.object({
  db: z.string().min(1).default(process.env.TOUCHPOINT_DB ?? DEFAULT_DEMO_DB),
  scale: seedOptionsSchema.shape.scale,
});

const summaryTables = ['raw.branches', 'raw.customers', 'raw.interactions', 'raw.responses', 'fct_interactions', 'dim_customers', 'rel_branch_month', 'rel_cohort_retention'];

const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);

/**
 * `npm start`: seeds a demo warehouse on first run, then prints what is in it
 * and the last 90 days' scorecard per branch.
 */
export const demoCommand: Command = {
  summary: 'seed a demo warehouse if there is none and print its scorecard',
  usage: 'demo [--db FILE] [--scale N]',
  run: async (argv) => {
    const { values } = readArgs(argv, { db: { type: 'string' }, scale: { type: 'string' } });
    const options = parseOptions(optionsSchema, values);
    const out = (text: string) => process.stdout.write(`${text}\n`);
    if (!existsSync(options.db)) {
      out(`No warehouse at ${options.db} yet: seeding demo data (scale ${options.scale}); this takes under a minute.`);
      const plan = planSeed(seedOptionsSchema.parse({ scale: options.scale }));
      const progress = terminalProgress();
      await replaceDatabase(options.db, (connection) => seedRawTables(connection, plan, randomSource(plan.seed), progress).then(() => undefined), { progress });
      progress.done('seeded');
    }
    const instance = await openDatabase(options.db, { readOnly: true });
    const connection = await instance.connect();
    try {
      const [info] = await readRows(connection, 'select first_event_at, as_of, data_version from model_info');
      out(`\nTouchpoint warehouse ${options.db}: data from ${day(info.first_event_at)} to ${day(info.as_of)} (version ${info.data_version})`);
      const counts = [];
      for (const table of summaryTables) {
        const [row] = await readRows(connection, `select count(*) as n from ${table}`);
        counts.push([table, Number(row.n)]);
      }
      out(formatRows({ columns: ['table', 'rows'], rows: counts }, 'table'));

      const range = lastDays(Number(info.as_of), 90);
      out(`\nScorecard, ${day(range.from)} to ${day(info.as_of)}: relationship (SLI, NPS, churn) then service (CSAT, FCR); * marks fewer than 30 responses`);
      out(formatRows(await scorecardRows(connection, range), 'table'));
      out(`\nNext: npx touchpoint sql --db ${options.db} "select * from metric_catalog"`);
      out(`      npx touchpoint serve --db ${options.db}    (the query service for Grafana and analysts)`);
      return 0;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  },
};
