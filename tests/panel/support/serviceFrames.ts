import type { DataFrame } from '@grafana/data';
import { toDataQueryResponse } from '@touchpoint/duckdb-datasource/src/query/toDataQueryResponse';
import catalog from '@touchpoint/sql/catalog/metrics.json';
import { metricDefinitionSchema } from '@touchpoint/contract/src/metricDefinition';
import type { DataFrameJSON, FieldType } from '@touchpoint/contract/src/dataFrame';
import { metricFrames } from '@touchpoint/server/src/service/execute/metricFrames';
import { tableFrame } from '@touchpoint/server/src/service/frames/toFrames';
import { withDataStamp } from '@touchpoint/server/src/service/frames/withDataStamp';
import type { Row } from '@touchpoint/server/src/db/readRows';
import type { PlainValue } from '@touchpoint/server/src/db/plainValue';
import type { BranchDirectory } from '@touchpoint/server/src/service/branchDirectory';

/** Freshness stamped on fixture frames: 2024-06-30 18:00 UTC. */
export const FIXTURE_AS_OF = Date.UTC(2024, 5, 30, 18);

interface MetricFrameOptions {
  refId?: string;
  groupBy?: string[];
  interval?: 'day' | 'week' | 'month';
  compared?: boolean;
  /** The warehouse's branches, to name them as the service does; none by default (frames then carry no names). */
  branches?: BranchDirectory;
}

const FIXTURE_STAMP = { asOf: FIXTURE_AS_OF, dataVersion: '0123456789abcdef', minN: 30 };

/** Frames stamped as the service stamps them, read as the datasource hands them to Grafana (its own toDataQueryResponse). */
const asGrafanaReceivesThem = (frames: DataFrameJSON[], refId: string): DataFrame[] =>
  toDataQueryResponse({ results: { [refId]: withDataStamp({ frames }, FIXTURE_STAMP) } }, [refId]).data as DataFrame[];

/**
 * Frames for hand-written rows, built by the service's own frame builder
 * (metricFrames) from the shipped catalog, then read by the datasource:
 * exactly the shape a panel receives.
 */
export const metricFramesFor = (metricName: string, rows: Row[], options: MetricFrameOptions = {}): DataFrame[] => {
  const metric = metricDefinitionSchema.parse(catalog.find((entry) => entry.name === metricName));
  const refId = options.refId ?? 'A';
  const frames = metricFrames(rows, {
    refId,
    metric,
    groupBy: options.groupBy ?? [],
    timeSeries: options.interval !== undefined,
    compared: options.compared,
    minN: FIXTURE_STAMP.minN,
    meta: { custom: { source: 'hybrid', interval: options.interval } },
    branches: options.branches ?? new Map(),
  });
  return asGrafanaReceivesThem(frames, refId);
};

/** A SQL result as the service frames it: one table frame, columns as given. */
export const tableFrameFor = (
  columns: Record<string, { type: FieldType; values: PlainValue[] }>,
  refId = 'A'
): DataFrame => {
  const names = Object.keys(columns);
  const json = tableFrame(
    {
      names,
      types: names.map((name) => columns[name].type),
      columns: names.map((name) => columns[name].values),
      rows: columns[names[0]]?.values.length ?? 0,
      truncated: false,
    },
    { refId }
  );
  return asGrafanaReceivesThem([json], refId)[0];
};
