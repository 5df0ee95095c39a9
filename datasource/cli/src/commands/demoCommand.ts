import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { planSeed, randomSource, seedOptionsSchema, seedRawTables } from '@touchpoint/seed';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { lastDays } from '@touchpoint/contract/src/timeRange';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { serviceConfigSchema, withEnvironment, type ServiceConfig } from '@touchpoint/server/src/service/serviceConfig';
import type { Command } from '../command';
import { listenService, untilStopped } from '../listenService';
import { formatRows } from '../formatRows';
import { notice } from '../notice';
import { parseOptions, readArgs } from '../parseOptions';
import { terminalProgress } from '../progress';
import { scorecardRows } from '../scorecardRows';

/** Where the demo warehouse lives unless TOUCHPOINT_DB or --db says otherwise. */
export const DEFAULT_DEMO_DB = 'data/touchpoint.duckdb';

/** Where the preview page listens unless --preview-port or TOUCHPOINT_PREVIEW_PORT says otherwise. */
export const DEFAULT_PREVIEW_PORT = 7401;

/** The demo speaks PostgreSQL here (on loopback) unless --pg-port or TOUCHPOINT_PG_PORT says otherwise. */
export const DEFAULT_DEMO_PG_PORT = 7432;

const optionsSchema = z.object({
  db: z.string().min(1).default(DEFAULT_DEMO_DB),
  scale: seedOptionsSchema.shape.scale,
  previewPort: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PREVIEW_PORT),
  serve: z.boolean(),
  preview: z.boolean(),
});
type DemoOptions = z.infer<typeof optionsSchema>;

const summaryTables = [
  'raw.branches',
  'raw.customers',
  'raw.interactions',
  'raw.responses',
  'raw.followups',
  'fct_interactions',
  'dim_customers',
  'rel_branch_month',
  'rel_cohort_retention',
];

const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);

/**
 * `npm start`: seeds a demo warehouse on first run, then prints what is in it
 * and the last 90 days' scorecard per branch.
 */
export const demoCommand: Command = {
  summary:
    'seed a demo warehouse if there is none, print its scorecard, then serve it with the preview page (npm start)',
  usage:
    'demo [--db FILE] [--scale N] [--port N] [--pg-port N] [--host H] [--token T] [--preview-port N] [--no-preview] [--no-serve]',
  run: async (argv) => {
    const { values } = readArgs(argv, {
      db: { type: 'string' },
      scale: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'pg-port': { type: 'string' },
      token: { type: 'string' },
      'preview-port': { type: 'string' },
      'no-preview': { type: 'boolean' },
      'no-serve': { type: 'boolean' },
    });
    // Flags over environment variables, as for `serve`; an unusable value fails with the flag's name.
    const options = parseOptions(optionsSchema, {
      db: values.db ?? process.env.TOUCHPOINT_DB,
      scale: values.scale,
      previewPort: values.previewPort ?? process.env.TOUCHPOINT_PREVIEW_PORT,
      serve: !values.noServe,
      preview: !values.noPreview,
    });
    // Checked before seeding, so a wrong --port fails in a second, not after a minute.
    const merged = withEnvironment({
      db: options.db,
      host: values.host,
      port: values.port,
      token: values.token,
      pgPort: values.pgPort ?? process.env.TOUCHPOINT_PG_PORT ?? String(DEFAULT_DEMO_PG_PORT),
    });
    // Warnings only, unless TOUCHPOINT_LOG_LEVEL asks for more: the terminal is the demo's own.
    const serviceConfig = parseOptions(serviceConfigSchema, { logLevel: 'warn', ...merged });
    await printScorecard(options);
    if (!options.serve) {
      return 0;
    }
    return serveDemo(options, serviceConfig);
  },
};

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Seeds the demo warehouse when there is none, then prints what is in it and the last 90 days' scorecard. */
const printScorecard = async (options: DemoOptions) => {
  if (!existsSync(options.db)) {
    out(`No warehouse at ${options.db} yet: seeding demo data (scale ${options.scale}); this takes under a minute.`);
    const plan = planSeed(seedOptionsSchema.parse({ scale: options.scale }));
    const progress = terminalProgress();
    await replaceDatabase(
      options.db,
      (connection) => seedRawTables(connection, plan, randomSource(plan.seed), progress).then(() => undefined),
      {
        progress,
        notice: notice('demo'),
      }
    );
    progress.done('seeded');
  }
  await withDatabase(options.db, { readOnly: true }, async (connection) => {
    const [info] = await readRows(connection, 'select first_event_at, as_of, data_version from model_info');
    out(
      `\nTouchpoint warehouse ${options.db}: data from ${day(info.first_event_at)} to ${day(info.as_of)} (version ${info.data_version})`
    );
    const counts = [];
    for (const table of summaryTables) {
      const [row] = await readRows(connection, `select count(*) as n from ${table}`);
      counts.push([table, Number(row.n)]);
    }
    out(formatRows({ columns: ['table', 'rows'], rows: counts }, 'table'));

    const range = lastDays(Number(info.as_of), 90);
    out(
      `\nScorecard, ${day(range.from)} to ${day(info.as_of)}: relationship (SLI, NPS, churn) then service (CSAT, FCR); * marks fewer than 30 responses`
    );
    out(formatRows(await scorecardRows(connection, range), 'table'));
  });
};

/**
 * Serves the warehouse (the query service) and, unless --no-preview, the
 * preview page with both plugins built as Grafana loads them, until Ctrl+C.
 * The preview stands in for Grafana's data proxy, so the service gets a
 * token (a fresh one unless given) that only the proxy adds.
 */
const serveDemo = async (options: DemoOptions, config: ServiceConfig) => {
  const token = config.token ?? (options.preview ? randomBytes(18).toString('base64url') : undefined);
  // Loaded only here: the preview needs the build tools, which a service-only install (docker) leaves out.
  const preview = options.preview ? await import('@touchpoint/preview/src/server/startPreview') : undefined;
  if (preview) {
    await (await import('@touchpoint/preview/src/server/ensureBuilt')).ensureBuilt(out);
  }
  const { service, url, localUrl, pgUrl } = await listenService({ ...config, token });
  try {
    const started = preview
      ? await preview.startPreview({ host: '127.0.0.1', port: options.previewPort, serviceUrl: localUrl, token })
      : undefined;
    try {
      out('\nTouchpoint is running:');
      if (started) {
        out(`  Preview  ${started.home}   (the leadership scorecard: click a branch to drill down)`);
      }
      out(`  Service  ${url}${token ? `   (token: ${token})` : ''}`);
      out(`  SQL      npx touchpoint sql --db ${options.db} "select * from metric_catalog"`);
      if (pgUrl) {
        out(
          `  psql     ${token ? `PGPASSWORD=${token} ` : ''}psql "${pgUrl}"   (PostgreSQL protocol: Grafana alerts, DBeaver, pandas)`
        );
      }
      out('Press Ctrl+C to stop.');
      await untilStopped();
      out('Stopping…');
    } finally {
      await started?.close();
    }
  } finally {
    // Also when the preview cannot start (its port taken): a listening service would keep the process alive.
    await service.close();
  }
  return 0;
};
