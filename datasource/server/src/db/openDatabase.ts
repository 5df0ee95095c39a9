import { DuckDBInstance } from '@duckdb/node-api';

export interface OpenOptions {
  readOnly?: boolean;
  /** DuckDB worker threads; defaults to DuckDB's choice (one per core). */
  threads?: number;
  /** DuckDB memory limit such as '2GB'; defaults to DuckDB's (80% of RAM). */
  memoryLimit?: string;
}

/**
 * Opens a DuckDB file with the settings every part of Touchpoint relies on:
 * UTC session time zone (the model stores UTC) and no extension downloads.
 */
export const openDatabase = async (path: string, options: OpenOptions = {}): Promise<DuckDBInstance> => {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  };
  if (options.readOnly) {
    config.access_mode = 'READ_ONLY';
  }
  if (options.threads !== undefined) {
    config.threads = String(options.threads);
  }
  if (options.memoryLimit !== undefined) {
    config.memory_limit = options.memoryLimit;
  }
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  try {
    // icu is statically linked; the TimeZone option cannot be passed at create.
    await connection.run("set global TimeZone = 'UTC'");
  } finally {
    connection.closeSync();
  }
  return instance;
};
