import { modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from './modelDeclarations';
import { keepsEveryKey } from './projectedChanges';

describe('keepsEveryKey: the targets an increment cannot take a key from', () => {
  const declarations = modelFiles().map(readModelDeclaration);
  const keeps = (model: string, targetColumn: string) => keepsEveryKey(declarations, { model, targetColumn });

  it('holds for a staging view’s raw id: an increment replaces raw rows by id or adds them', () => {
    expect(keeps('stg_responses', 'response_id')).toBe(true);
    expect(keeps('stg_followups', 'followup_id')).toBe(true);
  });

  it('does not hold for another column of a staging view, whose value a replaced row can drop', () => {
    expect(keeps('stg_followups', 'response_id')).toBe(false);
    expect(keeps('stg_responses', 'customer_id')).toBe(false);
  });

  it('holds for a model whose key a staging view holds: one row per raw row, the counts checked equal', () => {
    expect(keeps('rel_customer_profile', 'customer_id')).toBe(true);
    expect(keeps('rel_customer_profile', 'branch_id')).toBe(false);
  });

  it('holds for a model whose key is held by one that keeps every key, in turn', () => {
    expect(keeps('dim_customers', 'customer_id')).toBe(true);
    expect(keeps('dim_customers', 'branch_id')).toBe(false);
  });

  it('does not hold for a model that is not a projection of a raw table, nor one whose key such a model holds', () => {
    expect(keeps('fct_responses', 'response_id')).toBe(false);
    expect(keeps('fct_journey_ratings', 'response_id')).toBe(false);
    expect(keeps('rel_customer_activity', 'customer_id')).toBe(false);
  });

  it('does not hold for models that hold each other’s key, a chain that never reaches a raw table', () => {
    const holding = (name: string, keyHeldBy: string) => ({
      file: `${name}.sql`,
      name,
      kind: 'table' as const,
      key: ['customer_id'],
      keyHeldBy,
      notNull: [],
      references: [],
    });
    const cycle = [holding('a', 'b'), holding('b', 'a'), holding('c', 'c')];
    expect(keepsEveryKey(cycle, { model: 'a', targetColumn: 'customer_id' })).toBe(false);
    expect(keepsEveryKey(cycle, { model: 'c', targetColumn: 'customer_id' })).toBe(false);
  });

  it('does not hold for a projection whose declared key is not its raw table’s id', () => {
    const byRating = {
      file: 'v.sql',
      name: 'followups_by_rating',
      kind: 'view' as const,
      key: ['response_id'],
      notNull: [],
      references: [],
      projects: 'followups',
    };
    expect(keepsEveryKey([byRating], { model: 'followups_by_rating', targetColumn: 'response_id' })).toBe(false);
  });
});
