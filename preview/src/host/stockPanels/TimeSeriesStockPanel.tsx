import type { PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { TooltipDisplayMode } from '@grafana/schema';
import { KeyboardPlugin, PanelContextProvider, TimeSeries, TooltipPlugin2 } from '@grafana/ui';
import { useMemo } from 'react';
// uPlot's own layout (cursor, selection, overlays): Grafana's app loads it with its styles.
import 'uplot/dist/uPlot.min.css';
import { graphableFrames } from './graphableFrames';
import type { TimeSeriesOptions } from './timeSeriesOptions';
import { TimeSeriesStockTooltip } from './TimeSeriesStockTooltip';

/** TooltipPlugin2's hover modes (a const enum in @grafana/ui's types): one series, or all at the hovered time. */
const HOVER_ONE = 0;
const HOVER_ALL = 1;

/**
 * Grafana's time series panel as its TimeSeriesPanel draws it: the
 * graphable fields of the panel's frames on @grafana/ui's TimeSeries
 * (uPlot), with the panel's legend, its tooltip mode and sort, keyboard
 * navigation, and drag-to-zoom setting the dashboard's range.
 */
export function TimeSeriesStockPanel({
  id,
  data,
  options,
  fieldConfig,
  width,
  height,
  timeRange,
  timeZone,
  eventBus,
  onChangeTimeRange,
}: PanelProps<TimeSeriesOptions>) {
  const frames = useMemo(() => graphableFrames(data.series), [data.series]);
  const context = useMemo(() => ({ eventsScope: 'global', eventBus }), [eventBus]);
  if (!frames) {
    return <PanelDataErrorView panelId={id} fieldConfig={fieldConfig} data={data} needsTimeField needsNumberField />;
  }
  return (
    <PanelContextProvider value={context}>
      <TimeSeries
        frames={frames}
        structureRev={data.structureRev}
        timeRange={timeRange}
        timeZone={timeZone}
        width={width}
        height={height}
        legend={options.legend}
        options={options}
      >
        {(config, alignedFrame) => (
          <>
            <KeyboardPlugin config={config} />
            {options.tooltip.mode !== TooltipDisplayMode.None && (
              <TooltipPlugin2
                config={config}
                hoverMode={options.tooltip.mode === TooltipDisplayMode.Single ? HOVER_ONE : HOVER_ALL}
                queryZoom={({ from, to }) => onChangeTimeRange({ from, to })}
                clientZoom={true}
                render={(_u, dataIdxs, seriesIdx, isPinned) => (
                  <TimeSeriesStockTooltip
                    frame={alignedFrame}
                    dataIdxs={dataIdxs}
                    seriesIdx={seriesIdx}
                    mode={options.tooltip.mode}
                    sortOrder={options.tooltip.sort}
                    isPinned={isPinned}
                  />
                )}
              />
            )}
          </>
        )}
      </TimeSeries>
    </PanelContextProvider>
  );
}
