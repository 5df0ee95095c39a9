import type { DuckDBValue } from '@duckdb/node-api';
import { QueryError } from '../service/queryError';
import { bindParameters, type BoundParameters } from './bindParameters';
import { pgCodecFor } from './pgCodec';
import { pgErrorFields } from './pgErrorFields';
import type { PgExecutor, StatementShape } from './pgExecutor';
import { pgTypeOids } from './pgTypeOids';
import type { ResultColumn, ResultCursor } from './resultCursor';
import { parseSessionStatement, settingValue, type SessionStatement } from './sessionStatements';
import { splitStatements } from './splitStatements';
import {
  bindComplete,
  closeComplete,
  commandComplete,
  dataRow,
  emptyQueryResponse,
  errorResponse,
  noData,
  noticeResponse,
  parameterDescription,
  parameterStatus,
  parseComplete,
  portalSuspended,
  readyForQuery,
  rowDescription,
  type FieldDescription,
  type TransactionStatus,
} from './wire/backendMessages';
import type { FrontendMessage } from './wire/frontendMessages';
import { ProtocolError } from './wire/protocolError';
import { defaultSettings, settableSettings } from './pgSettings';

/** Where a session's messages go: buffered writes, flushed at the protocol's natural points. */
export interface SessionOutput {
  write(message: Buffer): void;
  /** Sends what is buffered; resolves when the client has room for more. */
  flush(): Promise<void>;
}

interface Statement {
  sql: string;
  /** Only blanks and comments: answered with EmptyQueryResponse, as PostgreSQL does. */
  empty?: boolean;
  paramOids: number[];
  session?: SessionStatement;
  shape?: StatementShape;
}

interface Portal {
  statement: Statement;
  params: BoundParameters;
  resultFormats: number[];
  cursor?: ResultCursor;
  rows: number;
  done: boolean;
  describePending: boolean;
}

/** Buffered output is sent once it reaches this size, so long results stream. */
const FLUSH_BYTES = 64 * 1024;

const formatOf = (formats: number[], i: number): 0 | 1 =>
  (formats.length === 0 ? 0 : formats.length === 1 ? formats[0] : (formats[i] ?? 0)) === 1 ? 1 : 0;

const describeColumns = (columns: ResultColumn[], formats: number[]): FieldDescription[] =>
  columns.map((column, i) => {
    const codec = pgCodecFor(column.type);
    return {
      name: column.name,
      typeOid: codec.oid,
      typeSize: codec.size,
      typeModifier: codec.typeModifier,
      format: formatOf(formats, i),
    };
  });

const textColumn = (name: string): FieldDescription => ({
  name,
  typeOid: pgTypeOids.text,
  typeSize: -1,
  typeModifier: -1,
  format: 0,
});

/**
 * One client's conversation after it has signed in: the simple and the
 * extended query protocols, the session statements, transactions as a
 * read-only client sees them, and cancellation. Messages are handled one at
 * a time, in order; a statement that fails fails alone, and the connection
 * stays usable.
 */
export class PgSession {
  private readonly statements = new Map<string, Statement>();
  private readonly portals = new Map<string, Portal>();
  private readonly settings = new Map<string, string>();
  private status: TransactionStatus = 'I';
  /** After an error in the extended protocol, messages are skipped until Sync. */
  private skipping = false;
  private pendingBytes = 0;
  private running: AbortController | undefined;

  constructor(
    private readonly output: SessionOutput,
    private readonly executor: PgExecutor
  ) {}

  /** CancelRequest: stops the statement running now, if any. */
  cancel(): void {
    this.running?.abort();
  }

  /** The connection is gone: stop what runs and free the portals' slots. */
  close(): void {
    this.cancel();
    for (const portal of this.portals.values()) {
      portal.cursor?.close();
    }
    this.portals.clear();
  }

  get idle(): boolean {
    return this.running === undefined;
  }

  private send(message: Buffer) {
    this.output.write(message);
    this.pendingBytes += message.length;
  }

  private async flush() {
    this.pendingBytes = 0;
    await this.output.flush();
  }

