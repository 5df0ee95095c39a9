import { exportRawTables, planSeed, randomSource, seedOptionsSchema, seedRawTables } from '@touchpoint/seed';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { timed } from './stats';

/**
 * One scale of the cost curve's warehouse, in a process of its own so that
 * its peak memory is the build's: seeds and builds `db`, exports its raw
 * tables as CSV to `csv`, and prints one JSON line of figures.
 * Usage: node --import tsx tests/bench/curveSeed.ts SCALE DB CSV
 */
const main = async () => {
  const [scale, db, csv] = process.argv.slice(2);
  const plan = planSeed(seedOptionsSchema.parse({ scale: Number(scale), seed: 1, end: '2026-06-30' }));
  let seedMs = 0;
  let rows = 0;
  const total = await timed(() =>
    replaceDatabase(db, async (connection) => {
      const seed = await timed(() => seedRawTables(connection, plan, randomSource(plan.seed)));
      seedMs = seed.ms;
      rows = seed.value.branches + seed.value.customers + seed.value.interactions + seed.value.responses;
    })
  );
  // The build's peak, before the export adds its own.
  const buildRssMb = process.resourceUsage().maxRSS / 1024;
  const instance = await openDatabase(db, { readOnly: true });
  const connection = await instance.connect();
  await exportRawTables(connection, csv, 'csv');
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify({ seedMs, buildMs: total.ms - seedMs, rows, buildRssMb })}\n`);
};

main().catch((error) => {
  process.stderr.write(`curveSeed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exitCode = 1;
});
