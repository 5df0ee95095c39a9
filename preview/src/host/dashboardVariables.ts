import type { DataSourceApi, MetricFindValue, TimeRange, UrlQueryMap } from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';
import type { DashboardVariable } from './dashboardModel';
import { DashboardTemplateSrv, type VariableSpec } from './dashboardTemplateSrv';
import { searchValues } from './searchValues';
import { variableSelection } from './variableSelection';

export interface LoadedVariable {
  variable: DashboardVariable;
  choices: MetricFindValue[];
}

export class VariableLoadError extends Error {}

/** What a variable offers: a query variable asks its datasource, a custom one lists its values. */
const choicesOf = async (
  variable: DashboardVariable,
  datasource: DataSourceApi,
  range: TimeRange
): Promise<MetricFindValue[]> => {
  if (variable.type === 'custom' && typeof variable.query === 'string') {
    return variable.query.split(',').map((value) => ({ text: value.trim(), value: value.trim() }));
  }
  if (variable.type !== 'query' || !datasource.metricFindQuery) {
    throw new VariableLoadError(
      `variable ${variable.name}: the preview shows query variables of the Touchpoint datasource and custom variables, not ${variable.type}`
    );
  }
  try {
    return await datasource.metricFindQuery(variable.query, { range });
  } catch (error) {
    throw new VariableLoadError(
      `variable ${variable.name}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error }
    );
  }
};

/**
 * Every variable with what it offers, read once and in order as Grafana does
 * on load: a later variable's query sees the earlier ones' selection.
 */
export const loadVariables = async (
  variables: DashboardVariable[],
  datasource: DataSourceApi,
  range: TimeRange,
  search: UrlQueryMap = {}
): Promise<LoadedVariable[]> => {
  const loaded: LoadedVariable[] = [];
  for (const variable of variables) {
    setTemplateSrv(new DashboardTemplateSrv(variableSpecs(loaded, search)));
    loaded.push({ variable, choices: await choicesOf(variable, datasource, range) });
  }
  return loaded;
};

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
