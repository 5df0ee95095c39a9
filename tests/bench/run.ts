import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { exportRawTables, planSeed, randomSource, seedOptionsSchema, seedRawTables } from '@touchpoint/seed';
import { printTable } from './printTable';
import { scorecardQueries } from './scorecardQueries';
import { runPostgresBench } from './postgresBench';
import { runJourneyBench } from './journeyBench';
import { runServiceBench } from './serviceBench';
import { runCostCurve } from './costCurve';
import { runIncrementBench } from './incrementBench';
import { formatNumber, median, timed } from './stats';
import { errorMessage } from '@touchpoint/server/src/errorMessage';

/**
 * `npm run bench`: figures, not verdicts. Seeds a warehouse at --scale
 * (default 20: 10M interactions, 20M responses, 1M customers), exports and
 * reloads it, times the scorecard from rollups and from row-level tables,
 * then runs the service benchmark over HTTP and the PostgreSQL port against
 * HTTP. Every ratio is measured in this one run.
 *
 * Options: --scale N; --keep DIR (work there and leave the files);
 * --skip-service (stop after the in-process scorecard); --only-postgres
 * (of the service benchmarks, only the PostgreSQL one: quick iterations on
 * it with `npm run bench -- --scale 0.2 --only-postgres`); --only-journey
 * (seed, then only the journey query's figures: no export, reload,
 * scorecard or other service benchmark); --db FILE (a warehouse seeded
 * before, e.g. `touchpoint seed --scale 5 --db .scratch/s5.duckdb`: no seed
 * or load, only its queries); --only-service (of the service benchmarks,
 * only the HTTP one); --curve [--scales 1,5,20,100] (the cost curve, see
 * costCurve.ts); --db FILE --only-increment [--memory-limit 14GB] (of a
 * warehouse seeded before, only the one-day increment: see incrementBench.ts).
 */
