import { memoryConnection } from '../testing/memoryConnection';
import { relationKind } from './relationKind';

describe('relationKind: what the main schema holds under a name', () => {
  const connected = memoryConnection(async (connection) => {
    await connection.run('create table facts (id integer)');
    await connection.run('create view facts_view as select * from facts');
    await connection.run('create temp table staged (id integer)');
    await connection.run('create schema other');
    await connection.run('create table other.elsewhere (id integer)');
  });

  it('tells a table from a view', async () => {
    expect(await relationKind(connected(), 'facts')).toBe('table');
    expect(await relationKind(connected(), 'facts_view')).toBe('view');
  });

  it('does not answer for temporary tables, other schemas or missing names', async () => {
    expect(await relationKind(connected(), 'staged')).toBeUndefined();
    expect(await relationKind(connected(), 'elsewhere')).toBeUndefined();
    expect(await relationKind(connected(), 'missing')).toBeUndefined();
  });
});