  /** Handles one message; false when the client said goodbye. */
  async handle(message: FrontendMessage): Promise<boolean> {
    if (message.type === 'terminate') {
      return false;
    }
    if (message.type === 'query') {
      await this.simpleQuery(message.sql);
      return true;
    }
    if (message.type === 'sync') {
      if (!this.skipping) {
        await this.answerPendingDescribes();
      }
      this.skipping = false;
      if (this.status === 'I') {
        this.closePortals();
      }
      this.send(readyForQuery(this.status));
      await this.flush();
      return true;
    }
    if (message.type === 'flush') {
      if (!this.skipping) {
        await this.answerPendingDescribes();
      }
      await this.flush();
      return true;
    }
    if (this.skipping) {
      return true;
    }
    try {
      if (!(message.type === 'execute' && this.portals.get(message.portal)?.describePending)) {
        await this.resolvePendingDescribes();
      }
      await this.extended(message);
    } catch (error) {
      this.fail(error);
      this.skipping = true;
      // What was skipped gets no answer, its pending Describe included.
      for (const portal of this.portals.values()) {
        portal.describePending = false;
      }
    }
    return true;
  }

  /** Pending Describes answered at Sync or Flush; one that fails is that batch's error. */
  private async answerPendingDescribes() {
    try {
      await this.resolvePendingDescribes();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown) {
    this.send(errorResponse(pgErrorFields(error)));
    if (this.status === 'T') {
      this.status = 'E';
    }
  }

  private async simpleQuery(sql: string) {
    const pieces = splitStatements(sql);
    if (pieces.length === 0) {
      this.send(emptyQueryResponse());
    }
    for (const piece of pieces) {
      try {
        const statement: Statement = { sql: piece, paramOids: [], session: parseSessionStatement(piece) };
        const portal: Portal = {
          statement,
          params: { values: [], types: [] },
          resultFormats: [],
          rows: 0,
          done: false,
          describePending: true,
        };
        await this.execute(portal, 0);
      } catch (error) {
        this.fail(error);
        break;
      }
    }
    if (this.status === 'I') {
      this.closePortals();
    }
    this.send(readyForQuery(this.status));
    await this.flush();
  }

  private async extended(message: Exclude<FrontendMessage, { type: 'query' | 'sync' | 'flush' | 'terminate' }>) {
    switch (message.type) {
      case 'parse': {
        if (message.name !== '' && this.statements.has(message.name)) {
          throw new ProtocolError(`prepared statement "${message.name}" already exists`, '42P05');
        }
        const session = parseSessionStatement(message.sql);
        this.refuseInFailedTransaction(session);
        const empty = splitStatements(message.sql).length === 0;
        if (!session && !empty) {
          await this.guarded((signal) => this.executor.check(message.sql, signal));
        }
        this.statements.set(message.name, {
          sql: message.sql,
          paramOids: message.paramTypes,
          session,
          empty,
        });
        this.send(parseComplete());
        return;
      }
      case 'bind': {
        const statement = this.statement(message.statement);
        if (message.portal !== '' && this.portals.has(message.portal)) {
          throw new ProtocolError(`cursor "${message.portal}" already exists`, '42P03');
        }
        this.portals.get(message.portal)?.cursor?.close();
        this.portals.set(message.portal, {
          statement,
          params: bindParameters(message.params, message.paramFormats, statement.paramOids),
          resultFormats: message.resultFormats,
          rows: 0,
          done: false,
          describePending: false,
        });
        this.send(bindComplete());
        return;
      }
      case 'describe': {
        if (message.target === 'statement') {
          const statement = this.statement(message.name);
          if (statement.session || statement.empty) {
            this.send(parameterDescription([]));
            this.send(this.sessionDescription(statement.session) ?? noData());
            return;
          }
          const shape = await this.shapeOf(statement);
          this.send(
            parameterDescription(
              shape.parameters.map((type, i) => {
                const given = statement.paramOids[i] ?? 0;
                return given !== 0 ? given : type ? pgCodecFor(type).oid : pgTypeOids.text;
              })
            )
          );
          this.send(shape.columns.length > 0 ? rowDescription(describeColumns(shape.columns, [])) : noData());
          return;
        }
        const portal = this.portal(message.name);
        if (portal.statement.session || portal.statement.empty) {
          this.send(this.sessionDescription(portal.statement.session) ?? noData());
          return;
        }
        // Answered by the Execute that usually follows, from the running result, or before anything else.
        portal.describePending = true;
        return;
      }
      case 'execute':
        await this.execute(this.portal(message.portal), message.maxRows);
        return;
      case 'close': {
        if (message.target === 'statement') {
          this.statements.delete(message.name);
        } else {
          this.portals.get(message.name)?.cursor?.close();
          this.portals.delete(message.name);
        }
        this.send(closeComplete());
        return;
      }
      case 'password':
        throw new ProtocolError('unexpected password message after authentication');
    }
  }

  private statement(name: string): Statement {
    const statement = this.statements.get(name);
    if (!statement) {
      throw new ProtocolError(
        name === '' ? 'unnamed prepared statement does not exist' : `prepared statement "${name}" does not exist`,
        '26000'
      );
    }
    return statement;
  }

  private portal(name: string): Portal {
    const portal = this.portals.get(name);
    if (!portal) {
      throw new ProtocolError(
        name === '' ? 'unnamed portal does not exist' : `portal "${name}" does not exist`,
        '34000'
      );
    }
    return portal;
  }

  private async shapeOf(statement: Statement): Promise<StatementShape> {
    statement.shape ??= await this.guarded((signal) => this.executor.describe(statement.sql, signal));
    return statement.shape;
  }

  /** Describe(portal) not followed by its Execute: answered now, before whatever came next. */
  private async resolvePendingDescribes() {
    for (const portal of this.portals.values()) {
      if (portal.describePending && !portal.cursor) {
        portal.describePending = false;
        const shape = await this.shapeOf(portal.statement);
        this.send(
          shape.columns.length > 0 ? rowDescription(describeColumns(shape.columns, portal.resultFormats)) : noData()
        );
      }
    }
  }

  /** `session` is the statement as parseSessionStatement read it once, when it arrived. */
  private refuseInFailedTransaction(session: SessionStatement | undefined) {
    if (
      this.status === 'E' &&
      session?.kind !== 'rollback' &&
      session?.kind !== 'commit' &&
      !(session?.kind === 'savepoint' && session.tag === 'ROLLBACK')
    ) {
      throw new ProtocolError(
        'current transaction is aborted, commands ignored until end of transaction block',
        '25P02'
      );
    }
  }

  /** Runs work as the session's current statement, so CancelRequest can stop it. */
  private async guarded<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running = controller;
    try {
      return await work(controller.signal);
    } finally {
      this.running = undefined;
    }
  }

