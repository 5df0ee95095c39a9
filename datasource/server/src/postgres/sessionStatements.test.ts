import { parseSessionStatement } from './sessionStatements';
import { splitStatements } from './splitStatements';

describe('session statements clients send', () => {
  it.each([
    ['SET extra_float_digits = 3', { kind: 'set', name: 'extra_float_digits', value: '3' }],
    [
      "SET application_name = 'PostgreSQL JDBC Driver'",
      { kind: 'set', name: 'application_name', value: 'PostgreSQL JDBC Driver' },
    ],
    ['set session DateStyle to ISO;', { kind: 'set', name: 'datestyle', value: 'ISO' }],
    ["SET TIME ZONE 'UTC'", { kind: 'set', name: 'timezone', value: 'UTC' }],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED', { kind: 'ignored', tag: 'SET' }],
    ['show transaction isolation level', { kind: 'show', name: 'transaction_isolation' }],
    ['SHOW ALL', { kind: 'show', name: 'all' }],
    ['BEGIN', { kind: 'begin', readWrite: false }],
    ['start transaction read write', { kind: 'begin', readWrite: true }],
    ['commit', { kind: 'commit' }],
    ['END', { kind: 'commit' }],
    ['ROLLBACK', { kind: 'rollback' }],
    ['ROLLBACK TO SAVEPOINT s1', { kind: 'savepoint', tag: 'ROLLBACK' }],
    ['DISCARD ALL', { kind: 'discard' }],
    ['DEALLOCATE PREPARE s1', { kind: 'deallocate', name: 's1' }],
    ['/* driver */ RESET ALL', { kind: 'reset', name: 'all' }],
  ])('%s', (sql, expected) => {
    expect(parseSessionStatement(sql)).toEqual(expected);
  });

  it.each([
    'select 1',
    'set application_name = x; delete from t',
    'settings',
    "select 'SET x = 1'",
    'show tables; drop table x',
  ])('leaves %s to the guard', (sql) => {
    expect(parseSessionStatement(sql)).toBeUndefined();
  });
});

describe('splitStatements', () => {
  it('splits at semicolons outside literals and comments, dropping blank pieces', () => {
    expect(splitStatements("select ';' as a; -- x;\nselect 2;;  ")).toEqual(["select ';' as a", ' -- x;\nselect 2']);
    expect(splitStatements('/* only; a comment */')).toEqual([]);
    expect(splitStatements('')).toEqual([]);
  });
});
