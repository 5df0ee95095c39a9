import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/openDatabase';
import { quoteLiteral } from '../db/quoteIdentifier';
import { readRows } from '../db/readRows';
import { replaceDatabase } from '../warehouse/replaceDatabase';
import { contractTables } from './contractRules';
import { loadDirectory } from './loadDirectory';
import {
  copyValidFixture,
  rawTableHashes,
  tempDir,
  validFixture,
  withRawDatabase,
  writeParquetCopy,
} from './testing/loadFixtures';

describe('loadDirectory with valid files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('fills every raw table and reports the rows of each', async () => {
    const summary = await withRawDatabase((connection) => loadDirectory(connection, validFixture));
    expect(summary).toEqual({
      tables: [
        { table: 'branches', file: 'branches.csv', rows: 3 },
        { table: 'customers', file: 'customers.csv', rows: 3 },
        { table: 'interactions', file: 'interactions.csv', rows: 3 },
        { table: 'responses', file: 'responses.csv', rows: 4 },
        { table: 'followups', file: 'followups.csv', rows: 2 },
      ],
      rows: 15,
    });
  });

  it('stores timestamps in UTC: offsets applied, a value without one taken as UTC', async () => {
    const rows = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      return readRows(
        connection,
        `select customer_id as id, cast(started_at as varchar) as at from raw.customers
         union all select response_id, cast(responded_at as varchar) from raw.responses
         order by id`
      );
    });
    expect(rows).toEqual([
      { id: 'C1', at: '2024-01-15 08:30:00' },
      { id: 'C2', at: '2024-02-01 00:00:00' },
      { id: 'C3', at: '2024-03-10 12:00:00' },
      { id: 'R1', at: '2024-05-01 08:00:00' },
      { id: 'R2', at: '2024-05-03 08:00:00' },
      { id: 'R3', at: '2024-05-04 12:00:00' },
      { id: 'R4', at: '2024-05-05 22:30:00' },
    ]);
  });

  it('types every value, keeps quoted commas and newlines, and stores empty optional values as NULL', async () => {
    const [customers, interactions, responses, branches] = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      return Promise.all([
        readRows(
          connection,
          'select customer_id, segment, monthly_revenue, typeof(monthly_revenue) as type from raw.customers order by 1'
        ),
        readRows(
          connection,
          'select interaction_id, agent_id, handle_seconds, typeof(handle_seconds) as type, resolved_at is null as open from raw.interactions order by 1'
        ),
        readRows(connection, 'select response_id, score, typeof(score) as type, comment from raw.responses order by 1'),
        readRows(connection, 'select branch_id, name, region, timezone from raw.branches order by 1'),
      ]);
    });
    expect(customers).toEqual([
      { customer_id: 'C1', segment: 'retail', monthly_revenue: 49.9, type: 'DECIMAL(18,2)' },
      { customer_id: 'C2', segment: 'business', monthly_revenue: 120, type: 'DECIMAL(18,2)' },
      { customer_id: 'C3', segment: null, monthly_revenue: null, type: 'DECIMAL(18,2)' },
    ]);
    expect(interactions).toEqual([
      { interaction_id: 'I1', agent_id: 'A7', handle_seconds: 540, type: 'INTEGER', open: false },
      { interaction_id: 'I2', agent_id: null, handle_seconds: null, type: 'INTEGER', open: true },
      { interaction_id: 'I3', agent_id: 'A2', handle_seconds: 900, type: 'INTEGER', open: false },
    ]);
    expect(responses).toEqual([
      { response_id: 'R1', score: 5, type: 'DOUBLE', comment: 'Quick, friendly help' },
      { response_id: 'R2', score: 3, type: 'DOUBLE', comment: 'Took two tries.\nThe second agent fixed it.' },
      { response_id: 'R3', score: 4, type: 'DOUBLE', comment: null },
      { response_id: 'R4', score: 9, type: 'DOUBLE', comment: 'Would recommend' },
    ]);
    expect(branches).toEqual([
      { branch_id: 'B1', name: 'Harbour Street', region: 'North', timezone: 'Europe/Berlin' },
      { branch_id: 'B2', name: 'Mill Lane', region: null, timezone: null },
      { branch_id: 'B3', name: 'Station Road, Unit 4', region: 'South', timezone: 'UTC' },
    ]);
  });

  it('reads follow-up cases, open ones with empty times as NULL', async () => {
    const rows = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      return readRows(
        connection,
        `select followup_id, response_id, cast(opened_at as varchar) as opened, cast(first_contact_at as varchar) as contacted,
           cast(closed_at as varchar) as closed, owner, root_cause from raw.followups order by 1`
      );
    });
    expect(rows).toEqual([
      {
        followup_id: 'F1',
        response_id: 'R2',
        opened: '2024-05-03 09:00:00',
        contacted: '2024-05-03 15:30:00',
        closed: '2024-05-04 10:00:00',
        owner: 'Mill Lane service team',
        root_cause: 'two agents needed',
      },
      {
        followup_id: 'F2',
        response_id: 'R4',
        opened: '2024-05-06 09:00:00',
        contacted: null,
        closed: null,
        owner: 'Quay Road desk',
        root_cause: null,
      },
    ]);
  });

  it('loads without the optional followups file: its table stays empty, nothing is reported missing', async () => {
    const dir = copyValidFixture();
    try {
      unlinkSync(join(dir, 'followups.csv'));
      const { summary, followups } = await withRawDatabase(async (connection) => ({
        summary: await loadDirectory(connection, dir),
        followups: await readRows(connection, 'select count(*)::int as n from raw.followups'),
      }));
      expect(summary.tables.map((t) => t.table)).toEqual(['branches', 'customers', 'interactions', 'responses']);
      expect(followups).toEqual([{ n: 0 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the same files as Parquet to the same tables as CSV', async () => {
    const parquetDir = tempDir('load-parquet');
    dirs.push(parquetDir);
    const fromCsv = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      await writeParquetCopy(connection, validFixture, parquetDir);
      return rawTableHashes(connection);
    });
    const fromParquet = await withRawDatabase(async (connection) => {
      const summary = await loadDirectory(connection, parquetDir);
      expect(summary.tables.map((t) => t.file)).toEqual(contractTables.map((table) => `${table}.parquet`));
      return rawTableHashes(connection);
    });
    expect(fromParquet).toEqual(fromCsv);
  });

  it('loads typed Parquet (timestamps, decimals, doubles) to the same tables', async () => {
    const typedDir = tempDir('load-typed-parquet');
    dirs.push(typedDir);
    const fromCsv = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      for (const table of contractTables) {
        await connection.run(
          `copy raw.${table} to ${quoteLiteral(join(typedDir, `${table}.parquet`))} (format parquet)`
        );
      }
      return rawTableHashes(connection);
    });
    const fromTypedParquet = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, typedDir);
      return rawTableHashes(connection);
    });
    expect(fromTypedParquet).toEqual(fromCsv);
  });

  it('gives identical tables when the same files are loaded twice into a warehouse: ids are keys, nothing is appended', async () => {
    const dir = tempDir('load-twice');
    dirs.push(dir);
    const db = join(dir, 'warehouse.duckdb');
    const loadAndHash = async () => {
      await replaceDatabase(db, async (connection) => {
        await loadDirectory(connection, validFixture);
      });
      const instance = await openDatabase(db, { readOnly: true });
      const connection = await instance.connect();
      try {
        return {
          hashes: await rawTableHashes(connection),
          rows: await readRows(connection, 'select count(*) as n from raw.responses'),
        };
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    };
    const first = await loadAndHash();
    const second = await loadAndHash();
    expect(second).toEqual(first);
    expect(second.rows).toEqual([{ n: 4 }]);
  });

  it('leaves no temp tables behind', async () => {
    const tables = await withRawDatabase(async (connection) => {
      await loadDirectory(connection, validFixture);
      return readRows(connection, 'select table_name from duckdb_tables() where temporary order by 1');
    });
    expect(tables).toEqual([]);
  });
});
