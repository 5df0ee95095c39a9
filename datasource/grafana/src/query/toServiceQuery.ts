import type { z } from 'zod';
import { drillParameterNames, type DrillParameter, type querySchema } from '@touchpoint/contract/src/queryRequest';
import type { Variables } from '@touchpoint/contract/src/variables';
import type {
  SavedDrillQuery,
  SavedJourneyQuery,
  SavedMetricQuery,
  SavedQuery,
  SavedSqlQuery,
} from '@touchpoint/contract/src/savedQuery';
import { referencedVariables, wholeReference, type VariableResolver } from './variableResolver';

/** A query in the service's contract (`POST /api/query`), before the service applies its defaults. */
export type ServiceQuery = z.input<typeof querySchema>;

export class QueryVariableError extends Error {}

/** What a query is resolved against: the dashboard's variables. */
export interface QueryContext {
  resolve: VariableResolver;
}

/** A filter value list: literals stay, `$var` becomes the variable's selected values. */
const expandValues = (values: string[], resolve: VariableResolver): string[] =>
  values.flatMap((value) => {
    const name = wholeReference(value);
    if (name === undefined) {
      return [value];
    }
    const resolved = resolve(name);
    if (resolved === undefined) {
      throw new QueryVariableError(`filter value ${value} refers to a variable this dashboard does not have`);
    }
    return resolved;
  });

/** A drill parameter is one value: a variable must have exactly one selected. */
const singleValue = (field: string, value: string | undefined, resolve: VariableResolver): string | undefined => {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const name = wholeReference(value);
  if (name === undefined) {
    return value.trim();
  }
  const resolved = resolve(name);
  if (resolved === undefined) {
    throw new QueryVariableError(`${field} refers to $${name}, which this dashboard does not have`);
  }
  const list = Array.isArray(resolved) ? resolved : [resolved];
  if (list.length !== 1 || list[0] === '') {
    throw new QueryVariableError(
      `${field} needs one value, but $${name} has ${list.length === 0 || list[0] === '' ? 'none' : list.length} selected`
    );
  }
  return list[0];
};

/** Filters as sent: each variable expanded, empty lists (no filter yet) left out. */
const sentFilters = (filters: Record<string, string[] | undefined>, resolve: VariableResolver) =>
  Object.fromEntries(
    Object.entries(filters)
      .filter((entry): entry is [string, string[]] => entry[1] !== undefined && entry[1].length > 0)
      .map(([dimension, values]) => [dimension, expandValues(values, resolve)])
  );

/** Every filter's variables settled to values, for a query leaving its dashboard. */
const settledFilters = <F extends Record<string, string[] | undefined>>(filters: F, resolve: VariableResolver): F =>
  Object.fromEntries(
    Object.entries(filters).map(([dimension, values]) => [dimension, expandValues(values ?? [], resolve)])
  ) as F;

const fromMetric = (query: SavedMetricQuery, { resolve }: QueryContext): ServiceQuery => ({
  refId: query.refId,
  kind: 'metric',
  metric: query.metric,
  groupBy: query.groupBy,
  // `auto` is the service's to settle: it knows the panel's interval and maxDataPoints.
  ...(query.interval === 'none' ? {} : { interval: query.interval }),
  ...(query.interval === 'none' && query.compare ? { compare: query.compare } : {}),
  filters: sentFilters(query.filters, resolve),
});

const fromJourney = (query: SavedJourneyQuery, { resolve }: QueryContext): ServiceQuery => ({
  refId: query.refId,
  kind: 'journey',
  groupBy: query.groupBy,
  filters: sentFilters(query.filters, resolve),
});

/** Values of the variables the SQL names: the dashboard's, else those captured with the query. */
const sqlVariables = (query: SavedSqlQuery, resolve: VariableResolver): Variables => {
  const variables: Variables = {};
  for (const name of referencedVariables(query.sql)) {
    const value = resolve(name) ?? query.variables?.[name];
    if (value !== undefined) {
      variables[name] = value;
    }
  }
  return variables;
};

/** Only the variables the SQL names are sent; the service binds them as typed parameters. */
const fromSql = (query: SavedSqlQuery, { resolve }: QueryContext): ServiceQuery => ({
  refId: query.refId,
  kind: 'sql',
  sql: query.sql,
  format: query.format,
  variables: sqlVariables(query, resolve),
});

const fromDrill = (query: SavedDrillQuery, { resolve }: QueryContext): ServiceQuery => {
  const parameters: Partial<Record<DrillParameter, string>> = {};
  for (const field of drillParameterNames) {
    const value = singleValue(field, query[field], resolve);
    if (value !== undefined) {
      parameters[field] = value;
    }
  }
  return {
    refId: query.refId,
    kind: 'drill',
    drill: query.drill,
    ...parameters,
    ...(query.limit ? { limit: query.limit } : {}),
  };
};

/** A saved query as the service reads it, dashboard variables resolved to values. */
export const toServiceQuery = (query: SavedQuery, context: QueryContext): ServiceQuery => {
  switch (query.kind) {
    case 'metric':
      return fromMetric(query, context);
    case 'sql':
      return fromSql(query, context);
    case 'drill':
      return fromDrill(query, context);
    case 'journey':
      return fromJourney(query, context);
  }
};

/**
 * A query with the dashboard's variables settled, for when it leaves the
 * dashboard (Explore, mixed datasources): metric and journey filters and drill fields get
 * the values, SQL keeps its text and carries the values beside it.
 */
export const withVariablesResolved = (query: SavedQuery, resolve: VariableResolver): SavedQuery => {
  switch (query.kind) {
    case 'metric':
    case 'journey':
      return { ...query, filters: settledFilters(query.filters, resolve) };
    case 'sql': {
      const variables = sqlVariables(query, resolve);
      return Object.keys(variables).length > 0 ? { ...query, variables } : query;
    }
    case 'drill': {
      const resolved = { ...query };
      for (const field of drillParameterNames) {
        resolved[field] = singleValue(field, query[field], resolve);
      }
      return resolved;
    }
  }
};
