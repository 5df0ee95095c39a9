import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readRows } from '../db/readRows';
import type { Progress } from '../progress';
import { contractTables } from './contractRules';
import { loadCleanDirectory } from './loadCleanDirectory';
import { loadDirectory, loadStagedDirectory } from './loadDirectory';
import { LoadRejectedError } from './loadReport';
import {
  copyValidFixture,
  editFile,
  rawTableHashes,
  validFixture,
  withRawDatabase,
  writeParquetCopy,
} from './testing/loadFixtures';

/** Progress that keeps each step's message and runs `onStep` as the step starts, as the CLI's drawing would. */
const recordedProgress = (onStep: (message: string) => void = () => undefined) => {
  const steps: string[] = [];
  const progress: Progress = {
    step: (message) => {
      steps.push(message);
      onStep(message);
    },
    done: () => undefined,
  };
  return { steps, progress };
};

const rawCounts = async (connection: Parameters<typeof rawTableHashes>[0]) =>
  Object.fromEntries(
    await Promise.all(
      contractTables.map(async (table) => {
        const [row] = await readRows(connection, `select count(*)::int as n from raw.${table}`);
        return [table, row.n] as const;
      })
    )
  );

const noRows = Object.fromEntries(contractTables.map((table) => [table, 0]));

describe('a clean load, written straight from the files and checked where it was written', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes row for row what the staged load writes, from CSV, gzip-compressed CSV and Parquet, without staging', async () => {
    const parquet = copyValidFixture();
    const gzipped = copyValidFixture();
    dirs.push(parquet, gzipped);
    for (const file of contractTables) {
      const path = join(gzipped, `${file}.csv`);
      // As an export tool may write it: compressed, with a byte order mark.
      writeFileSync(`${path}.gz`, gzipSync(`\uFEFF${readFileSync(path, 'utf8')}`));
      rmSync(path);
    }
    const staged = await withRawDatabase(async (connection) => {
      const summary = await loadStagedDirectory(connection, validFixture);
      await writeParquetCopy(connection, validFixture, parquet);
      return { summary, hashes: await rawTableHashes(connection) };
    });
    expect(staged.summary.tables.map((t) => t.table)).toEqual(contractTables);
    for (const file of contractTables) {
      rmSync(join(parquet, `${file}.csv`));
    }
    for (const dir of [validFixture, gzipped, parquet]) {
      const { steps, progress } = recordedProgress();
      const clean = await withRawDatabase(async (connection) => {
        const summary = await loadCleanDirectory(connection, dir, progress);
        expect(summary?.tables.map((t) => [t.table, t.rows])).toEqual(
          staged.summary.tables.map((t) => [t.table, t.rows])
        );
        return rawTableHashes(connection);
      });
      expect(clean).toEqual(staged.hashes);
      // Each file written, then checked in its raw table: no text copy of it staged.
      expect(steps.filter((step) => step.startsWith('reading'))).toEqual([]);
      expect(steps).toContain('writing raw.responses');
    }
  });

  it.each([
    ['a value outside its allowed ones in the first file', 'branches.csv', 'Europe/Berlin', 'Europe/Atlantis'],
    [
      'a value that does not convert (it stops the write)',
      'customers.csv',
      '2024-02-01 00:00:00',
      '2024-02-30 00:00:00',
    ],
    // Lenient conversion would store null here and pass: only the strict one stops it.
    ['a fraction in an integer column that may be empty (it stops the write)', 'interactions.csv', ',540', ',9.5'],
    ['an empty required value (it stops the write)', 'branches.csv', 'Mill Lane', ''],
    ['an unknown reference in the last file, after four were written', 'followups.csv', 'F2,R4', 'F2,R9'],
    ['a repeated id (found once the file is written)', 'interactions.csv', 'I3,,B1', 'I2,,B1'],
    ['a ragged row', 'responses.csv', '2024-05-04T12:00:00Z,', '2024-05-04T12:00:00Z,,surplus'],
  ])('%s: every raw table is left empty and the staged load reports it', async (_, file, from, to) => {
    const dir = copyValidFixture();
    dirs.push(dir);
    editFile(join(dir, file), from, to);
    await withRawDatabase(async (connection) => {
      expect(await loadCleanDirectory(connection, dir, recordedProgress().progress)).toBeNull();
      expect(await rawCounts(connection)).toEqual(noRows);
      // The raw tables are as sql/raw makes them again: the staged load reports the problem and writes nothing.
      await expect(loadDirectory(connection, dir)).rejects.toBeInstanceOf(LoadRejectedError);
      expect(await rawCounts(connection)).toEqual(noRows);
    });
  });

  it('leaves raw tables that already hold rows to the staged load, untouched', async () => {
    await withRawDatabase(async (connection) => {
      await loadStagedDirectory(connection, validFixture);
      const before = await rawTableHashes(connection);
      expect(await loadCleanDirectory(connection, validFixture, recordedProgress().progress)).toBeNull();
      expect(await rawTableHashes(connection)).toEqual(before);
    });
  });

  it('rejects text that is not UTF-8 in a row no rule fails on', async () => {
    const dir = copyValidFixture();
    dirs.push(dir);
    const path = join(dir, 'responses.csv');
    const text = readFileSync(path, 'latin1');
    const lines = text.split('\n');
    // R3's empty comment gets one byte that cannot start a UTF-8 character. Nothing refers to R3, so no rule
    // fails on it: only the reader's rejects tell the clean load, which would otherwise skip the row.
    const r3 = lines.findIndex((line) => line.startsWith('R3,'));
    lines[r3] = `${lines[r3]}caf\u00e9`;
    writeFileSync(path, lines.join('\n'), 'latin1');
    await withRawDatabase(async (connection) => {
      expect(await loadCleanDirectory(connection, dir, recordedProgress().progress)).toBeNull();
      const error = await loadDirectory(connection, dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LoadRejectedError);
      expect((error as LoadRejectedError).report.problems[0]).toMatchObject({
        file: 'responses.csv',
        line: r3 + 1,
        rule: 'csv: invalid encoding',
      });
      expect(await rawCounts(connection)).toEqual(noRows);
    });
  });

  it('loads a file as it is when read: a row an export appends while the load runs is checked and reported', async () => {
    const dir = copyValidFixture();
    dirs.push(dir);
    const path = join(dir, 'responses.csv');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').length;
    const { steps, progress } = recordedProgress((message) => {
      if (message === 'writing raw.responses') {
        // An export still writing the file as the load reaches it: the row is valid but for its branch.
        appendFileSync(path, 'R99,B9,,,kiosk,csat_5,4,2024-05-06T10:00:00Z,\n');
      }
    });
    await withRawDatabase(async (connection) => {
      const error = await loadDirectory(connection, dir, progress).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LoadRejectedError);
      expect((error as LoadRejectedError).report.problems).toEqual([
        { file: 'responses.csv', line: lines + 1, column: 'branch_id', value: 'B9', rule: 'unknown branch' },
      ]);
      expect(steps).toContain('reading responses.csv');
      expect(await rawCounts(connection)).toEqual(noRows);
    });
  });
});
