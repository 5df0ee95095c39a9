import { PG_SEARCH_PATH, PG_SERVER_VERSION, PG_SERVER_VERSION_NUM } from '../pgSettings';

/**
 * What the PostgreSQL front says it is. The wire protocol's ParameterStatus
 * and the catalog's current_setting()/version() read these, so a client sees
 * one server whichever way it asks.
 */
export const pgServerIdentity = {
  serverVersion: PG_SERVER_VERSION,
  serverVersionNum: PG_SERVER_VERSION_NUM,
  searchPath: PG_SEARCH_PATH,
  /** The model's schema: DuckDB's name for it, shown as is so catalog names work in queries. */
  modelSchema: 'main',
  /** The name clients assume for the default schema; rewritten to modelSchema when it qualifies a name. */
  publicAlias: 'public',
  /** The OID psql and pgjdbc expect pg_catalog to have. */
  pgCatalogOid: 11,
  informationSchemaOid: 13000,
  ownerOid: 10,
} as const;
