import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { relationKind } from './relationKind';

describe('relationKind: what the main schema holds under a name', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run('create table facts (id integer)');
    await connection.run('create view facts_view as select * from facts');
    await connection.run('create temp table staged (id integer)');
    await connection.run('create schema other');
    await connection.run('create table other.elsewhere (id integer)');
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('tells a table from a view', async () => {
    expect(await relationKind(connection, 'facts')).toBe('table');
    expect(await relationKind(connection, 'facts_view')).toBe('view');
  });

  it('does not answer for temporary tables, other schemas or missing names', async () => {
    expect(await relationKind(connection, 'staged')).toBeUndefined();
    expect(await relationKind(connection, 'elsewhere')).toBeUndefined();
    expect(await relationKind(connection, 'missing')).toBeUndefined();
  });
});
