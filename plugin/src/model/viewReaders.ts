import type { View } from '../options/scorecardOptions';
import { readBranchBoard } from './branchBoard';
import { readClosedLoopBoard } from './closedLoopBoard';
import { readCohortMatrix } from './cohortMatrix';
import { readJourneyBoard } from './journeyBoard';
import { readTrendCharts } from './trendCharts';

/** Each view's reader of the panel's frames: a model to draw, or the problem to show instead. */
export const viewReaders = {
  sli: readBranchBoard,
  trend: readTrendCharts,
  cohorts: readCohortMatrix,
  closedLoop: readClosedLoopBoard,
  journey: readJourneyBoard,
} as const satisfies Record<View, unknown>;
