import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../../db/readRows';
import { pgCatalogMacros } from './pgCatalogMacros';
import { pgCatalogViews } from './pgCatalogViews';

/**
 * Readies one DuckDB connection for PostgreSQL clients' catalog queries
 * (after rewritePgSql): temp views and macros, so they exist for this
 * connection only and work on the locked-down, read-only serving database.
 * Views come first because some macros read them.
 */
export const preparePgConnection = async (connection: DuckDBConnection): Promise<void> => {
  const settings = await readRows(connection, 'select name, value from duckdb_settings() where value is not null');
  const keywords = await readRows(
    connection,
    "select keyword_name from duckdb_keywords() where keyword_category <> 'unreserved' order by 1"
  );
  const macros = pgCatalogMacros(
    new Map(settings.map((s) => [String(s.name), String(s.value)])),
    keywords.map((k) => String(k.keyword_name))
  );
  for (const statement of [...pgCatalogViews(), ...macros]) {
    await connection.run(statement);
  }
};
