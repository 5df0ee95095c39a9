import type { DuckDBConnection } from '@duckdb/node-api';
import { readScalar } from './readRows';

export type RelationKind = 'table' | 'view';

/**
 * Whether the main schema of the open database holds `name`, and as what.
 * Temporary tables live in another catalog, so a staged copy never answers for the model's own.
 */
export const relationKind = async (connection: DuckDBConnection, name: string): Promise<RelationKind | undefined> => {
  const kind = await readScalar(
    connection,
    `select kind from (
       select 'table' as kind, table_name as name from duckdb_tables() where database_name = current_database() and schema_name = 'main'
       union all
       select 'view', view_name from duckdb_views() where database_name = current_database() and schema_name = 'main'
     ) where name = $1`,
    [name]
  );
  return kind === 'table' || kind === 'view' ? kind : undefined;
};
