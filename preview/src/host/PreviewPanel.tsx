import { EventBusSrv, type DataSourceApi, type PanelProps, type TimeRange } from '@grafana/data';
import { getTemplateSrv, locationService } from '@grafana/runtime';
import { PanelChrome } from '@grafana/ui';
import { useMemo, type ComponentType } from 'react';
import type { DashboardPanel } from './dashboardModel';
import { panelRequest, usePanelData } from './usePanelData';

interface Props {
  panel: DashboardPanel;
  Component: ComponentType<PanelProps>;
  datasource: DataSourceApi;
  range: TimeRange;
  width: number;
  height: number;
  dashboardUid: string;
  /** Changes whenever the variables' selection does, so the panel queries again, as in Grafana. */
  variablesKey: string;
}

/** One panel as a dashboard shows it: Grafana's panel chrome, its queries run, its component given PanelProps. */
export function PreviewPanel({ panel, Component, datasource, range, width, height, dashboardUid, variablesKey }: Props) {
  const request = panelRequest(panel, datasource, range, width, dashboardUid);
  const data = usePanelData(request, datasource, `${range.from.valueOf()}|${range.to.valueOf()}|${variablesKey}|${request.maxDataPoints}`);
  const eventBus = useMemo(() => new EventBusSrv(), []);
  return (
    <PanelChrome width={width} height={height} title={panel.title} description={panel.description} loadingState={data.state} statusMessage={data.error?.message}>
      {(innerWidth, innerHeight) => (
        <Component
          id={panel.id}
          data={data}
          timeRange={range}
          timeZone="browser"
          options={panel.options}
          fieldConfig={panel.fieldConfig}
          transparent={false}
          width={innerWidth}
          height={innerHeight}
          renderCounter={0}
          title={panel.title}
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
