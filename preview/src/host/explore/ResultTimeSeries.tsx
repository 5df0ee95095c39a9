import type { DataFrame, TimeRange } from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { TimeSeries } from '@grafana/ui';
import { exploreTestIds } from './exploreText';

interface Props {
  frames: DataFrame[];
  range: TimeRange;
  width: number;
  height: number;
}

const legend = { displayMode: LegendDisplayMode.List, placement: 'bottom' as const, showLegend: true, calcs: [] };

/** The result as Grafana's time series graph, every frame on one time axis with a legend. */
export function ResultTimeSeries({ frames, range, width, height }: Props) {
  return (
    <div data-testid={exploreTestIds.timeSeries}>
      <TimeSeries frames={frames} timeRange={range} timeZone="browser" width={width} height={height} legend={legend} />
    </div>
  );
}
