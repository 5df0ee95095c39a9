import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { CURRENT_ROWID, diffRows, PREVIOUS_ROWID } from '@touchpoint/server/src/warehouse/diffRows';

const names = { gone: 'gone', added: 'added', changed: 'changed' };

describe('diffRows: what an increment writes of a model rebuilt row by row', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const read = async (sql: string) => (await readRows(connection, sql)).map((row) => Object.values(row).join('|'));

  beforeAll(async () => {
    instance = await openDatabase(':memory:');
    connection = await instance.connect();
    // The old rows as the table held them (row numbers 10 to 13), and their rebuild in the model's order.
    await connection.run(`
      create table previous as select * from (values
        (10, 'a', 1.5, null), (11, 'b', 2.0, 'x'), (12, 'c', null, 'y'), (13, 'd', 4.0, 'z')
      ) as v(${PREVIOUS_ROWID}, id, value, note);
      create table current as select * from (values
        ('e', 9.0, null), ('a', 1.5, null), ('b', 2.5, 'x'), ('c', null, 'y'), ('c', null, 'y'), ('d', 4.0, 'z')
      ) as v(id, value, note);`);
    await connection.run(diffRows('previous', 'current', names));
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  it('finds the old rows no rebuilt row equals, nulls equal to nulls, with the row numbers to delete', async () => {
    expect(await read(`select ${PREVIOUS_ROWID}, id, value from gone order by 1`)).toEqual(['11|b|2']);
  });

  it("adds the new and changed rows, and a row rebuilt twice once more, in the rebuild's order", async () => {
    expect(await read(`select id, value from added order by ${CURRENT_ROWID}`)).toEqual(['e|9', 'b|2.5', 'c|']);
  });

  it('leaves the old and new versions of what changed for the models after it', async () => {
    expect(await read('select id, value from changed order by id, value')).toEqual(['b|2', 'b|2.5', 'c|', 'e|9']);
  });
});
