import { basename } from 'node:path';
import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from '@touchpoint/server/src/warehouse/modelDeclarations';
import {
  IncrementalModelError,
  incrementalModels,
  type RebuiltRows,
} from '@touchpoint/server/src/warehouse/incrementalModels';
import { narrowedAlias, narrowedInputs } from '@touchpoint/server/src/warehouse/narrowedInputs';
import { narrowedQuery } from '@touchpoint/server/src/warehouse/updateModel';
import { appendedRowsRelation, replacedRowsRelation } from '@touchpoint/server/src/load/appendDirectory';
import { contractTables } from '@touchpoint/server/src/load/contractRules';
import { createChangeSet } from '@touchpoint/server/src/warehouse/changeSet';
import { changedRowsTable } from '@touchpoint/server/src/warehouse/declaredTests';
import { PREVIOUS_ROWID } from '@touchpoint/server/src/warehouse/diffRows';
import { buildTestWarehouse } from '../support/buildTestWarehouse';

// The equivalence test proves the declarations right on data; this one says at once which one a model change broke.
describe('the incremental rebuild declarations (incrementalModels.ts)', () => {
  const files = new Map(modelFiles().map((file) => [basename(file, '.sql'), file]));

  it.each(Object.keys(incrementalModels).map((name) => [name]))(
    '%s is a table model (whose narrowed inputs it reads, unless folded in place)',
    (name) => {
      const file = files.get(name);
      expect(file).toBeDefined();
      expect(readModelDeclaration(file as string).kind).toBe('table');
      const model = incrementalModels[name];
      if ('fold' in model) {
        return;
      }
      const query = narrowedQuery(file as string, model);
      for (const relation of Object.keys(model.narrow)) {
        expect(query).toContain(`(select * from ${relation} as ${narrowedAlias} where `);
      }
      for (const relation of Object.keys(model.kept ?? {})) {
        expect(relation in model.narrow).toBe(true);
      }
    }
  );

  it('refuses rows kept of an input the rebuild does not narrow: read whole, they would be read twice', () => {
    const file = files.get('fct_journey_ratings') as string;
    const model = incrementalModels.fct_journey_ratings;
    if ('fold' in model) {
      throw new Error('fct_journey_ratings is rebuilt row by row');
    }
    expect(() => narrowedQuery(file, { ...model, kept: { stg_customers: 'select * from {previous}' } })).toThrow(
      new IncrementalModelError(`${file}: incrementalModels.ts keeps rows of stg_customers, which it does not narrow`)
    );
  });

  it('refuses merged rows of an input the rebuild does not narrow, or of one that is not a raw table’s projection', async () => {
    const file = files.get('fct_responses') as string;
    const model = incrementalModels.fct_responses as RebuiltRows;
    expect(() => narrowedQuery(file, { ...model, merged: ['stg_branches'] })).toThrow(
      new IncrementalModelError(
        `${file}: incrementalModels.ts reads merged rows of stg_branches, which it does not narrow`
      )
    );
    const activity = incrementalModels.rel_customer_activity as RebuiltRows;
    const declarations = new Map(modelFiles().map((f) => [basename(f, '.sql'), readModelDeclaration(f)]));
    const warehouse = await buildTestWarehouse('');
    try {
      await expect(
        narrowedInputs(warehouse.connection, { ...activity, merged: ['fct_responses'] }, declarations, 'none')
      ).rejects.toThrow(
        new IncrementalModelError(
          'incrementalModels.ts reads the merged rows of fct_responses, which is not a staging view projecting a raw table'
        )
      );
    } finally {
      warehouse.close();
    }
  });

  // Kept rows are added to the input's by column name: a column the input lacks (a fact's region beside its
  // branch's, the journey's customer columns) would be added to the relation the model reads. A column the
  // kept rows lack is null in them, which the equivalence test catches on data.
  it.each(
    Object.entries(incrementalModels).flatMap(([name, model]) =>
      'fold' in model ? [] : Object.keys(model.kept ?? {}).map((relation) => [name, relation])
    )
  )('%s reads %s as the input narrowed, with its own old rows in the columns of the input', async (name, relation) => {
    const warehouse = await buildTestWarehouse('');
    try {
      const { connection } = warehouse;
      // The change set of an increment that changed nothing, and the model's rows as updateModel keeps them.
      for (const table of contractTables) {
        await connection.run(
          `create temp table ${appendedRowsRelation(table)} as select * from raw.${table} limit 0;
           create temp table ${replacedRowsRelation(table)} as select * from raw.${table} limit 0;`
        );
      }
      await createChangeSet(connection);
      for (const model of Object.keys(incrementalModels)) {
        await connection.run(`create temp table ${changedRowsTable(model)} as select * from ${model} limit 0`);
      }
      const model = incrementalModels[name] as RebuiltRows;
      if (model.prepare) {
        await connection.run(model.prepare);
      }
      await connection.run(`create temp table previous_${name} as select rowid as ${PREVIOUS_ROWID}, * from ${name}`);
      const declarations = new Map(modelFiles().map((file) => [basename(file, '.sql'), readModelDeclaration(file)]));
      const inputs = await narrowedInputs(connection, model, declarations, `previous_${name}`);
      expect(inputs[relation]).toContain(`from previous_${name}`);
      const columns = async (select: string) =>
        (await connection.runAndReadAll(`describe ${select}`))
          .getRowObjects()
          .map((row) => `${String(row.column_name)} ${String(row.column_type)}`);
      expect(await columns(inputs[relation])).toEqual(await columns(`select * from ${relation}`));
    } finally {
      warehouse.close();
    }
  });
});
