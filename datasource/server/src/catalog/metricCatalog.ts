import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { catalogFile } from '@touchpoint/sql';
import { metricCatalogSchema, type MetricDefinition } from '@touchpoint/contract/src/metricDefinition';
import { readRows } from '../db/readRows';

export type { MetricDefinition };

const parseCatalog = (value: unknown, where: string): MetricDefinition[] => {
  const parsed = metricCatalogSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`metric catalog in ${where} is invalid at ${issue.path.join('.')}: ${issue.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
};

/** The catalog as shipped in sql/catalog/metrics.json. */
export const readCatalogFile = (path: string = catalogFile): MetricDefinition[] =>
  parseCatalog(JSON.parse(readFileSync(path, 'utf8')), path);

/** The catalog a built warehouse was built with (table metric_catalog). */
export const readCatalogTable = async (connection: DuckDBConnection): Promise<MetricDefinition[]> =>
  parseCatalog(await readRows(connection, 'select * from metric_catalog order by name'), 'table metric_catalog');
