import { FieldType, type DataFrame } from '@grafana/data';
import type { MetricBand } from '@touchpoint/contract/src/metricDefinition';
import { messages } from '../messages';
import { formatDuration } from './formatDuration';
import { formatMetric } from './formatMetric';
import { bandFor } from './bands';
import { branchNamesOf, branchWithId } from './branchNames';
import { fieldNamed, frameStamp, metricFieldOf, numberAt, stringAt, type MetricInfo } from './metricField';

/** The closed loop's columns and the catalog metric behind each. */
export const closedLoopMetrics = {
  overdue: 'followups_overdue',
  inSla: 'loop_closed_in_sla',
  contact: 'followup_contact_median',
  recovery: 'recovery_rate',
} as const;
export type ClosedLoopColumn = keyof typeof closedLoopMetrics;
type RatioColumn = Exclude<ClosedLoopColumn, 'overdue'>;

/** One metric of one branch, with what it rests on. */
export interface ClosedLoopCell {
  value: number | null;
  n: number;
  lowConfidence: boolean;
  band?: MetricBand;
}

export interface ClosedLoopBranch {
  branchId: string;
  /** The branch's name where the frames carry it, else its id. */
  name: string;
  region?: string;
  /** Eligible ratings whose SLA ended with no closed case. */
  overdue: number;
  /** Seconds from the oldest rating still awaiting follow-up to the data's as-of; null when none awaits. */
  oldestAwaitingSeconds?: number | null;
  awaiting?: number;
  inSla?: ClosedLoopCell;
  contact?: ClosedLoopCell;
  recovery?: ClosedLoopCell;
}

export interface ClosedLoopBoard {
  branches: ClosedLoopBranch[];
  /** The metrics the panel's queries returned: a column each. */
  metrics: { overdue: MetricInfo } & Partial<Record<RatioColumn, MetricInfo>>;
  hasOldest: boolean;
  minN?: number;
  asOf?: number;
}

export type ClosedLoopResult = { model: ClosedLoopBoard } | { problem: string };

const BRANCH = 'branch_id';
const OLDEST = 'oldest_awaiting_seconds';
const AWAITING = 'awaiting';

const isBranchTable = (frame: DataFrame) =>
  fieldNamed(frame, BRANCH)?.type === FieldType.string &&
  !frame.fields.some((field) => field.type === FieldType.time) &&
  metricFieldOf(frame) !== undefined;

/** One whole-range metric table grouped by branch: each branch's cell. */
const cellsOf = (
  frame: DataFrame,
  minN: number | undefined
): { info: MetricInfo; cells: Map<string, ClosedLoopCell> } => {
  const { field, info } = metricFieldOf(frame)!;
  const branch = fieldNamed(frame, BRANCH)!;
  const n = fieldNamed(frame, 'n');
  const low = fieldNamed(frame, 'low_confidence');
  const cells = new Map<string, ClosedLoopCell>();
  branch.values.forEach((id, i) => {
    const value = numberAt(field, i);
    const count = numberAt(n, i) ?? 0;
    cells.set(String(id), {
      value,
      n: count,
      lowConfidence: low ? low.values[i] === true : minN !== undefined && count < minN,
      band: bandFor(value, info.bands),
    });
  });
  return { info, cells };
};

/** The SQL frame of branch_id with oldest_awaiting_seconds (and awaiting): the backlog's age. */
const oldestOf = (frames: DataFrame[]) => {
  const frame = frames.find(
    (candidate) => fieldNamed(candidate, BRANCH) !== undefined && fieldNamed(candidate, OLDEST) !== undefined
  );
  if (!frame) {
    return undefined;
  }
  const branch = fieldNamed(frame, BRANCH)!;
  const oldest = fieldNamed(frame, OLDEST);
  const awaiting = fieldNamed(frame, AWAITING);
  return new Map(
    branch.values.map((id, i) => [
      String(id),
      { oldest: numberAt(oldest, i), awaiting: awaiting ? (numberAt(awaiting, i) ?? 0) : undefined },
    ])
  );
};

const regionsOf = (tables: DataFrame[]): Map<string, string> => {
  const regions = new Map<string, string>();
  for (const frame of tables) {
    const branch = fieldNamed(frame, BRANCH)!;
    const region = fieldNamed(frame, 'region');
    branch.values.forEach((id, i) => {
      const value = stringAt(region, i);
      if (value !== undefined) {
        regions.set(String(id), value);
      }
    });
  }
  return regions;
};

/**
 * Frames to the closed-loop board: whole-range metric tables grouped by
 * branch_id (followups_overdue required; loop_closed_in_sla,
 * followup_contact_median and recovery_rate each a column when present;
 * their branch_name fields name the branches), and optionally a SQL table
 * of branch_id with oldest_awaiting_seconds and awaiting. The branches are those of the
 * overdue table, in its order: sorting is the view's.
 */
