import { errorMessage } from '../errorMessage';
import { QueryError, type QueryErrorCode } from '../service/queryError';
import type { ErrorFields } from './wire/backendMessages';
import { ProtocolError } from './wire/protocolError';

/** Each service error code as the SQLSTATE a PostgreSQL client acts on. */
const sqlStates: Record<QueryErrorCode, string> = {
  bad_request: '22023',
  bad_sql: '42601',
  forbidden_statement: '42501',
  forbidden_function: '42501',
  unknown_metric: '42704',
  bad_variable: '42P02',
  unauthorized: '28000',
  timeout: '57014',
  cancelled: '57014',
  busy: '53000',
  internal: 'XX000',
};

/** DuckDB's error classes, from the text it starts its messages with. */
const duckdbStates: Array<[RegExp, string]> = [
  [/^Parser Error/i, '42601'],
  [/^Catalog Error: (Table|View) with name/i, '42P01'],
  [/^Catalog Error: Schema with name/i, '3F000'],
  [/^Catalog Error: (Scalar|Table|Aggregate) Function/i, '42883'],
  [/^Catalog Error: Type/i, '42704'],
  [/^Catalog Error/i, '42704'],
  [/^Binder Error: Referenced column/i, '42703'],
  [/^Binder Error: No function matches/i, '42883'],
  [/^Binder Error/i, '42P18'],
  [/^Conversion Error/i, '22P02'],
  [/^Out of Range Error/i, '22003'],
  [/^Invalid Input Error/i, '22023'],
  [/^Permission Error/i, '42501'],
  [/^Out of Memory Error/i, '53200'],
];

const hints: Partial<Record<QueryErrorCode, string>> = {
  forbidden_statement: 'Touchpoint serves the warehouse read-only: load new data with touchpoint load.',
  timeout: 'Narrow the time range or add filters.',
  busy: 'Retry in a few seconds.',
};

/**
 * DuckDB's message as PostgreSQL words it: without the class prefix (the
 * SQLSTATE carries that) or the quoted query line with its caret.
 */
const plainDuckdbMessage = (message: string) =>
  message
    .replace(/^Failed to extract statements: /, '')
    .replace(/\s*LINE \d+:[\s\S]*$/, '')
    .replace(/^(Parser|Catalog|Binder|Conversion|Out of Range|Invalid Input|Permission) Error: /, '')
    .trim();

/** An error as the fields of a PostgreSQL ErrorResponse. */
export const pgErrorFields = (error: unknown): ErrorFields => {
  if (error instanceof ProtocolError) {
    return { severity: 'ERROR', code: error.sqlState, message: error.message };
  }
  if (error instanceof QueryError) {
    let code = sqlStates[error.code];
    let message = error.message;
    if (error.code === 'bad_sql') {
      const raw = message.replace(/^Failed to extract statements: /, '');
      code = duckdbStates.find(([pattern]) => pattern.test(raw))?.[1] ?? code;
      message = plainDuckdbMessage(raw);
    }
    if (error.code === 'cancelled') {
      message = 'canceling statement due to user request';
    }
    return { severity: 'ERROR', code, message, ...(hints[error.code] ? { hint: hints[error.code] } : {}) };
  }
  return { severity: 'ERROR', code: 'XX000', message: errorMessage(error) };
};
