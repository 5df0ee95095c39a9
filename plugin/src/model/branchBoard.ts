import { FieldType, type DataFrame } from '@grafana/data';
import type { MetricBand } from '@touchpoint/contract/src/metricDefinition';
import { bandFor } from './bands';
import { branchNamesOf } from './branchNames';
import { fieldNamed, frameStamp, metricFieldOf, numberAt, stringAt, type MetricInfo } from './metricField';

export interface TrendPoint {
  time: number;
  value: number | null;
}

/** One branch's gauge: its relationship score over the range and what it rests on. */
export interface BranchScore {
  branchId: string;
  /** The branch's name where the frames carry it (the service names every metric grouped by branch), else its id. */
  name: string;
  region?: string;
  value: number | null;
  n: number;
  lowConfidence: boolean;
  band?: MetricBand;
  /** Present when the query compared with the previous period. */
  previous?: { value: number | null; n: number; change: number | null };
  trend: TrendPoint[];
}

export interface BranchBoard {
  metric: MetricInfo;
  branches: BranchScore[];
  minN?: number;
  asOf?: number;
  hasRegions: boolean;
  hasComparison: boolean;
}

export type BoardResult = { model: BranchBoard } | { problem: string };

const BRANCH = 'branch_id';

/** A whole-range metric frame with a branch column: the gauges' values. */
const isBranchTable = (frame: DataFrame) =>
  fieldNamed(frame, BRANCH)?.type === FieldType.string &&
  !frame.fields.some((field) => field.type === FieldType.time) &&
  metricFieldOf(frame) !== undefined;

/** Per-branch time series of the same metric: the gauges' trend lines. */
const trendsByBranch = (frames: DataFrame[], metric: string): Map<string, TrendPoint[]> => {
  const trends = new Map<string, TrendPoint[]>();
  for (const frame of frames) {
    const time = frame.fields.find((field) => field.type === FieldType.time);
    const value = metricFieldOf(frame, frames);
    const branchId = value?.field.labels?.[BRANCH];
    if (!time || !value || value.info.metric !== metric || !branchId) {
      continue;
    }
    trends.set(
      branchId,
      time.values.map((t, i) => ({ time: Number(t), value: numberAt(value.field, i) }))
    );
  }
  return trends;
};

/**
 * Frames to the branch gauges: the first whole-range metric table grouped
 * by branch_id (region optional; previous, previous_n and change when it
 * compared with the previous period), with trend lines from any time series
 * of the same metric labelled by branch.
 */
export const readBranchBoard = (frames: DataFrame[]): BoardResult => {
  const table = frames.find(isBranchTable);
  if (!table) {
    return {
      problem:
        'SLI by branch needs a metric query over the whole range grouped by branch_id (and region to group the gauges).',
    };
  }
  const value = metricFieldOf(table)!;
  const branch = fieldNamed(table, BRANCH)!;
  const region = fieldNamed(table, 'region');
  const n = fieldNamed(table, 'n');
  const low = fieldNamed(table, 'low_confidence');
  const previous = fieldNamed(table, 'previous');
  const previousN = fieldNamed(table, 'previous_n');
  const change = fieldNamed(table, 'change');
  const stamp = frameStamp([table]);
  const trends = trendsByBranch(frames, value.info.metric);
  const names = branchNamesOf(frames);

  const branches = branch.values.map((id, i): BranchScore => {
    const branchId = String(id);
    const score = numberAt(value.field, i);
    const count = numberAt(n, i) ?? 0;
    return {
      branchId,
      name: names.get(branchId) ?? branchId,
      region: stringAt(region, i),
      value: score,
      n: count,
      lowConfidence: low ? low.values[i] === true : stamp.minN !== undefined && count < stamp.minN,
      band: bandFor(score, value.info.bands),
      ...(previous
        ? { previous: { value: numberAt(previous, i), n: numberAt(previousN, i) ?? 0, change: numberAt(change, i) } }
        : {}),
      trend: trends.get(branchId) ?? [],
    };
  });
  return {
    model: {
      metric: value.info,
      branches,
      minN: stamp.minN,
      asOf: stamp.asOf,
      hasRegions: branches.some((score) => score.region !== undefined),
      hasComparison: previous !== undefined,
    },
  };
};
