import type { DataFrame, PanelData } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import type { ComponentType } from 'react';
import { viewReaders } from '../model/viewReaders';
import type { View } from '../options/scorecardOptions';
import { ClosedLoopView } from './ClosedLoopView';
import { CohortView } from './CohortView';
import { JourneyView } from './JourneyView';
import { isAwaitingData, PanelLoading } from './PanelLoading';
import { SliBoardView } from './SliBoardView';
import { TrendView } from './TrendView';
import type { ViewProps } from './viewProps';

type Props = Omit<ViewProps<unknown>, 'model'> & { frames: DataFrame[]; data: PanelData; panelId: number };

/**
 * A view as its reader and its component, typed together: data the reader
 * cannot use gets Grafana's own view, with the reader's words on the query
 * it needs.
 */
const viewOf = <Model,>(
  read: (frames: DataFrame[]) => { model: Model } | { problem: string },
  Component: ComponentType<ViewProps<Model>>
): ComponentType<Props> => {
  function View({ frames, data, panelId, ...props }: Props) {
    const result = read(frames);
    if ('problem' in result) {
      // Frames still arriving may not be the whole answer yet: wait for it before naming a problem.
      return isAwaitingData(data) ? (
        <PanelLoading width={props.width} height={props.height} />
      ) : (
        <PanelDataErrorView panelId={panelId} data={data} message={result.problem} />
      );
    }
    return <Component model={result.model} {...props} />;
  }
  View.displayName = `ViewOf(${Component.displayName ?? Component.name})`;
  return View;
};

const views: Record<View, ComponentType<Props>> = {
  sli: viewOf(viewReaders.sli, SliBoardView),
  trend: viewOf(viewReaders.trend, TrendView),
  cohorts: viewOf(viewReaders.cohorts, CohortView),
  closedLoop: viewOf(viewReaders.closedLoop, ClosedLoopView),
  journey: viewOf(viewReaders.journey, JourneyView),
};

/** The view the options choose, over the panel's frames. */
export function ViewOf(props: Props) {
  const Chosen = views[props.options.view];
  return <Chosen {...props} />;
}
