import type { DuckDBConnection } from '@duckdb/node-api';
import { basename } from 'node:path';
import { catalogFile, modelFiles } from '@touchpoint/sql';
import { quoteLiteral } from '../db/quoteIdentifier';
import { silentProgress, type Progress } from '../progress';
import { modelParamsSchema, type ModelParamsInput } from './modelParams';
import { runSqlFile } from './runSqlFile';

/**
 * Builds every model over the raw tables, in layer order. The parameters are
 * set as DuckDB variables first and also stored in model_params, so an
 * analyst can see which windows, SLA and margin a number was computed with.
 */
export const buildModel = async (
  connection: DuckDBConnection,
  params: ModelParamsInput = {},
  progress: Progress = silentProgress
): Promise<void> => {
  await setModelVariables(connection, params);
  for (const file of modelFiles()) {
    progress.step(`building ${basename(file, '.sql')}`);
    await runSqlFile(connection, file);
  }
};

/** The model's parameters as the DuckDB variables its SQL reads (getvariable). */
export const setModelVariables = async (connection: DuckDBConnection, params: ModelParamsInput = {}): Promise<void> => {
  const p = modelParamsSchema.parse(params);
  await connection.run(`
    set variable fcr_window_days = ${p.fcrWindowDays}::integer;
    set variable gross_margin = ${p.grossMargin}::double;
    set variable min_n = ${p.minN}::integer;
    set variable mapping_version = ${quoteLiteral(p.mappingVersion)};
    set variable followup_sla_hours = ${p.followupSlaHours}::integer;
    set variable recovery_window_days = ${p.recoveryWindowDays}::integer;
    set variable churn_window_days = ${p.churnWindowDays}::integer;
    set variable catalog_file = ${quoteLiteral(catalogFile)};
  `);
};