export const readClosedLoopBoard = (frames: DataFrame[]): ClosedLoopResult => {
  const { minN, asOf } = frameStamp(frames);
  const tables = new Map<string, ReturnType<typeof cellsOf>>();
  for (const frame of frames.filter(isBranchTable)) {
    const read = cellsOf(frame, minN);
    if (!tables.has(read.info.metric)) {
      tables.set(read.info.metric, read);
    }
  }
  const overdue = tables.get(closedLoopMetrics.overdue);
  if (!overdue) {
    return { problem: messages.closedLoop.needsQuery };
  }
  const ratio = (column: RatioColumn) => tables.get(closedLoopMetrics[column]);
  const names = branchNamesOf(frames);
  const oldest = oldestOf(frames);
  const regions = regionsOf(frames.filter(isBranchTable));

  const branches = [...overdue.cells.entries()].map(([branchId, cell]): ClosedLoopBranch => {
    const age = oldest?.get(branchId);
    const ratios: Partial<Record<RatioColumn, ClosedLoopCell>> = {};
    for (const column of ['inSla', 'contact', 'recovery'] as const) {
      const table = ratio(column);
      if (table) {
        ratios[column] = table.cells.get(branchId) ?? { value: null, n: 0, lowConfidence: true };
      }
    }
    return {
      branchId,
      name: names.get(branchId) ?? branchId,
      region: regions.get(branchId),
      overdue: cell.value ?? 0,
      ...(oldest ? { oldestAwaitingSeconds: age?.oldest ?? null } : {}),
      ...(age?.awaiting !== undefined ? { awaiting: age.awaiting } : {}),
      ...ratios,
    };
  });

  const metrics: ClosedLoopBoard['metrics'] = { overdue: overdue.info };
  for (const column of ['inSla', 'contact', 'recovery'] as const) {
    const table = ratio(column);
    if (table) {
      metrics[column] = table.info;
    }
  }
  return { model: { branches, metrics, hasOldest: oldest !== undefined, minN, asOf } };
};

const byName = (a: ClosedLoopBranch, b: ClosedLoopBranch) =>
  a.name.localeCompare(b.name, undefined, { numeric: true }) || a.branchId.localeCompare(b.branchId);

/**
 * Worst first: the largest overdue backlog, then the lowest share closed
 * within the SLA (a branch with no eligible rating after every one that
 * has), then the oldest rating still waiting, then by name.
 */
export const sortClosedLoop = (branches: readonly ClosedLoopBranch[]): ClosedLoopBranch[] =>
  [...branches].sort((a, b) => {
    if (a.overdue !== b.overdue) {
      return b.overdue - a.overdue;
    }
    const slaA = a.inSla?.value ?? null;
    const slaB = b.inSla?.value ?? null;
    if (slaA !== slaB) {
      if (slaA === null || slaB === null) {
        return slaA === null ? 1 : -1;
      }
      return slaA - slaB;
    }
    const ageA = a.oldestAwaitingSeconds ?? -1;
    const ageB = b.oldestAwaitingSeconds ?? -1;
    return ageB - ageA || byName(a, b);
  });

/** A cell's value as the board writes it: shares in the catalog's unit and decimals, times as durations. */
export const formatClosedLoopValue = (
  column: RatioColumn,
  cell: ClosedLoopCell | undefined,
  info: MetricInfo
): string => {
  if (!cell || cell.value === null) {
    return '–';
  }
  return column === 'contact' ? formatDuration(cell.value) : formatMetric(cell.value, info);
};

/** What a ratio cell rests on, in words: its band, its n and the low-n mark. */
export const cellNotes = (cell: ClosedLoopCell | undefined, minN: number | undefined): string[] =>
  cell
    ? [cell.band?.label, messages.n(cell.n), cell.lowConfidence ? messages.lowN(minN) : undefined].filter(
        (note): note is string => note !== undefined
      )
    : [];

/** One branch in words, every number written out: the row's accessible name and the drill step's summary. */
export const describeBranch = (branch: ClosedLoopBranch, board: ClosedLoopBoard): string[] => {
  const { metrics, minN } = board;
  const parts = [branchWithId(branch.name, branch.branchId)];
  parts.push(messages.closedLoop.overdueCount(branch.overdue));
  if (board.hasOldest) {
    parts.push(
      branch.oldestAwaitingSeconds === null || branch.oldestAwaitingSeconds === undefined
        ? messages.closedLoop.nothingAwaiting
        : `${messages.closedLoop.oldest.toLowerCase()} ${formatDuration(branch.oldestAwaitingSeconds)}`
    );
  }
  for (const column of ['inSla', 'contact', 'recovery'] as const) {
    const info = metrics[column];
    if (info) {
      const cell = branch[column];
      const notes = cellNotes(cell, minN);
      parts.push(
        `${messages.closedLoop[column]} ${formatClosedLoopValue(column, cell, info)}${notes.length ? ` (${notes.join(', ')})` : ''}`
      );
    }
  }
  return parts;
};