  private async execute(portal: Portal, maxRows: number) {
    this.refuseInFailedTransaction(portal.statement.session);
    const { session } = portal.statement;
    if (session) {
      if (portal.describePending) {
        const description = this.sessionDescription(session);
        if (description) {
          this.send(description);
        }
      }
      this.runSession(session);
      return;
    }
    if (portal.statement.empty) {
      this.send(emptyQueryResponse());
      return;
    }
    if (portal.done) {
      this.send(commandComplete(`SELECT 0`));
      return;
    }
    await this.guarded(async (signal) => {
      if (!portal.cursor) {
        portal.cursor = await this.executor.open(portal.statement.sql, portal.params, signal);
        if (portal.describePending) {
          portal.describePending = false;
          const { columns } = portal.cursor;
          this.send(columns.length > 0 ? rowDescription(describeColumns(columns, portal.resultFormats)) : noData());
        }
      }
      await this.streamRows(portal, maxRows);
    });
  }

  private async streamRows(portal: Portal, maxRows: number) {
    const cursor = portal.cursor as ResultCursor;
    const encoders = cursor.columns.map((column, i) => {
      const codec = pgCodecFor(column.type);
      return formatOf(portal.resultFormats, i) === 1
        ? (v: NonNullable<DuckDBValue>) => codec.binary(v)
        : (v: NonNullable<DuckDBValue>) => Buffer.from(codec.text(v), 'utf8');
    });
    let sent = 0;
    for (;;) {
      const want = maxRows > 0 ? maxRows - sent : Infinity;
      if (want <= 0) {
        this.send(portalSuspended());
        return;
      }
      const rows = await cursor.next(want);
      if (rows === null) {
        break;
      }
      for (const row of rows) {
        this.send(dataRow(row.map((value, i) => (value === null ? null : encoders[i](value)))));
      }
      sent += rows.length;
      portal.rows += rows.length;
      if (this.pendingBytes >= FLUSH_BYTES) {
        await this.flush();
      }
    }
    portal.done = true;
    cursor.close();
    this.send(commandComplete(`SELECT ${portal.rows}`));
  }

