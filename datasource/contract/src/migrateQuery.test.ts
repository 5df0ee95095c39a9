import { migrateQuery } from './migrateQuery';
import { QUERY_VERSION } from './savedQuery';

describe('migrateQuery', () => {
  it('turns a new panel’s bare query into the default metric query', () => {
    expect(migrateQuery({ refId: 'A' })).toEqual({
      refId: 'A',
      version: QUERY_VERSION,
      kind: 'metric',
      metric: 'sli',
      groupBy: [],
      interval: 'auto',
      filters: {},
    });
  });

  it('reads a query saved by another SQL datasource (rawSql, format time_series) as SQL', () => {
    expect(migrateQuery({ refId: 'B', rawSql: 'select 1', format: 'time_series' } as never)).toEqual({
      refId: 'B',
      version: QUERY_VERSION,
      kind: 'sql',
      sql: 'select 1',
      format: 'time_series',
    });
  });

  it('fills what an unversioned hand-written metric query leaves out and keeps what it says', () => {
    expect(migrateQuery({ refId: 'C', kind: 'metric', metric: 'nps', groupBy: ['region'] })).toMatchObject({
      version: QUERY_VERSION,
      metric: 'nps',
      groupBy: ['region'],
      interval: 'auto',
      filters: {},
    });
  });

  it('drops Grafana’s own fields and keeps hide', () => {
    const migrated = migrateQuery({
      refId: 'D',
      hide: true,
      datasource: { uid: 'x' },
      kind: 'sql',
      version: 1,
      sql: 'select 1',
      format: 'table',
    });
    expect(migrated).toEqual({ refId: 'D', hide: true, version: 1, kind: 'sql', sql: 'select 1', format: 'table' });
  });

  it('is the identity on a current query', () => {
    const current = {
      refId: 'E',
      version: 1,
      kind: 'drill' as const,
      drill: 'day_interactions' as const,
      day: '2024-03-01',
      channel: '$channel',
    };
    expect(migrateQuery(current)).toEqual(current);
  });

  it('fills what an unversioned journey query leaves out and refuses a dimension it cannot group by', () => {
    expect(migrateQuery({ refId: 'J', kind: 'journey', filters: { branch_id: ['$branch'] } } as never)).toEqual({
      refId: 'J',
      version: QUERY_VERSION,
      kind: 'journey',
      groupBy: [],
      filters: { branch_id: ['$branch'] },
    });
    expect(() => migrateQuery({ refId: 'J', version: 1, kind: 'journey', groupBy: ['channel'] } as never)).toThrow(
      /query J is invalid at groupBy\.0:/
    );
  });

  it('refuses a query from a newer plugin and says to upgrade', () => {
    expect(() => migrateQuery({ refId: 'F', version: 2, kind: 'metric' })).toThrow(
      /saved by a newer Touchpoint plugin \(query version 2.*upgrade the plugin/
    );
  });

  it('names the field that makes a current query unreadable', () => {
    expect(() => migrateQuery({ refId: 'G', version: 1, kind: 'drill', drill: 'everything' } as never)).toThrow(
      /query G is invalid at drill:/
    );
  });
});