/** The scorecard in-process, then (unless skipped) the service and PostgreSQL benchmarks, on one warehouse file. */
const measureQueries = async (
  seeded: string,
  values: { 'skip-service'?: boolean; 'only-postgres'?: boolean; 'only-service'?: boolean }
) => {
  // The scorecard over the whole three years, from rollups and from rows.
  const instance = await openDatabase(seeded, { readOnly: true });
  const connection = await instance.connect();
  try {
    const [info] = await readRows(connection, 'select first_event_at, as_of from model_info');
    const range = { from: Number(info.first_event_at), to: Number(info.as_of) + 1 };
    const queries = scorecardQueries(await readCatalogTable(connection), range);
    const measure = async (bound: { sql: string; params: object; types: object }) => {
      const samples: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const { ms } = await timed(() =>
          connection.runAndReadAll(bound.sql, bound.params as never, bound.types as never)
        );
        if (i > 0) {
          samples.push(ms);
        }
      }
      return median(samples);
    };
    const results = [];
    for (const q of queries) {
      const rollup = await measure(q.fromRollup);
      const raw = await measure(q.fromRaw);
      results.push([q.name, formatNumber(rollup), formatNumber(raw), formatNumber(raw / rollup, 1)]);
    }
    printTable(
      'Scorecard queries over three years, median ms (target: within 100 ms)',
      ['query', 'from rollups', 'from rows', 'rows / rollups'],
      results
    );
    if (!values['skip-service']) {
      if (!values['only-postgres']) {
        await runServiceBench(seeded, connection, Number(info.as_of));
        if (values['only-service']) {
          return;
        }
        await runJourneyBench(seeded, connection, Number(info.as_of));
      }
      await runPostgresBench(seeded, Number(info.as_of));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      'skip-service': { type: 'boolean' },
      'only-postgres': { type: 'boolean' },
      'only-journey': { type: 'boolean' },
      keep: { type: 'string' },
      db: { type: 'string' },
      'only-service': { type: 'boolean' },
      curve: { type: 'boolean' },
      scales: { type: 'string' },
      'only-increment': { type: 'boolean' },
      'memory-limit': { type: 'string' },
    },
  });
  if (values.curve) {
    await runCostCurve((values.scales ?? '1,5,20,100').split(',').map(Number), values.keep);
    return;
  }
  if (values['only-increment'] && !values.db) {
    throw new Error('--only-increment times the increment of a warehouse seeded before: give it with --db FILE');
  }
  if (values.db && values['only-increment']) {
    // A scale-100 warehouse takes an hour to seed and build: its increment alone, on one seeded before.
    const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'touchpoint-increment-'));
    mkdirSync(dir, { recursive: true });
    try {
      await runIncrementBench(values.db, dir, { memoryLimit: values['memory-limit'] });
    } finally {
      if (!values.keep) {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return;
  }
  if (values.db) {
    process.stdout.write(`Touchpoint benchmark on ${values.db}\n`);
    await measureQueries(values.db, values);
    return;
  }
  const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 20);
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'touchpoint-bench-'));
  mkdirSync(dir, { recursive: true });
  const seeded = join(dir, 'seeded.duckdb');
  const loaded = join(dir, 'loaded.duckdb');
  const csv = join(dir, 'csv');
  process.stdout.write(`Touchpoint benchmark at scale ${scale} on ${dir}\n`);
  try {
    // Seed and build, timed apart.
    let seedMs = 0;
    let rows = 0;
    const plan = planSeed(seedOptionsSchema.parse({ scale, seed: 1, end: '2026-06-30' }));
    const total = await timed(() =>
      replaceDatabase(seeded, async (connection) => {
        const seed = await timed(() => seedRawTables(connection, plan, randomSource(plan.seed)));
        seedMs = seed.ms;
        rows = seed.value.branches + seed.value.customers + seed.value.interactions + seed.value.responses;
      })
    );

    if (values['only-journey']) {
      // Straight to the journey figures: no export, reload or scorecard.
      const journeyDb = await openDatabase(seeded, { readOnly: true });
      const journeyConnection = await journeyDb.connect();
      try {
        const [info] = await readRows(journeyConnection, 'select as_of from model_info');
        process.stdout.write(
          `seed and build: ${formatNumber(total.ms / 1000)} s for ${rows.toLocaleString('en-US')} raw rows\n`
        );
        await runJourneyBench(seeded, journeyConnection, Number(info.as_of));
      } finally {
        journeyConnection.closeSync();
        journeyDb.closeSync();
      }
      return;
    }

    // Export as CSV, load it back, timed apart from the model build.
    const exporter = await openDatabase(seeded, { readOnly: true });
    const exportConnection = await exporter.connect();
    const exported = await timed(() => exportRawTables(exportConnection, csv, 'csv'));
    exportConnection.closeSync();
    exporter.closeSync();
    let loadMs = 0;
    const loadTotal = await timed(() =>
      replaceDatabase(loaded, async (connection) => {
        loadMs = (await timed(() => loadDirectory(connection, csv))).ms;
      })
    );
    printTable(
      `Warehouse (${rows.toLocaleString('en-US')} raw rows)`,
      ['step', 'seconds', 'rows/s'],
      [
        ['seed (generator)', formatNumber(seedMs / 1000), formatNumber(rows / (seedMs / 1000), 0)],
        ['model build and checks after seed', formatNumber((total.ms - seedMs) / 1000), ''],
        ['seed and build together (target 60 s at scale 20)', formatNumber(total.ms / 1000), ''],
        ['export CSV', formatNumber(exported.ms / 1000), formatNumber(rows / (exported.ms / 1000), 0)],
        [
          'load CSV (validate and insert; target 1M rows/s)',
          formatNumber(loadMs / 1000),
          formatNumber(rows / (loadMs / 1000), 0),
        ],
        [
          'load CSV with model build and checks',
          formatNumber(loadTotal.ms / 1000),
          formatNumber(rows / (loadTotal.ms / 1000), 0),
        ],
      ]
    );

    // A one-day increment (load --append) against the full reload just measured.
    await runIncrementBench(seeded, dir, { fullReloadMs: loadTotal.ms });

    await measureQueries(seeded, values);
  } finally {
    if (!values.keep) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error && error.stack ? error.stack : errorMessage(error)}\n`);
  process.exitCode = 1;
});
