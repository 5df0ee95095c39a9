import {
  createTheme,
  dateTime,
  EventBusSrv,
  LoadingState,
  type DataFrame,
  type GrafanaTheme2,
  type PanelProps,
  type TimeRange,
} from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { ThemeContext } from '@grafana/ui';
import { render } from '@testing-library/react';
import { ScorecardPanel } from '@touchpoint/scorecard-panel/src/components/ScorecardPanel';
import { defaultOptions, type ScorecardOptions } from '@touchpoint/scorecard-panel/src/options/scorecardOptions';
import { DashboardTemplateSrv, type VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';

export const FIXTURE_RANGE: TimeRange = (() => {
  const from = dateTime(Date.UTC(2024, 3, 1));
  const to = dateTime(Date.UTC(2024, 5, 30));
  return { from, to, raw: { from, to } };
})();

export interface PanelOverrides {
  series?: DataFrame[];
  options?: Partial<ScorecardOptions>;
  width?: number;
  height?: number;
  theme?: GrafanaTheme2;
  /** The dashboard's variables; a `var-<name>` in the URL wins, as Grafana's URL sync does. */
  variables?: VariableSpec[];
  state?: LoadingState;
  id?: number;
  /** Targets of the panel's request (their datasource is where drill queries go). */
  request?: PanelProps['data']['request'];
  timeRange?: TimeRange;
}

const withUrlSelection = (specs: VariableSpec[]): VariableSpec[] => {
  const search = locationService.getSearchObject();
  return specs.map((spec) => {
    const fromUrl = search[`var-${spec.name}`];
    return fromUrl === undefined
      ? spec
      : { ...spec, selected: Array.isArray(fromUrl) ? fromUrl.map(String) : String(fromUrl) };
  });
};

/** The panel as Grafana renders it, from one place: props with defaults, overridden per test. */
export const panelProps = (overrides: PanelOverrides = {}): PanelProps<ScorecardOptions> => {
  const timeRange = overrides.timeRange ?? FIXTURE_RANGE;
  const variables = overrides.variables ?? [
    { name: 'branch', options: ['BR001', 'BR002', 'BR003'], selected: '$__all', includeAll: true },
  ];
  return {
    id: overrides.id ?? 7,
    data: {
      state: overrides.state ?? LoadingState.Done,
      series: overrides.series ?? [],
      timeRange,
      request: overrides.request,
    },
    timeRange,
    timeZone: 'utc',
    options: { ...defaultOptions, ...overrides.options },
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: overrides.width ?? 1000,
    height: overrides.height ?? 600,
    renderCounter: 0,
    title: 'Scorecard',
    eventBus: new EventBusSrv(),
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    onChangeTimeRange: () => undefined,
    // Read at call time, so a variable changed through the URL is seen on the next render.
    replaceVariables: (text, scopedVars, format) =>
      new DashboardTemplateSrv(withUrlSelection(variables)).replace(text, scopedVars, format),
  };
};

export const renderPanel = (overrides: PanelOverrides = {}) => {
  const props = panelProps(overrides);
  const view = (next: PanelProps<ScorecardOptions>) => (
    <ThemeContext.Provider value={overrides.theme ?? createTheme()}>
      <ScorecardPanel {...next} />
    </ThemeContext.Provider>
  );
  const result = render(view(props));
  return {
    ...result,
    props,
    rerenderWith: (more: PanelOverrides) => result.rerender(view(panelProps({ ...overrides, ...more }))),
  };
};

/** Every test starts on a dashboard URL with nothing drilled. */
export const resetUrl = (search = '') => locationService.replace(`/d/touchpoint/scorecard${search}`);
