import { existsSync } from 'node:fs';
import { z } from 'zod';
import { readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { expandMetricCalls } from '@touchpoint/server/src/service/sql/expandMetricCalls';
import { displayValueConverter, type PlainValue } from '@touchpoint/server/src/db/plainValue';
import type { Command } from '../command';
import { formatRows, outputFormats, type Cell } from '../formatRows';
import { parseOptions, readArgs } from '../parseOptions';

const optionsSchema = z.object({
  db: z.string().min(1),
  format: z.enum(outputFormats).default('table'),
  sql: z.string().trim().min(1),
});

// People read times as text (the display converter); lists and structs as JSON.
const toCell = (value: PlainValue): Cell =>
  value === null || typeof value !== 'object' ? value : JSON.stringify(value);

export const sqlCommand: Command = {
  summary: 'run one SQL query against a warehouse (read-only)',
  usage: 'sql --db FILE "SQL" [--format table|csv|json]',
  run: async (argv) => {
    const { values, positionals } = readArgs(argv, { db: { type: 'string' }, format: { type: 'string' } }, true);
    const options = parseOptions(optionsSchema, { ...values, sql: positionals.join(' ') }, { sql: 'the SQL query' });
    if (!existsSync(options.db)) {
      throw new Error(`no warehouse at ${options.db}: create one with 'touchpoint seed' or 'touchpoint load'`);
    }
    return withDatabase(options.db, { readOnly: true }, async (connection) => {
      // metric('csat') means here what it means over HTTP and PostgreSQL: the catalog's definition.
      const catalog = await readCatalogTable(connection);
      const sql = expandMetricCalls(options.sql, new Map(catalog.map((metric) => [metric.name, metric])));
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.convertRows(displayValueConverter).map((row) => row.map(toCell));
      process.stdout.write(`${formatRows({ columns: reader.columnNames(), rows }, options.format)}\n`);
      return 0;
    });
  },
};
