import type { TimeRange } from '@grafana/data';
import type { TouchpointDataSource } from '@touchpoint/duckdb-datasource/src/datasource';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { loadVariables, variableSpecs } from '@touchpoint/preview/src/host/dashboardVariables';
import type { DashboardVariable } from './dashboardFiles';

/**
 * A dashboard's variables as Grafana (and the preview) settle them on load,
 * in order, each query through the datasource; a variable that offers
 * nothing fails here, since its panels would query nothing.
 */
export const dashboardVariableSpecs = async (
  datasource: TouchpointDataSource,
  variables: DashboardVariable[],
  range: TimeRange
): Promise<VariableSpec[]> => {
  const loaded = await loadVariables(variables, datasource, range);
  const empty = loaded.find(({ choices }) => choices.length === 0);
  if (empty) {
    throw new Error(`variable ${empty.variable.name} has no options`);
  }
  return variableSpecs(loaded, {});
};
