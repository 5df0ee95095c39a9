import { statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { memoryLimitSchema } from '@touchpoint/server/src/db/memoryLimit';
import { formatReport } from '@touchpoint/server/src/load/formatReport';
import { loadDirectory, type LoadSummary } from '@touchpoint/server/src/load/loadDirectory';
import type { AppendSummary } from '@touchpoint/server/src/load/appendDirectory';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { LoadRejectedError, type LoadReport } from '@touchpoint/server/src/load/loadReport';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import type { Command } from '../command';
import { parseOptions, readArgs } from '../parseOptions';
import { notice } from '../notice';
import { terminalProgress } from '../progress';
import { UsageError } from '../usageError';

const optionsSchema = z.object({
  db: z.string().min(1),
  // Extra touchpoints beyond ref_touchpoints, comma-separated: names like the built-in ones.
  touchpoints: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0)
    )
    .refine(
      (names) => names.every((name) => /^[a-z][a-z0-9_]*$/.test(name)),
      'expected names of lower-case letters, digits and _, separated by commas'
    ),
  report: z.string().min(1).optional(),
  append: z.boolean().optional(),
  noSpare: z.boolean().optional(),
  memoryLimit: memoryLimitSchema.optional(),
});

const usage = 'load --db FILE DIR [--append [--no-spare]] [--touchpoints a,b] [--report FILE] [--memory-limit SIZE]';

const readDirectoryArgument = (positionals: string[]): string => {
  if (positionals.length !== 1) {
    throw new UsageError(`DIR: expected one directory, got ${positionals.length}`);
  }
  const [dir] = positionals;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`DIR: ${dir} is not a directory`);
  }
  return dir;
};

const parseCommandLine = (argv: string[]) => {
  const { values, positionals } = readArgs(
    argv,
    {
      db: { type: 'string' },
      touchpoints: { type: 'string' },
      report: { type: 'string' },
      append: { type: 'boolean' },
      'no-spare': { type: 'boolean' },
      'memory-limit': { type: 'string' },
    },
    true
  );
  const options = parseOptions(optionsSchema, values);
  if (options.noSpare && !options.append) {
    throw new UsageError('--no-spare: only with --append (a full load never keeps a spare)');
  }
  return { ...options, dir: readDirectoryArgument(positionals) };
};

// The rate is the loader's own (read, check, insert); the model build after it
// depends on the model, not on the input, so it is shown apart.
const summaryLine = (
  summary: LoadSummary | AppendSummary,
  loadSeconds: number,
  totalSeconds: number,
  db: string,
  verb: string
): string => {
  const replaced = (t: LoadSummary['tables'][number]) =>
    'replaced' in t && typeof t.replaced === 'number' ? ` (${t.replaced.toLocaleString('en-US')} replaced)` : '';
  const tables = summary.tables.map((t) => `${t.table} ${t.rows.toLocaleString('en-US')}${replaced(t)}`).join(', ');
  const rate = Math.round(summary.rows / Math.max(loadSeconds, 0.001)).toLocaleString('en-US');
  const rows = summary.rows.toLocaleString('en-US');
  return `${verb} ${db}: ${tables} (${rows} rows in ${loadSeconds.toFixed(1)}s, ${rate} rows/s; ${totalSeconds.toFixed(1)}s with the model)`;
};

type ReportFile =
  | { status: 'loaded'; loadSeconds: number; totalSeconds: number; tables: LoadSummary['tables'] }
  | ({ status: 'rejected' } & LoadReport);

const writeReport = (path: string | undefined, report: ReportFile) => {
  if (path) {
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  }
};

export const loadCommand: Command = {
  summary:
    'load the four contract files of DIR into a warehouse (or, with --append, merge any of them in), all or nothing',
  usage,
  run: async (argv) => {
    const options = parseCommandLine(argv);
    const progress = terminalProgress();
    const started = performance.now();
    let summary: LoadSummary | AppendSummary | undefined;
    let loadSeconds = 0;
    try {
      const replaceOptions = {
        progress,
        extraTouchpoints: options.touchpoints,
        notice: notice('load'),
        memoryLimit: options.memoryLimit,
        spare: !options.noSpare,
      };
      if (options.append) {
        const appended = await appendWarehouse(options.db, options.dir, replaceOptions);
        summary = appended.summary;
        loadSeconds = appended.mergeSeconds;
      } else {
        await replaceDatabase(
          options.db,
          async (connection) => {
            summary = await loadDirectory(connection, options.dir, progress);
            loadSeconds = (performance.now() - started) / 1000;
          },
          replaceOptions
        );
      }
    } catch (error) {
      progress.done();
      if (!(error instanceof LoadRejectedError)) {
        throw error;
      }
      process.stderr.write(`${error.message} (see below)\n${formatReport(error.report)}\n`);
      writeReport(options.report, { status: 'rejected', ...error.report });
      return 1;
    }
    progress.done();
    const totalSeconds = (performance.now() - started) / 1000;
    if (!summary) {
      throw new Error('the load finished without filling the raw tables');
    }
    process.stdout.write(
      `${summaryLine(summary, loadSeconds, totalSeconds, options.db, options.append ? 'appended to' : 'loaded')}\n`
    );
    const seconds = (value: number) => Number(value.toFixed(3));
    writeReport(options.report, {
      status: 'loaded',
      loadSeconds: seconds(loadSeconds),
      totalSeconds: seconds(totalSeconds),
      tables: summary.tables,
    });
    return 0;
  },
};
