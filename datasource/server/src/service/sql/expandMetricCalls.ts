import type { MetricDefinition } from '../../catalog/metricCatalog';
import { QueryError } from '../queryError';
import { catalogMetric, metricExpression } from './metricExpression';
import { rewriteOutsideLiterals } from './sqlLexer';

/** `metric('csat')` or `metric_n('csat')`, at a word boundary, any case, spaces allowed. */
const metricCall = /^(metric|metric_n)\s*\(\s*'([^']*)'\s*\)/i;
const otherArguments = /^(metric|metric_n)\s*\(/i;

/**
 * Expands `metric('name')` and `metric_n('name')`: the catalog in a form
 * that every client passes through unchanged. Grafana's PostgreSQL
 * datasource rejects `$__metric(...)` as an unknown macro before sending;
 * a function call travels through it, psql, pgjdbc and pandas as written.
 */
export const expandMetricCalls = (sql: string, metrics: ReadonlyMap<string, MetricDefinition>): string =>
  rewriteOutsideLiterals(sql, (i) => {
    const boundary = i === 0 || !/[\w.$"]/.test(sql[i - 1]);
    if (!boundary || (sql[i] !== 'm' && sql[i] !== 'M')) {
      return undefined;
    }
    const rest = sql.slice(i);
    const call = metricCall.exec(rest);
    if (call) {
      const which = call[1].toLowerCase() === 'metric' ? 'value' : 'n';
      return { text: metricExpression(catalogMetric(metrics, call[2]), which, call[0]), next: i + call[0].length };
    }
    const other = otherArguments.exec(rest);
    if (other) {
      throw new QueryError(
        'bad_sql',
        `${other[1]}() takes one metric name in single quotes, e.g. ${other[1].toLowerCase()}('csat')`
      );
    }
    return undefined;
  });
