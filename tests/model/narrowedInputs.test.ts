import { basename } from 'node:path';
import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from '@touchpoint/server/src/warehouse/modelDeclarations';
import { inTransaction } from '@touchpoint/server/src/db/inTransaction';
import { selectColumns } from '@touchpoint/server/src/db/selectColumns';
import { narrowedInputs } from '@touchpoint/server/src/warehouse/narrowedInputs';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';

const fill = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', null);
  insert into raw.customers values ('C1', 'B1', null, '2024-01-10', null, 10);
  insert into raw.responses select 'R' || i, 'B1', 'C1', null, 'kiosk', 'smiley_5', 1 + i % 5,
    timestamp '2024-02-01' + to_minutes(i), null from range(1, 301) as t(i);
`;

describe('the inputs an increment narrows are read as the rows their predicate picks', () => {
  let warehouse: TestWarehouse;
  const declarations = new Map(modelFiles().map((file) => [basename(file, '.sql'), readModelDeclaration(file)]));
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterAll(() => warehouse.close());

  const read = (narrow: Record<string, string>, kept?: Record<string, string>) =>
    inTransaction(warehouse.connection, async () => {
      const inputs = await narrowedInputs(
        warehouse.connection,
        { affected: 'false', narrow, kept },
        declarations,
        'previous_rows'
      );
      const rows = await warehouse.connection.runAndReadAll(
        `select response_id, score from (${Object.values(inputs)[0]}) order by response_id`
      );
      return { sql: Object.values(inputs)[0], rows: rows.getRowObjectsJson() };
    });

  it('from a staging view, by the raw rows’ numbers, with the view’s columns', async () => {
    const { sql, rows } = await read({ stg_responses: "response_id in ('R2', 'R250', 'R299')" });
    expect(sql).toContain('rowid as narrowed_rowid');
    expect(rows).toEqual([
      { response_id: 'R2', score: 3 },
      { response_id: 'R250', score: 1 },
      { response_id: 'R299', score: 5 },
    ]);
  });

  it('from a staging view, nothing when the predicate picks nothing', async () => {
    expect((await read({ stg_responses: "response_id = 'R9999'" })).rows).toEqual([]);
  });

  it('from a fact, in place, its time bound left to DuckDB', async () => {
    const { sql, rows } = await read({ fct_responses: "responded_at >= '2024-02-01 04:58' and score = 5" });
    expect(sql).not.toContain('narrowed_rowid');
    expect(rows.map((row) => row.response_id)).toEqual(['R299']);
  });

  it('with the rows the model’s old rows give for it, in the input’s columns they have', async () => {
    // As a model's old rows are kept: their row numbers, the input's columns it copies, columns of its own.
    await warehouse.connection.run(
      `create or replace temp table previous_rows as
       select rowid as previous_rowid, response_id, score, 'North' as region_of_its_own from fct_responses
       where response_id in ('R5', 'R6')`
    );
    const { sql, rows } = await read(
      { fct_responses: "response_id = 'R1'" },
      { fct_responses: "select * from {previous} where response_id = 'R6'" }
    );
    expect(rows).toEqual([
      { response_id: 'R1', score: 2 },
      { response_id: 'R6', score: 2 },
    ]);
    expect(await selectColumns(warehouse.connection, sql)).toEqual(
      await selectColumns(warehouse.connection, 'select * from fct_responses')
    );
  });
});
