import { EventBusSrv, type DataSourceApi, type PanelProps, type TimeRange } from '@grafana/data';
import { getTemplateSrv, locationService } from '@grafana/runtime';
import { PanelChrome } from '@grafana/ui';
import { useMemo, type ComponentType } from 'react';
import type { DashboardPanel } from './dashboardModel';
import { panelTimeRange } from './timeRangeOf';
import { panelRequest, usePanelData } from './usePanelData';

interface Props {
  panel: DashboardPanel;
  Component: ComponentType<PanelProps>;
  datasource: DataSourceApi;
  range: TimeRange;
  width: number;
  height: number;
  dashboardUid: string;
  timeZone: string;
  /** Changes whenever the variables' selection does, so the panel queries again, as in Grafana. */
  variablesKey: string;
}

/** One panel as a dashboard shows it: Grafana's panel chrome, its queries run, its component given PanelProps. */
export function PreviewPanel({
  panel,
  Component,
  datasource,
  range,
  width,
  height,
  dashboardUid,
  timeZone,
  variablesKey,
}: Props) {
  // Resolved once per range, not per render: `now` moves, and a new range is a new query.
  const panelRange = useMemo(() => panelTimeRange(range, panel.timeFrom, timeZone), [range, panel.timeFrom, timeZone]);
  const request = panelRequest(panel, datasource, panelRange, width, dashboardUid);
  const runKey = `${panelRange.from.valueOf()}|${panelRange.to.valueOf()}|${variablesKey}|${request.maxDataPoints}`;
  const data = usePanelData(request, panel.transformations, datasource, runKey);
  const eventBus = useMemo(() => new EventBusSrv(), []);
  // A title may name a variable (`Contacts on $day`): Grafana shows it with the variable's value.
  const title = getTemplateSrv().replace(panel.title);
  return (
    <PanelChrome
      width={width}
      height={height}
      title={title}
      description={panel.description}
      loadingState={data.state}
      statusMessage={data.error?.message}
    >
      {(innerWidth, innerHeight) => (
        <Component
          id={panel.id}
          data={data}
          timeRange={panelRange}
          timeZone={timeZone}
          options={panel.options}
          fieldConfig={panel.fieldConfig}
          transparent={false}
          width={innerWidth}
          height={innerHeight}
          renderCounter={0}
          title={title}
          eventBus={eventBus}
          onOptionsChange={() => undefined}
          onFieldConfigChange={() => undefined}
          onChangeTimeRange={(next) => locationService.partial({ from: next.from, to: next.to })}
          replaceVariables={(text, scopedVars, format) => getTemplateSrv().replace(text, scopedVars, format)}
        />
      )}
    </PanelChrome>
  );
}
