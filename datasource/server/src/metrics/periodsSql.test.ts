import { DuckDBInstance } from '@duckdb/node-api';
import { readRows } from '../db/readRows';
import { periodsSql, splitPeriods } from './periodsSql';

describe('periodsSql', () => {
  it('runs two bound queries as one statement and gives each its own rows back, in order', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(
        "create table t as select * from (values ('b', 1, 10), ('a', 1, 20), ('a', 2, 30), ('c', 2, 40)) as v(k, p, x)"
      );
      const period = (prefix: string, p: number) => ({
        sql: `select k, sum(x) as value from t where p = $${prefix}p group by k order by k`,
        params: { [`${prefix}p`]: p },
        types: {},
      });
      const both = periodsSql(period('', 1), period('previous_', 2), ['k']);
      const { current, previous } = splitPeriods(await readRows(connection, both.sql, both.params));
      expect(current).toEqual([
        { k: 'a', value: 20 },
        { k: 'b', value: 10 },
      ]);
      expect(previous).toEqual([
        { k: 'a', value: 30 },
        { k: 'c', value: 40 },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
