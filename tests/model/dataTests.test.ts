import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from '@touchpoint/server/src/warehouse/modelDeclarations';
import { keepProjectedChanges } from '@touchpoint/server/src/warehouse/projectedChanges';
import { intactTargets, keepReferenceKeys } from '@touchpoint/server/src/warehouse/referenceKeys';
import { dataTests, runDataTests } from '@touchpoint/server/src/warehouse/runDataTests';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';

const fill = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', null), ('B2', 'Mill Lane', 'South', null);
  insert into raw.customers values ('C1', 'B1', null, '2024-01-10', '2024-03-02', 10), ('C2', 'B2', null, '2023-06-01', null, 20);
  insert into raw.interactions values
    ('I1', 'C1', 'B1', 'phone', 'A1', 'billing', '2024-01-15 09:00', '2024-01-15 09:01', '2024-01-15 10:00', 300),
    ('I2', 'C2', 'B2', 'chat', null, null, '2024-02-15 09:00', null, null, null);
  insert into raw.responses values
    ('R1', 'B1', 'C1', 'I1', 'after_service', 'csat_5', 5, '2024-01-15 11:00', null),
    ('R2', 'B2', null, null, 'kiosk', 'smiley_5', 2, '2024-02-01 11:00', null),
    ('R3', 'B2', 'C2', null, 'email', 'nps_11', 9, '2024-03-01 11:00', null);
