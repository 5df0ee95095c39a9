import type { MetricDefinition } from '../../catalog/metricCatalog';
import { QueryError } from '../queryError';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalog entry a query names, or an error listing the ones it could have. */
export const catalogMetric = (metrics: ReadonlyMap<string, MetricDefinition>, name: string): MetricDefinition => {
  const metric = metrics.get(name);
  if (!metric) {
    throw new QueryError(
      'unknown_metric',
      `no metric '${name}' in the catalog; known: ${[...metrics.keys()].join(', ')}`
    );
  }
  return metric;
};

/**
 * The catalog's formula (or its n) with each component summed: it groups
 * by whatever the query groups by, so one definition serves `$__metric`,
 * `metric('...')`, dashboards, alert rules and analysts alike.
 */
export const metricExpression = (metric: MetricDefinition, which: 'value' | 'n', spelledAs: string): string => {
  if (metric.components.some((c) => c.agg === 'opening')) {
    throw new QueryError(
      'bad_sql',
      `${spelledAs} needs the stock at each period's start, which plain SQL grouping cannot give: use a metric query, or rel_branch_month for monthly values`
    );
  }
  return metric.components.reduce(
    (sql, c) => sql.replace(new RegExp(`\\b${escapeRegExp(c.name)}\\b`, 'g'), `sum("${c.name}")`),
    `(${which === 'value' ? metric.formula : metric.n})`
  );
};
