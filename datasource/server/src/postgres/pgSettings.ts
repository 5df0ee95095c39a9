/**
 * The PostgreSQL a client sees. Version 15: what Debian's psql is, so psql
 * shows no version warning, and new enough that Grafana's editor and pgjdbc
 * take their modern paths. One definition, read by the startup parameters,
 * SHOW, and current_setting() in the compatible catalog.
 */
export const PG_SERVER_VERSION = '15.0';
export const PG_SERVER_VERSION_NUM = '150000';
/** PostgreSQL's own default form; "$user" names no schema here, so the model's schema, main, is first in effect. */
export const PG_SEARCH_PATH = '"$user", main';

/** Parameters reported at startup (ParameterStatus), as PostgreSQL reports them. */
export const reportedParameters = (user: string, applicationName: string): Record<string, string> => ({
  server_version: PG_SERVER_VERSION,
  server_encoding: 'UTF8',
  client_encoding: 'UTF8',
  DateStyle: 'ISO, MDY',
  IntervalStyle: 'postgres',
  TimeZone: 'UTC',
  integer_datetimes: 'on',
  standard_conforming_strings: 'on',
  is_superuser: 'off',
  session_authorization: user,
  application_name: applicationName,
  default_transaction_read_only: 'on',
  in_hot_standby: 'off',
});

/** What SHOW answers for settings a session has not set. */
export const defaultSettings: Record<string, string> = {
  server_version: PG_SERVER_VERSION,
  server_version_num: PG_SERVER_VERSION_NUM,
  server_encoding: 'UTF8',
  client_encoding: 'UTF8',
  datestyle: 'ISO, MDY',
  intervalstyle: 'postgres',
  timezone: 'UTC',
  integer_datetimes: 'on',
  standard_conforming_strings: 'on',
  transaction_isolation: 'read committed',
  transaction_read_only: 'on',
  default_transaction_read_only: 'on',
  default_transaction_isolation: 'read committed',
  search_path: PG_SEARCH_PATH,
  max_identifier_length: '63',
  extra_float_digits: '1',
  lc_collate: 'C',
  lc_ctype: 'C',
  lc_messages: 'C',
  lc_monetary: 'C',
  lc_numeric: 'C',
  lc_time: 'C',
  statement_timeout: '0',
  idle_in_transaction_session_timeout: '0',
  bytea_output: 'hex',
  application_name: '',
  is_superuser: 'off',
  jit: 'off',
  max_connections: '100',
  block_size: '8192',
};

/**
 * Settings a session may SET: what drivers and tools send when they
 * connect, and what SHOW reports. They shape the conversation, never DuckDB
 * (its configuration is locked); any other name is refused as PostgreSQL
 * refuses a name it does not know.
 */
export const settableSettings = new Set([
  ...Object.keys(defaultSettings),
  'client_min_messages',
  'lock_timeout',
  'geqo',
  'work_mem',
  'plan_cache_mode',
  'row_security',
  'synchronous_commit',
]);
