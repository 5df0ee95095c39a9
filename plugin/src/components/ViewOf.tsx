import type { DataFrame, PanelData } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import type { ComponentType } from 'react';
import { readBranchBoard } from '../model/branchBoard';
import { readCohortMatrix } from '../model/cohortMatrix';
import { readTrendCharts } from '../model/trendCharts';
import type { View } from '../options/scorecardOptions';
import { CohortView } from './CohortView';
import { SliBoardView } from './SliBoardView';
import { TrendView } from './TrendView';
import type { ViewProps } from './viewProps';

type Reader<Model> = (frames: DataFrame[]) => { model: Model } | { problem: string };

interface ViewEntry<Model> {
  read: Reader<Model>;
  Component: ComponentType<ViewProps<Model>>;
}

// Each entry pairs a model with its view, so the pair type-checks together.
const entry = <Model,>(read: Reader<Model>, Component: ComponentType<ViewProps<Model>>): ViewEntry<unknown> =>
  ({ read, Component }) as ViewEntry<unknown>;

const views: Record<View, ViewEntry<unknown>> = {
  sli: entry(readBranchBoard, SliBoardView),
  trend: entry(readTrendCharts, TrendView),
  cohorts: entry(readCohortMatrix, CohortView),
};

type Props = Omit<ViewProps<unknown>, 'model'> & { frames: DataFrame[]; data: PanelData; panelId: number };

/** The chosen view of the frames, or Grafana's own view of data it cannot show, saying which query it needs. */
export function ViewOf({ frames, data, panelId, ...props }: Props) {
  const { read, Component } = views[props.options.view];
  const result = read(frames);
  if ('problem' in result) return <PanelDataErrorView panelId={panelId} data={data} message={result.problem} />;
  return <Component model={result.model} {...props} />;
}
