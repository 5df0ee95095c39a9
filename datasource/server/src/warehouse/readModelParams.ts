import type { DuckDBConnection } from '@duckdb/node-api';
import { readRows } from '../db/readRows';
import { modelParamsSchema, type ModelParams } from './modelParams';

const columnOf = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The parameters a warehouse was built with (its model_params row): what an
 * increment rebuilds with, and what the service tells panels (min n, the
 * churn window). A parameter the warehouse predates takes its default.
 */
export const readModelParams = async (connection: DuckDBConnection): Promise<ModelParams> => {
  const [row = {}] = await readRows(connection, 'select * from model_params');
  return modelParamsSchema.parse(
    Object.fromEntries(
      Object.keys(modelParamsSchema.shape).flatMap((key) => {
        const value = row[columnOf(key)];
        return value === null || value === undefined ? [] : [[key, value]];
      })
    )
  );
};
