import type { DuckDBConnection } from '@duckdb/node-api';
import { guardSql } from './guardSql';
import { rewriteOutsideLiterals } from './sqlLexer';

/** Statements remembered as passing the guard; the oldest is forgotten first. */
export const GUARDED_LIMIT = 2000;

/**
 * What the guard's verdict depends on: the statement with its string
 * literals blanked. Whether a text is one read-only SELECT, and which
 * functions it calls, does not change with the values in its quotes, so
 * Grafana's queries (new literal times on every refresh) are checked once.
 */
export const guardKey = (sql: string): string =>
  rewriteOutsideLiterals(
    sql,
    () => undefined,
    (literal) => (literal.startsWith("'") ? "''" : literal)
  );

/**
 * The statements that passed the guard, each with what its caller derived
 * from the parsed statement (PostgreSQL's column names, or nothing). A
 * dashboard's SQL panel sends the same text on every refresh, its range in
 * bound values or literals, and the guard's parse (a second statement, about
 * a millisecond) is paid once. Only a pass is kept: a refused statement is
 * checked, and refused, each time.
 */
export class GuardedStatements<T> {
  private readonly passed = new Map<string, T>();

  constructor(private readonly limit = GUARDED_LIMIT) {}

  /** Whether a statement (by its guardKey) passed before. */
  has(key: string): boolean {
    return this.passed.has(key);
  }

  /** What was derived when the statement passed, undefined when it has not. */
  get(key: string): T | undefined {
    return this.passed.get(key);
  }

  /**
   * Passes `sql` through the guard unless a statement with its key passed
   * before, and keeps what `derive` makes of its parse (which may check it
   * further: a throw keeps nothing). Throws the guard's QueryError.
   */
  async check(
    connection: DuckDBConnection,
    sql: string,
    derive: (parsed: unknown) => T | Promise<T>
  ): Promise<{ key: string; value: T }> {
    const key = guardKey(sql);
    if (this.passed.has(key)) {
      return { key, value: this.passed.get(key) as T };
    }
    const value = await derive(await guardSql(connection, sql));
    if (this.passed.size >= this.limit) {
      this.passed.delete(this.passed.keys().next().value as string);
    }
    this.passed.set(key, value);
    return { key, value };
  }
}
