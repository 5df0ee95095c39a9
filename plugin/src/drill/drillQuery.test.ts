import { savedDrillQuerySchema } from '@touchpoint/contract/src/savedQuery';
import { drillParameters } from '@touchpoint/contract/src/queryRequest';
import { drillQuery, singleBranch } from './drillQuery';

describe('drillQuery', () => {
  it('asks the datasource for each step’s drill with the parameters the service needs', () => {
    const queries = [
      drillQuery({ kind: 'branch', branchId: 'BR001' }, {}),
      drillQuery({ kind: 'customer', customerId: 'C42' }, {}),
      drillQuery({ kind: 'cohort', cohortMonth: '2024-03-01' }, {}),
      drillQuery({ kind: 'day', day: '2024-05-03' }, {}),
      drillQuery({ kind: 'followups', branchId: 'BR001' }, {}),
      drillQuery({ kind: 'touchpoint', touchpoint: 'app' }, {}),
    ];
    expect(queries.map((q) => q.drill)).toEqual([
      'branch_customers',
      'customer_interactions',
      'cohort_customers',
      'day_interactions',
      'branch_awaiting_followup',
      'touchpoint_negative_ratings',
    ]);
    for (const query of queries) {
      expect(savedDrillQuerySchema.parse(query)).toEqual(query);
      expect(drillParameters[query.drill].needs.every((name) => query[name] !== undefined)).toBe(true);
    }
  });

  it('narrows a cohort or a day to the dashboard’s one branch, but not a customer', () => {
    expect(drillQuery({ kind: 'cohort', cohortMonth: '2024-03-01' }, { branchId: 'BR002' })).toMatchObject({
      branchId: 'BR002',
    });
    expect(drillQuery({ kind: 'day', day: '2024-05-03' }, { branchId: 'BR002' })).toMatchObject({ branchId: 'BR002' });
    expect(drillQuery({ kind: 'touchpoint', touchpoint: 'app' }, { branchId: 'BR002' })).toMatchObject({
      touchpoint: 'app',
      branchId: 'BR002',
    });
    expect(drillQuery({ kind: 'customer', customerId: 'C1' }, { branchId: 'BR002' })).not.toHaveProperty('branchId');
    expect(drillQuery({ kind: 'followups', branchId: 'BR001' }, { branchId: 'BR002' })).toMatchObject({
      branchId: 'BR001',
    });
  });
});

describe('singleBranch', () => {
  it('is the value when the variable selects exactly one branch', () => {
    expect(singleBranch('BR001')).toBe('BR001');
  });

  it('is nothing for several, none, All or a dashboard without the variable', () => {
    expect(singleBranch('BR001,BR002')).toBeUndefined();
    expect(singleBranch('')).toBeUndefined();
    expect(singleBranch('${branch:csv}')).toBeUndefined();
    expect(singleBranch('$__all')).toBeUndefined();
  });
});
