import { basename } from 'node:path';
import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from '@touchpoint/server/src/warehouse/modelDeclarations';
import { incrementalModels } from '@touchpoint/server/src/warehouse/incrementalModels';
import { narrowedAlias } from '@touchpoint/server/src/warehouse/narrowedInputs';
import { IncrementalModelError, narrowedQuery } from '@touchpoint/server/src/warehouse/updateModel';

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
        // The kept rows come from the model's own old rows, beside what is narrowed of the input.
        expect(query).toMatch(new RegExp(`\\) union all by name \\(select .* from "previous_${name}"`, 's'));
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
});
