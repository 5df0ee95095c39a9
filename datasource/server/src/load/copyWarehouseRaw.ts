import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { quoteIdentifier, quoteLiteral } from '../db/quoteIdentifier';
import { contractTables } from './contractRules';

/** Raised when --append names a warehouse that is not there to append to. */
export class NoWarehouseError extends Error {}

const alias = 'append_base';

/**
 * Copies the raw tables of the warehouse at `path` (read-only: a service may
 * be serving it) into the raw tables of `connection`, with the touchpoints
 * an earlier load configured beyond the contract's, so the increment is
 * checked and merged against exactly what that warehouse was built from.
 */
export const copyWarehouseRaw = async (connection: DuckDBConnection, path: string): Promise<void> => {
  if (!existsSync(path)) {
    throw new NoWarehouseError(
      `--append needs a warehouse to append to, and ${path} does not exist: load it in full first`
    );
  }
  await connection.run(`attach ${quoteLiteral(path)} as ${alias} (read_only)`);
  try {
    for (const table of contractTables) {
      await connection.run(
        `insert into raw.${quoteIdentifier(table)} select * from ${alias}.raw.${quoteIdentifier(table)}`
      );
    }
    await connection.run(
      `insert into ref_touchpoints select * from ${alias}.ref_touchpoints b
       where not exists (select 1 from ref_touchpoints t where t.touchpoint = b.touchpoint)`
    );
  } finally {
    await connection.run(`detach ${alias}`);
  }
};
