import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';

export type ExportFormat = 'csv' | 'parquet';

/** The contract's columns per table, in the contract's order: an export's header. */
export const contractColumns = {
  branches: ['branch_id', 'name', 'region', 'timezone'],
  customers: ['customer_id', 'branch_id', 'segment', 'started_at', 'ended_at', 'monthly_revenue'],
  interactions: [
    'interaction_id',
    'customer_id',
    'branch_id',
    'channel',
    'agent_id',
    'topic',
    'opened_at',
    'first_response_at',
    'resolved_at',
    'handle_seconds',
  ],
  responses: [
    'response_id',
    'branch_id',
    'customer_id',
    'interaction_id',
    'touchpoint',
    'instrument',
    'score',
    'responded_at',
    'comment',
  ],
  followups: ['followup_id', 'response_id', 'opened_at', 'first_contact_at', 'closed_at', 'owner', 'root_cause'],
} as const;

export type RawTable = keyof typeof contractColumns;
export const rawTables = Object.keys(contractColumns) as RawTable[];

const timestampColumns = new Set([
  'started_at',
  'ended_at',
  'opened_at',
  'first_response_at',
  'resolved_at',
  'responded_at',
  'first_contact_at',
  'closed_at',
]);

/**
 * CSV is text, so it gets the contract's text forms: ISO 8601 in UTC with a
 * 'Z' (the raw tables hold UTC without an offset, and the seed writes whole
 * seconds) and whole scores without a trailing '.0'. Parquet keeps the raw
 * types, whose timestamps without an offset are UTC by the contract.
 */
const csvColumn = (column: string): string => {
  if (timestampColumns.has(column)) {
    return `strftime(${column}, '%Y-%m-%dT%H:%M:%SZ') as ${column}`;
  }
  if (column === 'score') {
    return `case when score = trunc(score) then score::bigint::varchar else score::varchar end as score`;
  }
  return column;
};

/**
 * Writes the raw tables (the four and the optional followups) as files named after their table, in the data
 * contract's format (header row, comma, UTF-8, empty for null), ordered by
 * id so that the same tables always give the same bytes.
 */
export const exportRawTables = async (
  connection: DuckDBConnection,
  dir: string,
  format: ExportFormat
): Promise<string[]> => {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of rawTables) {
    const columns = contractColumns[table];
    const file = join(dir, `${table}.${format}`);
    const select = format === 'csv' ? columns.map(csvColumn).join(', ') : columns.join(', ');
    const options =
      format === 'csv' ? "format csv, header true, delimiter ',', nullstr ''" : 'format parquet, compression zstd';
    await connection.run(
      `copy (select ${select} from raw.${table} order by ${columns[0]}) to ${quoteLiteral(file)} (${options})`
    );
    files.push(file);
  }
  return files;
};
