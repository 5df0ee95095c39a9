import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { rowsByNumber } from './rowsByNumber';

describe('rowsByNumber: the rows of a table by their row numbers, read run by run', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    // 43 row groups of 122,880 rows.
    await connection.run('create table t as select range as id, range * 2 as twice from range(5200000)');
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const read = async (rowids: number[]) => {
    await connection.run(`create or replace temp table wanted as select unnest([${rowids.join(', ')}]::bigint[]) as r`);
    const sql = await rowsByNumber(connection, 'select rowid as n, id, twice from t', 'wanted');
    const rows = (await connection.runAndReadAll(`select * from (${sql}) order by n`)).getRowObjectsJson();
    return { sql, rows };
  };

  it('reads exactly the rows named, each once, in one part per run of nearby rows', async () => {
    const { sql, rows } = await read([5, 300_000, 300_001, 5_199_999, 300_000]);
    expect(rows).toEqual([
      { n: '5', id: '5', twice: '10' },
      { n: '300000', id: '300000', twice: '600000' },
      { n: '300001', id: '300001', twice: '600002' },
      { n: '5199999', id: '5199999', twice: '10399998' },
    ]);
    expect(sql.split(' union all ')).toHaveLength(3);
    expect(sql).toContain('rowid between 300000 and 300001');
  });

  it('joins the closest runs when there are more than a scan is worth, still reading exactly the rows named', async () => {
    const wanted = Array.from({ length: 40 }, (_, i) => i * 130_000);
    const { sql, rows } = await read(wanted);
    expect(rows.map((row) => Number(row.id))).toEqual(wanted);
    expect(sql.split(' union all ').length).toBeLessThanOrEqual(32);
  });

  it('reads nothing for no row numbers, the columns kept', async () => {
    await connection.run('create or replace temp table wanted as select 1::bigint as r limit 0');
    const sql = await rowsByNumber(connection, 'select rowid as n, id from t', 'wanted');
    const reader = await connection.runAndReadAll(sql);
    expect(reader.columnNames()).toEqual(['n', 'id']);
    expect(reader.getRowObjects()).toEqual([]);
  });
});
