import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { printTable } from './printTable';
import { runIncrementBench } from './incrementBench';
import { runServiceBench, type ServiceFigures } from './serviceBench';
import { formatNumber, timed } from './stats';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const seedFigures = z.object({ seedMs: z.number(), buildMs: z.number(), rows: z.number(), buildRssMb: z.number() });

interface ScaleFigures {
  scale: number;
  seed: z.infer<typeof seedFigures>;
  loadRowsPerSecond: number;
  incrementMs: number;
  fileMb: number;
  service: ServiceFigures;
}

/** One scale: seed and build (own process), load the CSV (the CLI), then the service benchmark, shortened. */
const measureScale = async (scale: number, dir: string): Promise<ScaleFigures> => {
  const db = join(dir, `scale-${scale}.duckdb`);
  const csv = join(dir, `csv-${scale}`);
  const loaded = join(dir, `loaded-${scale}.duckdb`);
  process.stdout.write(`\n== scale ${scale}: seeding ==\n`);
  const seeded = await run('node', ['--import', 'tsx', join(__dirname, 'curveSeed.ts'), String(scale), db, csv], {
    cwd: root,
    maxBuffer: 1024 * 1024,
  });
  const seed = seedFigures.parse(JSON.parse(seeded.stdout.trim().split('\n').pop() ?? '{}'));
  // Each figure as soon as it is known: a scale-100 run takes hours, and one stopped early keeps these.
  process.stdout.write(
    `seed ${formatNumber(seed.seedMs / 1000)} s, build ${formatNumber(seed.buildMs / 1000)} s, ` +
      `${seed.rows.toLocaleString('en-US')} raw rows, build RSS ${formatNumber(seed.buildRssMb, 0)} MB, ` +
      `file ${formatNumber(statSync(db).size / 1024 / 1024, 0)} MB\n`
  );
  const load = await timed(() =>
    run('node', [join(root, 'bin', 'touchpoint.js'), 'load', '--db', loaded, csv], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    })
  );
  process.stdout.write(
    `load CSV with the build: ${formatNumber(load.ms / 1000)} s, ` +
      `${formatNumber(seed.rows / (load.ms / 1000), 0)} rows/s\n`
  );
  // Removed as soon as the load is timed: at scale 100 the CSV (about 20 GB), the increment's split and
  // its copies would not fit on the disk together.
  rmSync(loaded, { force: true });
  rmSync(csv, { recursive: true, force: true });
  // `load --append` of the last day onto the rest, against the full load just timed.
  mkdirSync(join(dir, `increment-${scale}`), { recursive: true });
  const incrementMs = await runIncrementBench(db, join(dir, `increment-${scale}`), { fullReloadMs: load.ms });
  rmSync(join(dir, `increment-${scale}`), { recursive: true, force: true });
  const instance = await openDatabase(db, { readOnly: true });
  const connection = await instance.connect();
  try {
    const [info] = await readRows(connection, 'select as_of from model_info');
    const service = await runServiceBench(db, connection, Number(info.as_of), { wallSeconds: 30, loadSeconds: 5 });
    return {
      scale,
      seed,
      loadRowsPerSecond: seed.rows / (load.ms / 1000),
      incrementMs,
      fileMb: statSync(db).size / 1024 / 1024,
      service,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

/** The curve's table over the scales measured so far. */
const printCurve = (rows: ScaleFigures[]) =>
  printTable(
    'Cost curve (seconds, MB, ms; scorecard: every leadership and operations panel over 90 days, service time)',
    [
      'scale',
      'raw rows',
      'seed s',
      'build s',
      'load CSV with the build, rows/s',
      'file MB',
      'build RSS MB',
      'serve RSS MB',
      'uncached p50/p95',
      'cached p50/p95',
      'one-day increment s',
      'wall errors: deployed / every range new',
      'wall p99',
    ],
    rows.map((r) => [
      r.scale,
      r.seed.rows.toLocaleString('en-US'),
      formatNumber(r.seed.seedMs / 1000),
      formatNumber(r.seed.buildMs / 1000),
      formatNumber(r.loadRowsPerSecond, 0),
      formatNumber(r.fileMb, 0),
      formatNumber(r.seed.buildRssMb, 0),
      formatNumber(r.service.serveRssMb, 0),
      `${formatNumber(r.service.uncached.p50)} / ${formatNumber(r.service.uncached.p95)}`,
      `${formatNumber(r.service.cached.p50, 2)} / ${formatNumber(r.service.cached.p95, 2)}`,
      formatNumber(r.incrementMs / 1000),
      `${r.service.wall.deployed.errors} / ${r.service.wall.stress.errors}`,
      `${formatNumber(r.service.wall.deployed.p99)} / ${formatNumber(r.service.wall.stress.p99)}`,
    ])
  );

/**
 * `npm run bench -- --curve [--scales 1,5,20,100] [--keep DIR]`: the cost
 * curve, one row per scale: seed, build, load, file size, peak memory of
 * build and serve, the scorecard uncached and cached, a one-day increment
 * (`load --append` of the last day, incrementBench.ts),
 * and 100 wall screens on moving relative ranges (30 s per scale).
 * The table is printed after every scale, the scales so far in it: a run
 * at scale 100 takes hours, and one stopped before its end (a shell's time
 * limit) kept none of the figures printed only at the end.
 */
export const runCostCurve = async (scales: number[], keep?: string): Promise<void> => {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'touchpoint-curve-'));
  mkdirSync(dir, { recursive: true });
  const rows: ScaleFigures[] = [];
  try {
    for (const scale of scales) {
      rows.push(await measureScale(scale, dir));
      rmSync(join(dir, `scale-${scale}.duckdb`), { force: true });
      printCurve(rows);
    }
  } finally {
    if (!keep) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};
