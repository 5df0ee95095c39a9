import { scopedTestSql } from './runDataTests';

const scope = { updated: new Set(['fct_interactions']), intactTargets: new Set<string>() };
const rowByRow = `-- checked row by row: each row alone
select interaction_id from fct_interactions where resolution_seconds < 0
union all
select i.interaction_id from fct_interactions as i where i.handle_seconds < 0
union all
select branch_id from rel_branch_month where sli > 100`;

describe('scopedTestSql', () => {
  it('reads the changed rows of each model updated row by row in a query checked row by row, under the model’s name or its alias', () => {
    expect(scopedTestSql(rowByRow, scope)).toBe(`-- checked row by row: each row alone
select interaction_id from "changed_fct_interactions" as fct_interactions where resolution_seconds < 0
union all
select i.interaction_id from "changed_fct_interactions" as i where i.handle_seconds < 0
union all
select branch_id from rel_branch_month where sli > 100`);
  });

  it('leaves a query that spans rows whole, and every query of a full build', () => {
    const spanning = 'select count(*) from fct_interactions';
    expect(scopedTestSql(spanning, scope)).toBe(spanning);
    expect(scopedTestSql(rowByRow)).toBe(rowByRow);
  });

  it('does not take a model whose name another begins with for it', () => {
    const sql = '-- checked row by row\nselect * from fct_interactions_daily where x < 0';
    expect(scopedTestSql(sql, scope)).toBe(sql);
  });
});
