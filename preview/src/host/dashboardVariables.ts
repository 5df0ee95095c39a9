import type { DataSourceApi, MetricFindValue, TimeRange, UrlQueryMap } from '@grafana/data';
import type { Dashboard, DashboardVariable } from './dashboardModel';
import type { VariableSpec } from './dashboardTemplateSrv';
import { searchValues } from './useLocationSearch';
import { variableSelection } from './variableSelection';

export interface LoadedVariable {
  variable: DashboardVariable;
  choices: MetricFindValue[];
}

export class VariableLoadError extends Error {}

/** What a variable offers: a query variable asks its datasource, a custom one lists its values. */
const choicesOf = async (variable: DashboardVariable, datasource: DataSourceApi, range: TimeRange): Promise<MetricFindValue[]> => {
  if (variable.type === 'custom' && typeof variable.query === 'string') {
    return variable.query.split(',').map((value) => ({ text: value.trim(), value: value.trim() }));
  }
  if (variable.type !== 'query' || !datasource.metricFindQuery) {
    throw new VariableLoadError(`variable ${variable.name}: the preview shows query variables of the Touchpoint datasource and custom variables, not ${variable.type}`);
  }
  try {
    return await datasource.metricFindQuery(variable.query, { range });
  } catch (error) {
    throw new VariableLoadError(`variable ${variable.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** Every variable of the dashboard with what it offers, read once as Grafana does on load. */
export const loadVariables = (dashboard: Dashboard, datasource: DataSourceApi, range: TimeRange): Promise<LoadedVariable[]> =>
  Promise.all(dashboard.templating.list.map(async (variable) => ({ variable, choices: await choicesOf(variable, datasource, range) })));

/** The variables as the template service holds them, selected from the URL. */
export const variableSpecs = (loaded: LoadedVariable[], search: UrlQueryMap): VariableSpec[] =>
  loaded.map(({ variable, choices }) => {
    const options = choices.map((choice) => String(choice.value ?? choice.text));
    return {
      name: variable.name,
      options,
      selected: variableSelection(variable, searchValues(search, `var-${variable.name}`), options),
      multi: variable.multi,
      includeAll: variable.includeAll,
      allValue: variable.allValue ?? undefined,
    };
  });