  /** SHOW answers a one-column row set; other session statements return no rows. */
  private sessionDescription(session: SessionStatement | undefined): Buffer | undefined {
    if (session?.kind !== 'show') {
      return undefined;
    }
    return rowDescription(
      session.name === 'all'
        ? [textColumn('name'), textColumn('setting'), textColumn('description')]
        : [textColumn(session.name)]
    );
  }

  private runSession(session: SessionStatement) {
    switch (session.kind) {
      case 'set':
        if (!settableSettings.has(session.name)) {
          throw new ProtocolError(`unrecognized configuration parameter "${session.name}"`, '42704');
        }
        this.settings.set(session.name, session.value);
        if (session.name === 'application_name') {
          this.send(parameterStatus('application_name', session.value));
        }
        if (session.name === 'timezone' && !/^(utc|etc\/utc|gmt|z|zulu|0|'?\+?00:00'?)$/i.test(session.value)) {
          this.send(
            noticeResponse({
              severity: 'WARNING',
              code: '01000',
              message: `times are served in UTC; the time zone '${session.value}' is noted but not applied`,
              hint: 'Convert in the client, or with AT TIME ZONE in the query.',
            })
          );
        }
        this.send(commandComplete('SET'));
        return;
      case 'reset':
        if (session.name === 'all') {
          this.settings.clear();
        } else {
          this.settings.delete(session.name);
        }
        this.send(commandComplete('RESET'));
        return;
      case 'show': {
        if (session.name === 'all') {
          const names = [...new Set([...Object.keys(defaultSettings), ...this.settings.keys()])].sort();
          for (const name of names) {
            this.send(dataRow([name, settingValue(this.settings, name) ?? '', ''].map((v) => Buffer.from(v))));
          }
          this.send(commandComplete('SHOW'));
          return;
        }
        const value = settingValue(this.settings, session.name);
        if (value === undefined) {
          throw new ProtocolError(`unrecognized configuration parameter "${session.name}"`, '42704');
        }
        this.send(dataRow([Buffer.from(value)]));
        this.send(commandComplete('SHOW'));
        return;
      }
      case 'begin':
        if (session.readWrite) {
          throw new QueryError(
            'forbidden_statement',
            'only read-only transactions: the warehouse is read-only for queries'
          );
        }
        if (this.status !== 'I') {
          this.send(
            noticeResponse({
              severity: 'WARNING',
              code: '25001',
              message: 'there is already a transaction in progress',
            })
          );
        }
        this.status = this.status === 'E' ? 'E' : 'T';
        this.send(commandComplete('BEGIN'));
        return;
      case 'commit':
      case 'rollback': {
        const failed = this.status === 'E';
        if (this.status === 'I') {
          this.send(
            noticeResponse({ severity: 'WARNING', code: '25P01', message: 'there is no transaction in progress' })
          );
        }
        this.status = 'I';
        this.closePortals();
        this.send(commandComplete(session.kind === 'commit' && !failed ? 'COMMIT' : 'ROLLBACK'));
        return;
      }
      case 'savepoint':
        if (session.tag === 'ROLLBACK' && this.status === 'E') {
          this.status = 'T';
        }
        this.send(commandComplete(session.tag));
        return;
      case 'discard':
        this.settings.clear();
        this.statements.clear();
        this.closePortals();
        this.send(commandComplete('DISCARD ALL'));
        return;
      case 'deallocate':
        if (session.name === 'all') {
          this.statements.clear();
        } else if (!this.statements.delete(session.name)) {
          throw new ProtocolError(`prepared statement "${session.name}" does not exist`, '26000');
        }
        this.send(commandComplete('DEALLOCATE'));
        return;
      case 'ignored':
        this.send(commandComplete(session.tag));
        return;
    }
  }

  private closePortals() {
    for (const portal of this.portals.values()) {
      portal.cursor?.close();
    }
    this.portals.clear();
  }
}
