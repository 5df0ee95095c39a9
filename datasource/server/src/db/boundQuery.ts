import {
  LIST,
  TIMESTAMP,
  VARCHAR,
  listValue,
  timestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** SQL text with its named parameters and their types: values never enter the text. */
export interface BoundQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

export const bindTimestamp = (epochMs: number): { value: DuckDBValue; type: DuckDBType } => ({
  value: timestampValue(BigInt(Math.round(epochMs)) * 1000n),
  type: TIMESTAMP,
});

export const bindTextList = (values: readonly string[]): { value: DuckDBValue; type: DuckDBType } => ({
  value: listValue(values),
  type: LIST(VARCHAR),
});
