/** Codes a client can act on; each maps to one HTTP status when it fails a whole request. */
export const queryErrorCodes = {
  bad_request: 400,
  bad_sql: 400,
  forbidden_statement: 400,
  forbidden_function: 400,
  unknown_metric: 400,
  bad_variable: 400,
  unauthorized: 401,
  timeout: 504,
  cancelled: 499,
  busy: 503,
  internal: 500,
} as const;

export type QueryErrorCode = keyof typeof queryErrorCodes;

/** A failure of one query, reported as `{ code, message }` a person can act on. */
export class QueryError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }

  toJSON(): { code: QueryErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
