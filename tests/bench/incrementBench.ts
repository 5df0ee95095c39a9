import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import type { Progress } from '@touchpoint/server/src/progress';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { CHECK_STEP } from '@touchpoint/server/src/warehouse/runDataTests';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { sparePath } from '@touchpoint/server/src/warehouse/spareFile';
import { PART_SEPARATOR } from '@touchpoint/server/src/warehouse/updateModel';
import { writeSplit } from '../support/splitWarehouse';
import { printTable } from './printTable';
import { formatNumber, timed } from './stats';

/** The slowest steps shown: where an increment's time goes. */
const STEPS_SHOWN = 10;

/** A Progress that times each step until the next starts. */
const stepTimer = () => {
  const steps: Array<{ step: string; ms: number }> = [];
  let current: { step: string; started: number } | undefined;
  const close = () => {
    if (current) {
      steps.push({ step: current.step, ms: performance.now() - current.started });
      current = undefined;
    }
  };
  const progress: Progress = {
    step: (message) => {
      close();
      current = { step: message.replace(/ \([\d,]+ rows\)$/, ''), started: performance.now() };
    },
    done: close,
  };
  return { progress, steps };
};

/**
 * The STEPS_SHOWN slowest steps, a model's parts (`updating <model>: <part>`,
 * updateModel.ts) added up under it and listed below it, slowest first.
 */
const slowestSteps = (steps: ReadonlyArray<{ step: string; ms: number }>) => {
  const groups = new Map<string, { step: string; ms: number; parts: Array<{ step: string; ms: number }> }>();
  for (const { step, ms } of steps) {
    const [head, part] = step.split(PART_SEPARATOR);
    const group = groups.get(head) ?? { step: head, ms: 0, parts: [] };
    group.ms += ms;
    if (part !== undefined) {
      group.parts.push({ step: part, ms });
    }
    groups.set(head, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, STEPS_SHOWN)
    .map((g) => ({ ...g, parts: g.parts.sort((a, b) => b.ms - a.ms) }));
};

/**
 * A one-day increment against a full reload: splits the seeded warehouse at
 * the start of its last day (the day's new rows, and the earlier contacts,
 * customers and cases that changed on it), loads the rest in full, then
 * times `load --append` of that day, as a nightly append runs: on the spare
 * the append before it left (and, apart, the first append, which copies the
 * file). `fullReloadMs` is the full load of
 * every file with the model build, measured by the caller on the same data;
 * without it, the load of the rest stands in for it. `memoryLimit` holds
 * the split and the loads to it (DuckDB's `memory_limit`).
 * Returns the increment's milliseconds (the cost curve's column).
 */
export const runIncrementBench = async (
  seeded: string,
  dir: string,
  { fullReloadMs, memoryLimit }: { fullReloadMs?: number; memoryLimit?: string } = {}
): Promise<number> => {
  const instance = await openDatabase(':memory:', { memoryLimit });
  const connection = await instance.connect();
  const dirs = { base: join(dir, 'increment-base'), increment: join(dir, 'increment-day') };
  let split: string;
  let rows = 0;
  try {
    await connection.run(`attach ${quoteLiteral(seeded)} as seeded (read_only)`);
    split = String(
      await readScalar(
        connection,
        "select strftime(date_trunc('day', as_of), '%Y-%m-%dT%H:%M:%S') from seeded.model_info"
      )
    );
    const counts = await writeSplit(connection, 'seeded', split, dirs);
    rows = Object.values(counts.increment).reduce((sum, n) => sum + n, 0);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const db = join(dir, 'increment.duckdb');
  const base = await timed(() =>
    replaceDatabase(
      db,
      async (c) => {
        await loadDirectory(c, dirs.base);
      },
      { memoryLimit }
    )
  );
  // Without a full reload timed by the caller, the load of every day before this one stands in for it.
  const reload = fullReloadMs ?? base.ms;
  const reloadName =
    fullReloadMs === undefined
      ? 'full load of the days before it (load CSV with model build and checks)'
      : 'full reload (load CSV with model build and checks)';
  // A nightly append works on the spare the one before it left (spareFile.ts): the file as it was one
  // increment ago. Made so here: the day appended once (no spare yet: it copies the file, timed as the first
  // append's cost), then the two files' names swapped, so that the days before it are served again and the
  // spare is the file one increment on, as far from the served file as a nightly spare is.
  const firstAppend = await timed(() => appendWarehouse(db, dirs.increment, { memoryLimit }));
  const swapping = `${db}.swapping`;
  renameSync(db, swapping);
  renameSync(sparePath(db), db);
  renameSync(swapping, sparePath(db));
  const timer = stepTimer();
  const appended = await timed(() => appendWarehouse(db, dirs.increment, { progress: timer.progress, memoryLimit }));
  timer.progress.done();
  // Each check is a step of its own (runDataTests.ts): the slowest are shown, and all of them together.
  const checks = timer.steps.filter((s) => s.step.startsWith(CHECK_STEP));
  const checksMs = checks.reduce((sum, s) => sum + s.ms, 0);
  const share = (ms: number) => `${formatNumber((100 * ms) / appended.ms, 0)}%`;
  printTable(
    `One-day increment (load --append of ${split.slice(0, 10)}: ${rows.toLocaleString('en-US')} rows) vs a full reload`,
    ['step', 'seconds', 'share'],
    [
      [reloadName, formatNumber(reload / 1000), ''],
      ['first append, copying the file (no spare yet)', formatNumber(firstAppend.ms / 1000), ''],
      ['one-day increment, on the spare (target 5 s at scale 20)', formatNumber(appended.ms / 1000), ''],
      ['full reload / increment (target 10x)', formatNumber(reload / appended.ms), ''],
      [`  the checks together (${checks.length} queries)`, formatNumber(checksMs / 1000, 2), share(checksMs)],
      ...slowestSteps(timer.steps).flatMap(({ step, ms, parts }) => [
        [`  ${step}`, formatNumber(ms / 1000, 2), share(ms)],
        ...parts.map((p) => [`    ${p.step}`, formatNumber(p.ms / 1000, 2), share(p.ms)]),
      ]),
    ]
  );
  return appended.ms;
};