`;

describe('the model data tests (declared beside each model, and sql/tests)', () => {
  let warehouse: TestWarehouse;
  beforeEach(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterEach(() => warehouse.close());

  it('pass on a correct build', async () => {
    expect(await runDataTests(warehouse.connection)).toEqual([]);
  });

  it('name each check as a step of the progress, in the order they run, so a load shows which one it is on', async () => {
    const steps: string[] = [];
    await runDataTests(warehouse.connection, undefined, {
      step: (message) => steps.push(message),
      done: () => undefined,
    });
    expect(steps).toEqual(dataTests().map((test) => `checking ${test.name}`));
    expect(steps).toContain('checking unique_key:fct_interactions');
    expect(steps).toContain('checking grain_preserved');
  });

  it.each([
    [
      'a repeated key',
      'insert into fct_interactions select * from fct_interactions limit 1',
      'unique_key:fct_interactions',
    ],
    [
      'a dangling branch reference',
      "delete from dim_branches where branch_id = 'B2'",
      'references:fct_interactions.branch_id',
    ],
    [
      'a dangling reference beside a null among the targets (which `not in` would hide)',
      "delete from dim_branches where branch_id = 'B2'; insert into dim_branches (branch_id) values (null)",
      'references:fct_interactions.branch_id',
    ],
    [
      'a missing required value',
      'update rel_customer_profile set started_at = null',
      'not_null:rel_customer_profile.started_at',
    ],
    [
      'a key with a hole',
      "update agg_customer_daily set day = null where branch_id = 'B1'",
      'not_null:agg_customer_daily.day',
    ],
    ['a fact that lost a row', "delete from fct_interactions where interaction_id = 'I2'", 'grain_preserved'],
    [
      'a repeated key in the journey ratings, whose key fct_responses holds',
      'insert into fct_journey_ratings select * from fct_journey_ratings limit 1',
      'grain_preserved',
    ],
    [
      'a rollup that does not sum to its fact',
      'update agg_interaction_daily set interactions = interactions + 1',
      'grain_preserved',
    ],
    [
      'SLI points outside -10..10',
      // fct_responses is a table (time-ordered for the edge scans): the wrong points are planted in it.
      "update fct_responses set sli_points = 40 * (score - 1) - 10.0 where instrument = 'csat_5'",
      'values_in_range',
    ],
    [
      'a daily stock that disagrees with the month',
      'update agg_customer_daily set active_at_start = active_at_start + 1',
      'stocks_agree',
    ],
    [
      'a closed-loop rollup that does not sum to its fact',
      'update agg_followup_daily set negative_ratings = negative_ratings + 1',
      'grain_preserved',
    ],
    [
      'a recovery counted without a re-rated closed case',
      'update fct_negative_ratings set recovered = 1',
      'values_in_range',
    ],
    ['a 128-bit count column', 'alter table agg_customer_daily add column wide hugeint', 'no_wide_integers'],
    [
      'a catalog component its source lacks',
      "update metric_catalog set components = [{'name': 'nope', 'agg': 'sum'}] where name = 'csat'",
      'catalog_is_complete',
    ],
  ])('catch %s', async (_defect, plant, test) => {
    await warehouse.connection.run(plant);
    const failures = await runDataTests(warehouse.connection);
    expect(failures.map((f) => f.test)).toContain(test);
    expect(failures.find((f) => f.test === test)?.failingRows).toBeGreaterThan(0);
  });
});

describe('the data tests after an increment: models updated row by row are checked where they changed', () => {
  let warehouse: TestWarehouse;
  const updated = new Set(['fct_interactions', 'fct_responses']);
  let keysBefore: ReadonlySet<string>;
  beforeEach(async () => {
    warehouse = await buildTestWarehouse(fill);
    // As appendWarehouse does before the merge: the targets' keys the last check saw.
    keysBefore = await keepReferenceKeys(warehouse.connection);
  });
  afterEach(() => warehouse.close());

  /** Plants a change as updateModel records one: the row in the table and, old or new, in changed_<model>. */
  const change = async (plant: string) => {
    await warehouse.connection.run(
      `create or replace temp table changed_fct_interactions as select * from fct_interactions limit 0;
       create or replace temp table changed_fct_responses as select * from fct_responses limit 0;
       ${plant}`
    );
  };
  /** As appendWarehouse does after the update: checked where it changed, with the targets that kept every key. */
  const failing = async (kept = keysBefore) => {
    const scope = { updated, intactTargets: await intactTargets(warehouse.connection, updated, kept) };
    return (await runDataTests(warehouse.connection, scope)).map((f) => f.test);
  };

  it('keep the keys of the targets the models updated row by row refer to, unless updated row by row themselves or keeping every key (a staging view, a model whose key one holds)', () => {
    expect([...keysBefore].sort()).toEqual(['dim_branches.branch_id']);
  });

  it('catch a customer gone from rel_customer_profile, whose keys are not kept, by its count against the raw customers', async () => {
    await change("delete from rel_customer_profile where customer_id = 'C1'");
    expect(await failing()).toEqual(expect.arrayContaining(['grain_preserved']));
  });

  it('pass when nothing changed', async () => {
    await change('');
    expect(await failing()).toEqual([]);
  });

  it('catch a changed row repeating the key of a row that did not change', async () => {
    await change(`
      insert into fct_interactions select * from fct_interactions where interaction_id = 'I1';
      insert into changed_fct_interactions select * from fct_interactions where interaction_id = 'I1' limit 1;`);
    expect(await failing()).toContain('unique_key:fct_interactions');
  });

  it('catch a null in a changed row', async () => {
    await change(`
      update fct_interactions set opened_at = null where interaction_id = 'I2';
      insert into changed_fct_interactions select * from fct_interactions where interaction_id = 'I2';`);
    expect(await failing()).toContain('not_null:fct_interactions.opened_at');
  });

  it('catch a changed row whose target does not exist', async () => {
    await change(`
      update fct_interactions set branch_id = 'B9' where interaction_id = 'I2';
      insert into changed_fct_interactions select * from fct_interactions where interaction_id = 'I2';`);
    expect(await failing()).toContain('references:fct_interactions.branch_id');
  });

  it('catch a row that did not change losing its target, by the keys kept before the increment', async () => {
    await change("delete from dim_branches where branch_id = 'B2'");
    expect(await failing()).toContain('references:fct_interactions.branch_id');
  });

  it('catch a row that did not change losing a target updated row by row, by its old rows', async () => {
    // R1 did not change; its contact I1 was removed, its old row recorded as the change.
    await change(`
      insert into changed_fct_interactions select * from fct_interactions where interaction_id = 'I1';
      delete from fct_interactions where interaction_id = 'I1';`);
    expect(await failing()).toContain('references:fct_responses.interaction_id');
  });

  it('check a reference whole when its target’s keys before the increment are not known', async () => {
    await change("delete from dim_branches where branch_id = 'B2'");
    expect(await failing(new Set())).toContain('references:fct_interactions.branch_id');
  });

  it('catch a changed row breaking an invariant of sql/tests checked row by row', async () => {
    await change(`
      update fct_interactions set resolution_seconds = -5 where interaction_id = 'I1';
      insert into changed_fct_interactions select * from fct_interactions where interaction_id = 'I1';`);
    expect(await failing()).toContain('values_in_range');
  });

  it('leave the rows that did not change to the last full check', async () => {
    // A repeat, or a reference to a target that never existed, among rows the increment did not touch
    // is not looked for (the base was checked when built): the full check sees both.
    await change(`
      insert into fct_interactions select * from fct_interactions where interaction_id = 'I1';
      insert into fct_interactions select * replace ('I9' as interaction_id, 'B9' as branch_id) from fct_interactions where interaction_id = 'I2';
      update fct_interactions set resolution_seconds = -5 where interaction_id = 'I1';`);
    const scoped = await failing();
    expect(scoped).not.toContain('unique_key:fct_interactions');
    expect(scoped).not.toContain('references:fct_interactions.branch_id');
    expect(scoped).not.toContain('values_in_range');
    expect((await runDataTests(warehouse.connection)).map((f) => f.test)).toEqual(
      expect.arrayContaining([
        'unique_key:fct_interactions',
        'references:fct_interactions.branch_id',
        'values_in_range',
      ])
    );
  });
});

describe('the data tests after an increment: staging views are checked where their raw rows changed', () => {
  let warehouse: TestWarehouse;
  beforeEach(async () => {
    warehouse = await buildTestWarehouse(fill);
  });
  afterEach(() => warehouse.close());

  /** Plants raw follow-ups, recorded as the change set records them when `changed`, and checks as appendWarehouse does. */
  const failing = async (plant: string, changed: boolean) => {
    const tables = ['branches', 'customers', 'interactions', 'responses', 'followups'];
    await warehouse.connection.run(
      tables.map((t) => `create or replace temp table changed_raw_${t} as select * from raw.${t} limit 0;`).join('\n')
    );
    await warehouse.connection.run(plant);
    if (changed) {
      await warehouse.connection.run('insert into changed_raw_followups select * from raw.followups');
    }
    const declarations = modelFiles().map(readModelDeclaration);
    const updated = new Set(await keepProjectedChanges(warehouse.connection, declarations));
    expect([...updated].sort()).toEqual([
      'stg_branches',
      'stg_customers',
      'stg_followups',
      'stg_interactions',
      'stg_responses',
    ]);
    const scope = { updated, intactTargets: await intactTargets(warehouse.connection, updated, new Set()) };
    return (await runDataTests(warehouse.connection, scope)).map((f) => f.test);
  };
  const dangling = "insert into raw.followups values ('F9', 'R9', '2024-03-02 09:00', null, null, null, null)";

  it('catch a changed follow-up whose rating does not exist', async () => {
    expect(await failing(dangling, true)).toContain('references:stg_followups.response_id');
  });

  it('pass a changed follow-up whose rating exists', async () => {
    expect(await failing(dangling.replace("'R9'", "'R2'"), true)).toEqual([]);
  });

  it('leave a follow-up that did not change to the last full check', async () => {
    expect(await failing(dangling, false)).not.toContain('references:stg_followups.response_id');
    expect((await runDataTests(warehouse.connection)).map((f) => f.test)).toContain(
      'references:stg_followups.response_id'
    );
  });
});
