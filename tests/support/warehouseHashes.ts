import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '@touchpoint/server/src/db/quoteIdentifier';
import { readRows } from '@touchpoint/server/src/db/readRows';

const floatTypes = new Set(['DOUBLE', 'FLOAT']);

/**
 * A content hash of every table and view of a warehouse (the raw tables,
 * the reference tables and every model), independent of row order: the
 * row count and the xor of each row's hash, doubles to 12 significant digits. Two warehouses with equal
 * hashes hold the same rows in every relation.
 */
export const warehouseHashes = async (connection: DuckDBConnection): Promise<Record<string, string>> => {
  const relations = await readRows(
    connection,
    `select schema_name, table_name as name from duckdb_tables() where database_name = current_database() and not temporary
     union all
     select schema_name, view_name from duckdb_views() where database_name = current_database() and not temporary and not internal
     order by 1, 2`
  );
  const columns = await readRows(
    connection,
    `select schema_name, table_name, column_name, data_type from duckdb_columns()
     where database_name = current_database() and not internal order by column_index`
  );
  const hashes: Record<string, string> = {};
  for (const { schema_name: schema, name } of relations) {
    const relation = `${quoteIdentifier(String(schema))}.${quoteIdentifier(String(name))}`;
    const values = columns
      .filter((c) => c.schema_name === schema && c.table_name === name)
      .map((c) => {
        const column = quoteIdentifier(String(c.column_name));
        // A sum of doubles depends on the order it adds in, which a merged
        // table does not share with a freshly loaded one: compare 12 significant digits.
        return floatTypes.has(String(c.data_type))
          ? `case when ${column} = 0 or not isfinite(${column}) then ${column} else round(${column}, 11 - floor(log10(abs(${column})))::integer) end`
          : column;
      });
    const [row] = await readRows(
      connection,
      `select count(*)::varchar || ':' || coalesce(bit_xor(hash(${values.join(', ')}))::varchar, '-') as h from ${relation}`
    );
    hashes[`${String(schema)}.${String(name)}`] = String(row.h);
  }
  return hashes;
};
