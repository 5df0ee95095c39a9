import { metricCatalogSchema } from '@touchpoint/contract/src/metricDefinition';
import catalogFile from '@touchpoint/sql/catalog/metrics.json';
import { metricSqlPreview } from './metricSqlPreview';
import { newQuery } from '@touchpoint/contract/src/savedQuery';

const catalog = metricCatalogSchema.parse(catalogFile);
const metric = (name: string) => catalog.find((m) => m.name === name)!;

describe('metricSqlPreview', () => {
  it('writes a grouped, filtered metric with the service’s macros over its rollup', () => {
    const query = {
      ...newQuery('metric', 'A'),
      metric: 'csat',
      groupBy: ['branch_id'],
      interval: 'week' as const,
      filters: { channel: ['email', "o'hare"], branch_id: ['$branch'] },
    };
    expect(metricSqlPreview(metric('csat'), query)).toEqual({
      sql: [
        'select',
        "  date_trunc('week', day) as time,",
        '  branch_id,',
        '  $__metric(csat) as csat,',
        '  $__metricN(csat) as n',
        'from agg_interaction_daily',
        'where $__timeFilter(day)',
        "  and channel in ('email', 'o''hare')",
        '  and branch_id in ($branch)',
        'group by all',
        'order by time',
      ].join('\n'),
    });
  });

  it('follows the panel interval for auto and leaves time out for the whole range', () => {
    expect(metricSqlPreview(metric('sli'), newQuery('metric', 'A'))).toMatchObject({
      sql: expect.stringContaining('$__timeGroupAlias(day, $__interval)'),
    });
    const whole = metricSqlPreview(metric('sli'), { ...newQuery('metric', 'A'), interval: 'none' });
    expect('sql' in whole && whole.sql).not.toMatch(/as time|order by time/);
  });

  it('reads percentiles from the fact table', () => {
    expect(metricSqlPreview(metric('frt_p90'), newQuery('metric', 'A'))).toMatchObject({
      sql: expect.stringMatching(/from fct_interactions\nwhere \$__timeFilter\(opened_at\)/),
    });
  });

  it('explains why a stock such as churn has no plain-SQL form', () => {
    expect(metricSqlPreview(metric('churn_rate'), newQuery('metric', 'A'))).toEqual({
      reason: expect.stringMatching(/active at each period's start.*rel_branch_month/),
    });
  });
});
