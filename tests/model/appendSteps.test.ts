import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MERGED_TARGETS_STEP } from '@touchpoint/server/src/load/appendDirectory';
import { tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { CHANGE_SET_STEP } from '@touchpoint/server/src/warehouse/updateModel';
import { loadFull } from '../support/fullLoad';

// The increment benchmark times each progress step until the next starts: a step that is not named is
// timed with the one before it, and the notes then blame the wrong work.
describe('the steps an increment shows', () => {
  const dir = tempDir('append-steps');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let steps: string[] = [];

  beforeAll(async () => {
    const db = join(dir, 'warehouse.duckdb');
    await loadFull(db, validFixture);
    const increment = join(dir, 'increment');
    mkdirSync(increment);
    writeFileSync(
      join(increment, 'responses.csv'),
      'response_id,branch_id,customer_id,interaction_id,touchpoint,instrument,score,responded_at,comment\n' +
        'R9,B1,C1,I1,after_service,csat_5,2,2024-05-07T11:00:00Z,\n'
    );
    const recorded: string[] = [];
    await appendWarehouse(db, increment, {
      progress: { step: (message) => recorded.push(message), done: () => undefined },
    });
    steps = recorded;
  });

  it('reads the warehouse rows the increment names as a step of its own, between reading and checking', () => {
    const at = steps.indexOf(MERGED_TARGETS_STEP);
    expect(steps.slice(at - 1, at + 2)).toEqual([
      'reading responses.csv',
      MERGED_TARGETS_STEP,
      'checking responses.csv',
    ]);
    expect(steps.filter((step) => step === MERGED_TARGETS_STEP)).toHaveLength(1);
  });

  it('finds what changed after the last merge, then names each part of updating a model row by row', () => {
    const merges = steps.flatMap((step, i) => (step.startsWith('merging ') ? [i] : []));
    expect(merges.length).toBeGreaterThan(0);
    expect(steps[merges[merges.length - 1] + 1]).toBe(CHANGE_SET_STEP);
    const at = steps.indexOf('updating fct_responses');
    expect(steps.slice(at, at + 5)).toEqual([
      'updating fct_responses',
      'updating fct_responses: finding the rows to rebuild',
      'updating fct_responses: reading the rows it held',
      'updating fct_responses: rebuilding them',
      'updating fct_responses: writing the changed rows',
    ]);
  });
});
