import type { MetricDefinition } from '../../catalog/metricCatalog';
import type { DataFrameJSON } from '@touchpoint/contract/src/dataFrame';
import type { Row } from '../../db/readRows';
import type { BranchDirectory } from '../branchDirectory';
import { KeyIndex } from '../../db/keyIndex';
import { branchNameColumns, branchNameValue, withBranchLabels } from './branchNameColumns';

// Grafana unit ids for the catalog's units.
const grafanaUnit: Record<MetricDefinition['unit'], string> = {
  percent: 'percent',
  index: 'none',
  score: 'none',
  seconds: 's',
  count: 'short',
  currency: 'currencyUSD',
};

/** Field config that carries the catalog's definition into Grafana. */
export const metricFieldConfig = (metric: MetricDefinition) => ({
  displayName: metric.label,
  unit: grafanaUnit[metric.unit],
  decimals: metric.decimals,
  ...(metric.min !== null ? { min: metric.min } : {}),
  ...(metric.max !== null ? { max: metric.max } : {}),
  description: metric.description,
  // Bands travel with the value so a panel labels and colours it without a catalog round trip.
  custom: {
    metric: metric.name,
    level: metric.level,
    direction: metric.direction,
    goal: metric.goal,
    bands: metric.bands,
  },
});

/**
 * The field config of a time series after an answer's first: what Grafana's
 * own panels draw with (name, unit, decimals, range) and the metric's name.
 * The description and the bands are the same for every series, so the first
 * series of the metric carries them for all: a per-branch trend is hundreds
 * of series, and a copy each was most of its answer's bytes.
 */
export const metricSeriesConfig = (metric: MetricDefinition) => {
  const { description: _description, custom, ...drawn } = metricFieldConfig(metric);
  return { ...drawn, custom: { metric: custom.metric } };
};

const comparisonColumns = ['previous', 'previous_n', 'change'] as const;

/** The previous period's value and n, and the change, in the metric's unit. */
const comparisonFields = (metric: MetricDefinition) => {
  const { displayName, unit, decimals } = metricFieldConfig(metric);
  return [
    {
      name: 'previous',
      type: 'number' as const,
      config: { displayName: `${displayName}, previous period`, unit, decimals },
    },
    { name: 'previous_n', type: 'number' as const, config: { displayName: 'n, previous period' } },
    { name: 'change', type: 'number' as const, config: { displayName: `${displayName} change`, unit, decimals } },
  ];
};

interface MetricFrameOptions {
  refId: string;
  metric: MetricDefinition;
  groupBy: string[];
  timeSeries: boolean;
  /** Rows carry previous, previous_n and change (compare: previous_period). */
  compared?: boolean;
  minN: number;
  meta: Record<string, unknown>;
  /** Names a metric grouped by branch_id: fields on a table, labels on a time series. */
  branches: BranchDirectory;
}

/**
 * A metric result as frames: a table of (dimensions, value, n, low
 * confidence) for gauges and tables, or one time series per dimension
 * combination, value and n side by side, for trends. Grouped by branch_id,
 * a table ends with branch_name and region and a series carries them as
 * labels (last, so a reader by position keeps its columns).
 */
export const metricFrames = (rows: Row[], options: MetricFrameOptions): DataFrameJSON[] => {
  const { metric, groupBy, minN, branches } = options;
  const named = branchNameColumns(groupBy);
  const fullConfig = metricFieldConfig(metric);
  const leanConfig = metricSeriesConfig(metric);
  const valueField = (labels?: Record<string, string>, lean = false) => ({
    name: metric.name,
    type: 'number' as const,
    ...(labels ? { labels } : {}),
    config: lean ? leanConfig : fullConfig,
  });
  const nField = (labels?: Record<string, string>) => ({
    name: 'n',
    type: 'number' as const,
    ...(labels ? { labels } : {}),
    config: { displayName: 'n', custom: { minN } },
  });
  const lowConfidence = (n: unknown) => typeof n !== 'number' || n < minN;
  const meta = {
    ...options.meta,
    custom: { ...(options.meta.custom as object), metric: metric.name, level: metric.level },
  };

  if (!options.timeSeries) {
    return [
      {
        schema: {
          refId: options.refId,
          meta: { ...meta, preferredVisualisationType: 'table' },
          fields: [
            ...groupBy.map((d) => ({ name: d, type: 'string' as const })),
            valueField(),
            nField(),
            { name: 'low_confidence', type: 'boolean' as const },
            ...(options.compared ? comparisonFields(metric) : []),
            ...named.map((column) => ({ name: column, type: 'string' as const })),
          ],
        },
        data: {
          values: [
            ...groupBy.map((d) => rows.map((r) => r[d])),
            rows.map((r) => r.value),
            rows.map((r) => r.n),
            rows.map((r) => lowConfidence(r.n)),
            ...(options.compared ? comparisonColumns.map((c) => rows.map((r) => r[c])) : []),
            ...named.map((column) => rows.map((r) => branchNameValue(branches, column, r.branch_id))),
          ],
        },
      },
    ];
  }
  // Rows to series by their groups' values, matched as values (KeyIndex):
  // a per-branch trend is tens of thousands of rows.
  const width = groupBy.length;
  const index = new KeyIndex();
  const series: Row[][] = [];
  // One function for every row, not one made per row (see journeyEdges.ts's keepBoundary).
  let current: Row = {};
  const valueAt = (c: number) => current[groupBy[c]] ?? null;
  for (const row of rows) {
    current = row;
    let at = index.find(width, valueAt);
    if (at === -1) {
      at = series.length;
      index.add(width, valueAt, at);
      series.push([]);
    }
    series[at].push(row);
  }
  if (series.length === 0) {
    series.push([]);
  }
  // The SQL is the same for every series: Grafana's query inspector lists it
  // once per query from the first frame, and a hundred copies would be most
  // of the answer's bytes. The metric's details are, too (metricSeriesConfig).
  const firstMeta = { ...meta, type: 'timeseries-multi' };
  const laterMeta = { ...firstMeta, executedQueryString: undefined };
  return series.map((seriesRows, at) => {
    let grouped: Record<string, string> | undefined;
    if (width > 0) {
      grouped = {};
      for (const d of groupBy) {
        grouped[d] = String(seriesRows[0]?.[d] ?? '');
      }
    }
    const labels = grouped ? withBranchLabels(grouped, groupBy, branches) : undefined;
    const name = grouped ? Object.values(grouped).join(' ') : metric.label;
    return {
      schema: {
        refId: options.refId,
        name,
        meta: at === 0 ? firstMeta : laterMeta,
        fields: [{ name: 'time', type: 'time' as const }, valueField(labels, at > 0), nField(labels)],
      },
      data: { values: [seriesRows.map((r) => r.time), seriesRows.map((r) => r.value), seriesRows.map((r) => r.n)] },
    };
  });
};
