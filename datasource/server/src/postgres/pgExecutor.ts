import { VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBType } from '@duckdb/node-api';
import { QueryError } from '../service/queryError';
import type { QueryRunner } from '../service/queryRunner';
import type { ServingDatabase } from '../service/servingDatabase';
import { expandMetricCalls } from '../service/sql/expandMetricCalls';
import { GuardedStatements, guardKey } from '../service/sql/guardedStatements';
import { preparePgConnection } from './catalog/preparePgConnection';
import { rewritePgSql } from './catalog/rewritePgSql';
import type { BoundParameters } from './bindParameters';
import { pgColumnNames } from './pgColumnNames';
import { ResultCursor, type ResultColumn } from './resultCursor';

export interface StatementShape {
  /** DuckDB's type of each parameter, undefined where the statement leaves it open. */
  parameters: Array<DuckDBType | undefined>;
  columns: ResultColumn[];
}

const shapeOf = (prepared: DuckDBPreparedStatement): StatementShape => {
  const parameters: Array<DuckDBType | undefined> = [];
  for (let i = 1; i <= prepared.parameterCount; i += 1) {
    try {
      parameters.push(prepared.parameterType(i));
    } catch {
      // DuckDB leaves a parameter untyped when nothing in the statement fixes it (`select $1`).
      parameters.push(undefined);
    }
  }
  const columns = Array.from({ length: prepared.columnCount }, (_, i) => {
    try {
      return { name: prepared.columnName(i), type: prepared.columnType(i) };
    } catch {
      // A column that is an untyped parameter (`select $1 as y`) has no type until bound: text, as in PostgreSQL.
      return { name: prepared.columnName(i), type: VARCHAR };
    }
  });
  return { parameters, columns };
};

/** PostgreSQL's names for the columns, where the statement maps one to one onto them. */
const withColumnNames = (columns: ResultColumn[], names: string[] | undefined): ResultColumn[] =>
  names && names.length === columns.length ? columns.map((c, i) => ({ ...c, name: names[i] })) : columns;

const withNames = (shape: StatementShape, names: string[] | undefined): StatementShape => ({
  ...shape,
  columns: withColumnNames(shape.columns, names),
});

/**
 * Runs PostgreSQL clients' statements on the served warehouse, through the
 * same walls as the HTTP API: the catalog's metric() calls expand, the
 * client's PostgreSQL dialect is rewritten for DuckDB, the guard lets one
 * read-only SELECT through, and the runner applies the concurrency queue and
 * the time limit. Only the wire format differs.
 */
export class PgExecutor {
  private readonly prepared = new WeakSet<DuckDBConnection>();
  /** Statements that passed the guard, with the column names PostgreSQL would give them. */
  private readonly guarded = new GuardedStatements<string[] | undefined>();

  constructor(
    private readonly runner: QueryRunner,
    /** The database being served now, for what needs no connection (the catalog's metrics). */
    private readonly current: () => ServingDatabase,
    private readonly idleLimitMs: number
  ) {}

  /** The statement as DuckDB will run it. */
  private translate(sql: string, database: ServingDatabase): string {
    return rewritePgSql(expandMetricCalls(sql, database.metrics));
  }

  private async ready(
    connection: DuckDBConnection,
    database: ServingDatabase,
    sql: string
  ): Promise<{ translated: string; names: string[] | undefined }> {
    if (!this.prepared.has(connection)) {
      await preparePgConnection(connection);
      this.prepared.add(connection);
    }
    const translated = this.translate(sql, database);
    const { value: names } = await this.guarded.check(connection, translated, async (parsed) => {
      // Prepared once, so a statement naming what does not exist fails here, as at PostgreSQL's Parse.
      (await connection.prepare(translated)).destroySync();
      return pgColumnNames(parsed);
    });
    return { translated, names };
  }

  /**
   * Parse's check: the statement must pass the guard before it is accepted,
   * as PostgreSQL refuses a bad statement at Parse. A text already checked
   * costs no query slot.
   */
  async check(sql: string, signal?: AbortSignal): Promise<void> {
    if (this.guarded.has(guardKey(this.translate(sql, this.current())))) {
      return;
    }
    await this.runner.run('adhoc', signal, (connection, database) => this.ready(connection, database, sql));
  }

  /** Parameter and column types without running the statement (Describe). */
  describe(sql: string, signal?: AbortSignal): Promise<StatementShape> {
    return this.runner.run('adhoc', signal, async (connection, database) => {
      const { translated, names } = await this.ready(connection, database, sql);
      const prepared = await connection.prepare(translated);
      try {
        return withNames(shapeOf(prepared), names);
      } finally {
        prepared.destroySync();
      }
    });
  }

  /**
   * Starts the statement and returns its cursor once the first rows can be
   * read; the query holds its runner slot until the cursor ends.
   */
  open(sql: string, parameters: BoundParameters, signal: AbortSignal): Promise<ResultCursor> {
    return new Promise<ResultCursor>((resolve, reject) => {
      let cursor: ResultCursor | undefined;
      this.runner
        .run('adhoc', signal, async (connection, database) => {
          const { translated, names } = await this.ready(connection, database, sql);
          const prepared = await connection.prepare(translated);
          try {
            if (parameters.values.length !== prepared.parameterCount) {
              throw new QueryError(
                'bad_request',
                `bind message supplies ${parameters.values.length} parameters, but the statement has ${prepared.parameterCount}`
              );
            }
            prepared.bind(parameters.values, parameters.types);
            const result = await prepared.stream();
            const columnNames = result.columnNames();
            const columns = withColumnNames(
              result.columnTypes().map((type, i) => ({ name: columnNames[i], type })),
              names
            );
            cursor = new ResultCursor(columns, this.idleLimitMs);
            resolve(cursor);
            await cursor.pump(result);
          } finally {
            prepared.destroySync();
          }
        })
        .catch((error: unknown) => {
          if (cursor) {
            cursor.fail(error);
          } else {
            reject(error);
          }
        });
    });
  }
}
