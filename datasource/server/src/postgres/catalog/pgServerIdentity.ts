/**
 * What the PostgreSQL front says it is. The wire protocol's ParameterStatus
 * and the catalog's current_setting()/version() read these, so a client sees
 * one server whichever way it asks.
 */
export const pgServerIdentity = {
  serverVersion: '15.0',
  serverVersionNum: '150000',
  /** PostgreSQL's own default form; "$user" names no schema here, so main is first in effect. */
  searchPath: '"$user", main',
  /** The model's schema: DuckDB's name for it, shown as is so catalog names work in queries. */
  modelSchema: 'main',
  /** The name clients assume for the default schema; rewritten to modelSchema when it qualifies a name. */
  publicAlias: 'public',
  /** The OID psql and pgjdbc expect pg_catalog to have. */
  pgCatalogOid: 11,
  informationSchemaOid: 13000,
  ownerOid: 10,
} as const;
