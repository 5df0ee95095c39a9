import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { seedCommand } from './seedCommand';
import { UsageError } from '../usageError';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { errorMessage } from '@touchpoint/server/src/errorMessage';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { loadDirectory } from '@touchpoint/server/src/load/loadDirectory';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';
import { rawTablesFile, referenceFile } from '@touchpoint/sql';
import { rawTables } from '@touchpoint/seed/src/exportRawTables';
import { TEST_END } from '@touchpoint/seed/src/testing/seededDatabase';

const withReadOnly = <T>(path: string, work: (connection: DuckDBConnection) => Promise<T>) =>
  withDatabase(path, { readOnly: true }, work);

/**
 * Loads exported files with the real loader into a fresh database beside
 * the seeded one, and counts the rows of each table that differ.
 */
const loadAndCompare = async (seededPath: string, dir: string): Promise<Record<string, number>> => {
  const instance = await openDatabase(':memory:');
  const connection = await instance.connect();
  try {
    await runSqlFile(connection, rawTablesFile);
    await runSqlFile(connection, referenceFile);
    await loadDirectory(connection, dir);
    await connection.run(`attach ${quoteLiteral(seededPath)} as seeded (read_only)`);
    const differences: Record<string, number> = {};
    for (const table of rawTables) {
      differences[table] = Number(
        await readScalar(
          connection,
          `select count(*) from (
              (select * from seeded.raw.${table} except all select * from raw.${table})
              union all
              (select * from raw.${table} except all select * from seeded.raw.${table})
          )`
        )
      );
    }
    return differences;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

describe('touchpoint seed', () => {
  let dir: string;
  let stdout: jest.SpyInstance;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'touchpoint-seed-'));
  });

  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => stdout.mockRestore());

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const seed = (name: string, ...extra: string[]) =>
    seedCommand.run([
      '--db',
      join(dir, `${name}.duckdb`),
      '--scale',
      '0.02',
      '--seed',
      '4',
      '--end',
      TEST_END,
      ...extra,
    ]);

  it('builds a warehouse with filled raw tables and prints a one-line summary', async () => {
    expect(await seed('plain')).toBe(0);
    const counts = await withReadOnly(join(dir, 'plain.duckdb'), async (connection) => {
      const result: Record<string, number> = {};
      for (const table of rawTables) {
        result[table] = Number(await readScalar(connection, `select count(*) from raw.${table}`));
      }
      return result;
    });
    for (const table of rawTables) {
      expect(counts[table]).toBeGreaterThan(0);
    }
    expect(stdout).toHaveBeenCalledTimes(1);
    expect(String(stdout.mock.calls[0][0])).toMatch(
      new RegExp(
        `^seeded .*plain\\.duckdb: ${counts.branches} branches, ${counts.customers} customers, ` +
          `${counts.interactions} interactions, ${counts.responses} responses, ${counts.followups} follow-up cases in \\d+\\.\\ds\\n$`
      )
    );
  });

  it.each(['csv', 'parquet'] as const)(
    'writes the raw tables, followups included, as %s files the loader takes back unchanged',
    async (format) => {
      const out = join(dir, format);
      expect(await seed(format, '--out', out, '--format', format)).toBe(0);
      for (const table of rawTables) {
        expect(existsSync(join(out, `${table}.${format}`))).toBe(true);
      }
      expect(await loadAndCompare(join(dir, `${format}.duckdb`), out)).toEqual({
        branches: 0,
        customers: 0,
        interactions: 0,
        responses: 0,
        followups: 0,
      });
    }
  );

  it("writes CSV in the contract's text forms", async () => {
    const header = (table: string) => readFileSync(join(dir, 'csv', `${table}.csv`), 'utf8').split('\n')[0];
    expect(header('branches')).toBe('branch_id,name,region,timezone');
    expect(header('customers')).toBe('customer_id,branch_id,segment,started_at,ended_at,monthly_revenue');
    expect(header('interactions')).toBe(
      'interaction_id,customer_id,branch_id,channel,agent_id,topic,opened_at,first_response_at,resolved_at,handle_seconds'
    );
    expect(header('responses')).toBe(
      'response_id,branch_id,customer_id,interaction_id,touchpoint,instrument,score,responded_at,comment'
    );
    expect(header('followups')).toBe('followup_id,response_id,opened_at,first_contact_at,closed_at,owner,root_cause');
    const kiosk = readFileSync(join(dir, 'csv', 'responses.csv'), 'utf8')
      .split('\n')
      .find((line) => line.includes(',kiosk,'));
    expect(kiosk).toMatch(/^R\d+,BR\d{3},,,kiosk,smiley_5,[1-5],\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,/);
  });

  it('writes the same bytes for the same seed', async () => {
    expect(await seed('again', '--out', join(dir, 'again'), '--format', 'csv')).toBe(0);
    for (const table of rawTables) {
      expect(md5(join(dir, 'again', `${table}.csv`))).toBe(md5(join(dir, 'csv', `${table}.csv`)));
    }
  });

  it.each([
    [['--scale', 'many'], '--scale'],
    [['--scale', '0'], '--scale'],
    [['--seed', '1.5'], '--seed'],
    [['--end', '2026-13-01'], '--end'],
    [['--format', 'csv'], '--format'],
    [['--out', 'x', '--format', 'xml'], '--format'],
    [['--colour', 'red'], '--colour'],
  ])('rejects %j with a usage error naming %s', async (args, option) => {
    const error = await seedCommand
      .run(['--db', join(dir, 'never.duckdb'), ...args])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(errorMessage(error)).toContain(option);
    expect(existsSync(join(dir, 'never.duckdb'))).toBe(false);
  });

  it('needs --db', async () => {
    await expect(seedCommand.run(['--scale', '0.02'])).rejects.toThrow('--db');
  });
});
