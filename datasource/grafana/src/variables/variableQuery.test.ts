import { migrateVariableQuery, variableSql } from './variableQuery';

describe('variable queries', () => {
  it('reads a plain string as SQL, as older dashboards save it', () => {
    expect(migrateVariableQuery('select 1 as value')).toEqual({
      refId: 'variable',
      version: 1,
      kind: 'sql',
      sql: 'select 1 as value',
    });
  });

  it('fills refId and version of a hand-written query', () => {
    expect(migrateVariableQuery({ kind: 'regions' })).toEqual({ refId: 'variable', version: 1, kind: 'regions' });
  });

  it('names what is wrong with an unknown kind', () => {
    expect(() => migrateVariableQuery({ kind: 'planets' })).toThrow(/variable query is invalid at kind:/);
  });

  it('asks for SQL when a SQL variable has none', () => {
    expect(() => variableSql({ refId: 'v', version: 1, kind: 'sql', sql: '  ' })).toThrow(/has no SQL/);
  });

  it('lists touchpoints of the mapping version the warehouse was built with', () => {
    expect(variableSql({ refId: 'v', version: 1, kind: 'touchpoints' })).toMatch(
      /mapping_version = \(select mapping_version from model_info\)/
    );
  });
});
