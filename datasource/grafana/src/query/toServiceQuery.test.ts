import { querySchema } from '@touchpoint/contract/src/queryRequest';
import { newQuery } from '@touchpoint/contract/src/savedQuery';
import { toServiceQuery, withVariablesResolved } from './toServiceQuery';
import type { VariableResolver } from './variableResolver';

const variables: Record<string, string | string[]> = { branch: ['BR001', 'BR002'], one: 'BR007', none: [] };
const resolve: VariableResolver = (name) => variables[name];

describe('toServiceQuery', () => {
  it('expands a variable in a metric filter to its selected values, keeps literals, and drops empty filters', () => {
    const query = {
      ...newQuery('metric', 'A'),
      interval: 'none' as const,
      filters: { branch_id: ['$branch', 'BR009'], channel: [] },
    };
    const sent = toServiceQuery(query, { resolve });
    expect(sent).toEqual({
      refId: 'A',
      kind: 'metric',
      metric: 'sli',
      groupBy: [],
      filters: { branch_id: ['BR001', 'BR002', 'BR009'] },
    });
    expect(querySchema.safeParse(sent).success).toBe(true);
  });

  it('leaves auto to the service and sends no interval for the whole range', () => {
    expect(toServiceQuery(newQuery('metric', 'A'), { resolve })).toMatchObject({ interval: 'auto' });
    expect(toServiceQuery({ ...newQuery('metric', 'A'), interval: 'none' }, { resolve })).not.toHaveProperty(
      'interval'
    );
  });

  it('asks for the previous period only with the whole range', () => {
    const compared = { ...newQuery('metric', 'A'), interval: 'none' as const, compare: 'previous_period' as const };
    expect(toServiceQuery(compared, { resolve })).toMatchObject({ compare: 'previous_period' });
    expect(toServiceQuery({ ...compared, interval: 'week' }, { resolve })).not.toHaveProperty('compare');
  });

  it('sends only the variables the SQL names, as lists or single values, and never Grafana’s $__ names', () => {
    const sql =
      'select * from fct_interactions where branch_id in ($branch) and agent_id = ${one} and $__timeFilter(opened_at) and x = $unknown';
    expect(toServiceQuery({ ...newQuery('sql', 'B'), sql }, { resolve })).toEqual({
      refId: 'B',
      kind: 'sql',
      sql,
      format: 'table',
      variables: { branch: ['BR001', 'BR002'], one: 'BR007' },
    });
  });

  it('resolves a drill parameter to the one selected value', () => {
    expect(toServiceQuery({ ...newQuery('drill', 'C'), branchId: '$one', limit: 50 }, { resolve })).toEqual({
      refId: 'C',
      kind: 'drill',
      drill: 'branch_customers',
      branchId: 'BR007',
      limit: 50,
    });
  });

  it('sends a journey query with its group-by and its filters’ variables expanded, as the service reads it', () => {
    const query = {
      ...newQuery('journey', 'J'),
      groupBy: ['branch_id' as const],
      filters: { branch_id: ['$branch'], region: ['North'], segment: [] },
    };
    const sent = toServiceQuery(query, { resolve });
    expect(sent).toEqual({
      refId: 'J',
      kind: 'journey',
      groupBy: ['branch_id'],
      filters: { branch_id: ['BR001', 'BR002'], region: ['North'] },
    });
    expect(querySchema.safeParse(sent).success).toBe(true);
    expect(() =>
      toServiceQuery({ ...newQuery('journey', 'J'), filters: { segment: ['$missing'] } }, { resolve })
    ).toThrow('filter value $missing refers to a variable this dashboard does not have');
  });

  it.each([
    ['$branch', 'branchId needs one value, but $branch has 2 selected'],
    ['$none', 'branchId needs one value, but $none has none selected'],
    ['$missing', 'branchId refers to $missing, which this dashboard does not have'],
  ])('refuses a drill parameter %s with a message naming it', (branchId, message) => {
    expect(() => toServiceQuery({ ...newQuery('drill', 'C'), branchId }, { resolve })).toThrow(message);
  });

  describe('withVariablesResolved (Explore, mixed datasources)', () => {
    it('settles metric filters and drill fields to values', () => {
      expect(
        withVariablesResolved({ ...newQuery('metric', 'A'), filters: { branch_id: ['$branch'] } }, resolve)
      ).toMatchObject({ filters: { branch_id: ['BR001', 'BR002'] } });
      expect(withVariablesResolved({ ...newQuery('drill', 'C'), branchId: '$one' }, resolve)).toMatchObject({
        branchId: 'BR007',
      });
      expect(
        withVariablesResolved({ ...newQuery('journey', 'J'), filters: { branch_id: ['$branch', 'BR009'] } }, resolve)
      ).toEqual({ ...newQuery('journey', 'J'), filters: { branch_id: ['BR001', 'BR002', 'BR009'] } });
    });

    it('keeps SQL as written and carries the values, which are sent when no dashboard has the variable', () => {
      const sql = 'select * from dim_branches where branch_id in ($branch)';
      const settled = withVariablesResolved({ ...newQuery('sql', 'B'), sql }, resolve);
      expect(settled).toMatchObject({ sql, variables: { branch: ['BR001', 'BR002'] } });
      expect(toServiceQuery(settled, { resolve: () => undefined })).toMatchObject({
        variables: { branch: ['BR001', 'BR002'] },
      });
      expect(toServiceQuery(settled, { resolve: () => ['BR003'] })).toMatchObject({ variables: { branch: ['BR003'] } });
    });
  });
});
