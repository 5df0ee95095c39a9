import { QUERY_VERSION, newQuery, savedQuerySchema, type SavedQuery, type TouchpointQuery } from './savedQuery';

/** Grafana's other SQL datasources save `rawSql` and `format: 'time_series'`; ours did not exist before v1. */
type UnversionedQuery = Record<string, unknown> & { refId: string };

const formatOf = (value: unknown): 'table' | 'time_series' =>
  value === 'time_series' || value === 'timeseries' || value === 'time series' || value === 1 ? 'time_series' : 'table';

/**
 * Unversioned queries (a new panel's `{ refId }`, a hand-written provisioned
 * dashboard, or a panel moved over from another SQL datasource) become v1.
 */
const fromUnversioned = (query: UnversionedQuery): Record<string, unknown> => {
  const sql = query.sql ?? query.rawSql ?? query.queryText;
  if (typeof sql === 'string' && query.kind !== 'metric' && query.kind !== 'drill' && query.kind !== 'journey') {
    return { ...newQuery('sql', query.refId), sql, format: formatOf(query.format) };
  }
  const kind = query.kind === 'sql' || query.kind === 'drill' || query.kind === 'journey' ? query.kind : 'metric';
  return { ...newQuery(kind, query.refId), ...query, kind };
};

export class QueryMigrationError extends Error {}

/**
 * Brings a saved query to the current version. Throws a `QueryMigrationError`
 * naming the field when the query cannot be read, so the panel shows why.
 */
export const migrateQuery = (query: TouchpointQuery): SavedQuery => {
  const { datasource: _datasource, queryType: _queryType, key: _key, ...rest } = query;
  if (typeof rest.version === 'number' && rest.version > QUERY_VERSION) {
    throw new QueryMigrationError(
      `query ${query.refId} was saved by a newer Touchpoint plugin (query version ${rest.version}, this plugin reads up to ${QUERY_VERSION}): upgrade the plugin`
    );
  }
  const current = rest.version === QUERY_VERSION ? rest : fromUnversioned(rest);
  const parsed = savedQuerySchema.safeParse({ ...current, version: QUERY_VERSION });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QueryMigrationError(
      `query ${query.refId} is invalid at ${issue.path.join('.') || 'the top'}: ${issue.message}`,
      {
        cause: parsed.error,
      }
    );
  }
  return parsed.data;
};
