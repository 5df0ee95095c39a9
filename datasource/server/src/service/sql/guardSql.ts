import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryError } from '../queryError';
import { errorMessage } from '../../errorMessage';

/**
 * Table functions that would turn a string into SQL or a table name at run
 * time, which no static check could then see through.
 */
const deniedFunctions = new Set(['query', 'query_table']);

interface SerializedSql {
  error: boolean;
  error_message?: string;
  statements?: unknown[];
}

const functionNames = (node: unknown, found: Set<string>): Set<string> => {
  if (Array.isArray(node)) {
    node.forEach((child) => functionNames(child, found));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'function_name' && typeof value === 'string') {
        found.add(value.toLowerCase());
      } else {
        functionNames(value, found);
      }
    }
  }
  return found;
};

/**
 * Lets through exactly one read-only SELECT. DuckDB parses the text (so
 * quoting and comments cannot fool it) and serializes only SELECTs; the
 * database is also opened read-only with file access, extensions and
 * configuration locked, so this is the second of two walls. Returns the
 * statement as DuckDB parsed it (json_serialize_sql's form).
 */
export const guardSql = async (connection: DuckDBConnection, sql: string): Promise<unknown> => {
  let statements: number;
  try {
    statements = (await connection.extractStatements(sql)).count;
  } catch (error) {
    throw new QueryError('bad_sql', errorMessage(error).replace(/\s+/g, ' ').trim(), { cause: error });
  }
  if (statements !== 1) {
    throw new QueryError(
      'forbidden_statement',
      statements === 0 ? 'the query is empty' : 'send one statement per query (found several separated by ";")'
    );
  }
  const reader = await connection.runAndReadAll('select json_serialize_sql($1::varchar)', [sql]);
  const parsed = JSON.parse(String(reader.getRows()[0][0])) as SerializedSql;
  if (parsed.error) {
    const reason = parsed.error_message ?? 'it could not be parsed';
    if (/only select/i.test(reason)) {
      throw new QueryError(
        'forbidden_statement',
        'only SELECT queries are allowed: the warehouse is read-only for queries'
      );
    }
    throw new QueryError('bad_sql', reason);
  }
  for (const name of functionNames(parsed.statements, new Set())) {
    if (deniedFunctions.has(name)) {
      throw new QueryError(
        'forbidden_function',
        `${name}() builds SQL or a table name at run time and is not allowed; name tables in the query`
      );
    }
  }
  return parsed.statements?.[0];
};
