import { join } from 'node:path';

export interface HostileProbe {
  what: string;
  sql: string;
  /** What the refusal says over HTTP. */
  message: RegExp;
}

/**
 * Statements that would read or write outside the warehouse, change the
 * service, or build SQL at run time: every front (HTTP, PostgreSQL) must
 * refuse each one. `dir` is the test's own folder, `secret` a file in it.
 */
export const hostileProbes = (dir: string, secret: string): HostileProbe[] => [
  {
    what: 'reading a local file',
    sql: `select * from read_csv('${secret}')`,
    message: /file system operations are disabled|not allowed/i,
  },
  { what: 'reading a local file as text', sql: `select * from read_text('${secret}')`, message: /disabled/i },
  { what: 'COPY to a file', sql: `copy fct_interactions to '${join(dir, 'out.csv')}'`, message: /only SELECT/ },
  { what: 'ATTACH another database', sql: `attach '${join(dir, 'other.duckdb')}' as other`, message: /only SELECT/ },
  { what: 'INSTALL an extension', sql: 'install httpfs', message: /only SELECT/ },
  { what: 'LOAD an extension', sql: 'load httpfs', message: /only SELECT/ },
  { what: 'SET a setting', sql: 'set threads = 1', message: /only SELECT/ },
  { what: 'DDL', sql: 'create table evil (x int)', message: /only SELECT/ },
  { what: 'DML', sql: "delete from raw.branches where branch_id = 'B1'", message: /only SELECT/ },
  { what: 'a temp table', sql: 'create temp table scratch as select 1', message: /only SELECT/ },
  {
    what: 'several statements in one',
    sql: 'select 1; drop table fct_interactions',
    message: /one statement per query/,
  },
  {
    what: 'a table name built at run time',
    sql: "select * from query_table('fct_' || 'interactions')",
    message: /run time/,
  },
  { what: 'SQL built at run time', sql: "select * from query('select 42')", message: /run time/ },
  { what: 'exporting the database', sql: `export database '${join(dir, 'dump')}'`, message: /only SELECT/ },
];

/** The files a successful probe would have left behind. */
export const probeLeftovers = (dir: string): string[] => [
  join(dir, 'out.csv'),
  join(dir, 'other.duckdb'),
  join(dir, 'dump'),
];
