import type { TimeZone } from '@grafana/data';
import type { DrillStep } from '../drill/drillPath';
import type { ScorecardOptions } from '../options/scorecardOptions';

/** What every view of the panel gets besides its own model. */
export interface ViewProps<Model> {
  model: Model;
  options: ScorecardOptions;
  width: number;
  height: number;
  /** Wall layout: large type, high contrast, nothing that only shows on hover. */
  wall: boolean;
  timeZone: TimeZone;
  /** Goes one step down: a branch, a cohort cell, a trend point, a branch's follow-ups. */
  onDrill: (step: DrillStep) => void;
}
