import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MERGED_TARGETS_STEP } from '@touchpoint/server/src/load/appendDirectory';
import { tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { loadFull } from '../support/fullLoad';

// The increment benchmark times each progress step until the next starts: a step that is not named is
// timed with the one before it, and the notes then blame the wrong work.
describe('the steps an increment shows', () => {
  const dir = tempDir('append-steps');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the warehouse rows the increment names as a step of its own, between reading and checking', async () => {
    const db = join(dir, 'warehouse.duckdb');
    await loadFull(db, validFixture);
    const increment = join(dir, 'increment');
    mkdirSync(increment);
    writeFileSync(
      join(increment, 'responses.csv'),
      'response_id,branch_id,customer_id,interaction_id,touchpoint,instrument,score,responded_at,comment\n' +
        'R9,B1,C1,I1,after_service,csat_5,2,2024-05-07T11:00:00Z,\n'
    );
    const steps: string[] = [];
    await appendWarehouse(db, increment, {
      progress: { step: (message) => steps.push(message), done: () => undefined },
    });
    const at = steps.indexOf(MERGED_TARGETS_STEP);
    expect(steps.slice(at - 1, at + 2)).toEqual([
      'reading responses.csv',
      MERGED_TARGETS_STEP,
      'checking responses.csv',
    ]);
    expect(steps.filter((step) => step === MERGED_TARGETS_STEP)).toHaveLength(1);
  });
});
