import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../db/readRows';

/** What a person reads for a branch id: its name, and the region it sits in (when it has one). */
export interface BranchEntry {
  name: string;
  region: string | null;
}

/** Every branch of one warehouse file, by id. */
export type BranchDirectory = ReadonlyMap<string, BranchEntry>;

/**
 * Reads dim_branches once per opened file: a few rows, so every metric
 * frame can name its branches without joining them into the metric's SQL,
 * and a new load brings its own names with its new file.
 */
export const readBranchDirectory = async (connection: DuckDBConnection): Promise<BranchDirectory> => {
  const rows = await readRows(connection, 'select branch_id, branch_name, region from dim_branches');
  return new Map(
    rows.map((row) => [
      String(row.branch_id),
      { name: String(row.branch_name), region: typeof row.region === 'string' ? row.region : null },
    ])
  );
};
