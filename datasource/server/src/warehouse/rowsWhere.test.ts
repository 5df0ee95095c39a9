import { DuckDBInstance } from '@duckdb/node-api';
import { rowsWhere } from './rowsWhere';

describe('rowsWhere: the rows any of several predicates picks, each part its own scan', () => {
  let instance: DuckDBInstance;
  const read = async (sql: string) => {
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJson();
    } finally {
      connection.closeSync();
    }
  };
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // id 3 meets both; id 4's first test is null (its customer is unknown) and its second true.
    await connection.run(`
      create table ratings as select * from (values
        (1, 'C1', 10), (2, 'C2', 20), (3, 'C1', 30), (4, null, 40), (5, 'C3', 50)) as t(id, customer_id, day);
      create table customers as select 'C1' as customer_id;`);
    connection.closeSync();
  });
  afterAll(() => instance.closeSync());

  const alternatives = ['customer_id in (select customer_id from customers)', '{t}.day >= 30'];

  it('keeps one predicate as it is, its relation named', () => {
    expect(rowsWhere('select * from r', '{t}.id = 1', 'r')).toBe('select * from r where r.id = 1');
  });

  it('reads each row any alternative picks once, a null test of an earlier one not hiding it', async () => {
    const sql = rowsWhere('select id from ratings', alternatives, 'ratings');
    expect(sql).toContain(' union all ');
    const rows = await read(`select id from (${sql}) order by id`);
    expect(rows.map((row) => row.id)).toEqual([1, 3, 4, 5]);
    const asOr = await read(`select id from ratings where (${alternatives[0]}) or (ratings.day >= 30) order by id`);
    expect(rows).toEqual(asOr);
  });

  it('keeps the row numbers of the relation read', async () => {
    const rows = await read(
      `select id, r from (${rowsWhere('select rowid as r, id from ratings', alternatives, 'ratings')}) order by id`
    );
    expect(rows).toEqual([
      { id: 1, r: '0' },
      { id: 3, r: '2' },
      { id: 4, r: '3' },
      { id: 5, r: '4' },
    ]);
  });
});
