import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket, createSecureContext, type SecureContext } from 'node:tls';
import { errorMessage } from '../errorMessage';
import type { PgExecutor } from './pgExecutor';
import { PgSession, type SessionOutput } from './pgSession';
import { reportedParameters } from './pgSettings';
import { SCRAM_MECHANISM, ScramExchange, ScramFailure, scramSecret, type ScramSecret } from './scramSha256';
import {
  authenticationOk,
  authenticationSasl,
  authenticationSaslContinue,
  authenticationSaslFinal,
  backendKeyData,
  errorResponse,
  parameterStatus,
  readyForQuery,
  type ErrorFields,
} from './wire/backendMessages';
import { parseFrontendMessage, parseStartupParameters, type StartupParameters } from './wire/frontendMessages';
import { MessageReader } from './wire/messageReader';
import {
  CANCEL_REQUEST,
  GSSENC_REQUEST,
  MessageFramer,
  PROTOCOL_3_0,
  SSL_REQUEST,
  type FramedMessage,
} from './wire/messageFramer';
import { ProtocolError } from './wire/protocolError';

export interface PgLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface PgServerOptions {
  host: string;
  port: number;
  /** The service token: the password. Without one, only loopback clients are let in. */
  token?: string;
  tls?: { cert: string; key: string };
  maxConnections: number;
  idleTimeoutMs: number;
  executor: PgExecutor;
  log: PgLog;
}

/** The largest message a client may send: a long query with its parameters fits many times over. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Startup and sign-in must finish within this, as PostgreSQL's authentication_timeout. */
const AUTH_TIMEOUT_MS = 10_000;
/** A wrong password waits this long before its answer: guessing stays slow. */
const AUTH_FAILURE_DELAY_MS = 1000;
/** Output a client has not read beyond this waits, so a slow reader holds no more than this. */
const WRITE_HIGH_WATER = 1024 * 1024;
/** A client that reads nothing for this long is dropped, freeing its query slot for the others. */
const STALLED_READER_MS = 60_000;
/** Input queued beyond this many messages pauses reading from that client. */
const INPUT_HIGH_WATER = 256;

const loopback = (address: string | undefined) =>
  address !== undefined && (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address));

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Cancel keys of the live sessions: CancelRequest arrives on a connection of its own. */
class CancelKeys {
  private next = 1;
  private readonly sessions = new Map<number, { secret: number; session: PgSession }>();

  add(session: PgSession): { processId: number; secret: number } {
    const processId = this.next++;
    const secret = randomInt(0, 2 ** 31);
    this.sessions.set(processId, { secret, session });
    return { processId, secret };
  }

  remove(processId: number) {
    this.sessions.delete(processId);
  }

  cancel(processId: number, secret: number): boolean {
    const entry = this.sessions.get(processId);
    if (!entry || entry.secret !== secret) {
      return false;
    }
    entry.session.cancel();
    return true;
  }
}

/**
 * `touchpoint serve` speaking PostgreSQL (protocol 3.0), so Grafana's
 * built-in PostgreSQL datasource (which can alert), psql, DBeaver and pandas
 * reach the same read-only warehouse as the HTTP API, through the same guard
 * and queue. Written on node:net rather than a library: the one server-side
 * package (pg-gateway) is a beta on web streams covering only startup and
 * sign-in; the query protocols, cancellation and types, the bulk, are ours
 * either way, and node:crypto has what SCRAM needs.
 */
export class PgServer {
  private readonly sockets = new Set<Socket>();
  private active = 0;
  private readonly keys = new CancelKeys();
  private readonly secret: ScramSecret | undefined;
  private readonly secureContext: SecureContext | undefined;

  private constructor(
    private readonly server: Server,
    private readonly options: PgServerOptions
  ) {
    this.secret = options.token ? scramSecret(options.token) : undefined;
    this.secureContext = options.tls
      ? createSecureContext({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) })
      : undefined;
  }

  static async start(options: PgServerOptions): Promise<PgServer> {
    const server = createServer();
    const pg = new PgServer(server, options);
    server.on('connection', (socket) => pg.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: options.host, port: options.port }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return pg;
  }

  address(): AddressInfo {
    return this.server.address() as AddressInfo;
  }

  /** Connections let in and still open. */
  get connections(): number {
    return this.active;
  }

  /** Stops listening and ends every connection (their queries are stopped). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await closed;
  }

  private accept(socket: Socket) {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    // Every socket is tracked, so close() ends it too; only the ones let in count against the limit.
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.active >= this.options.maxConnections) {
      socket.end(errorResponse({ severity: 'FATAL', code: '53300', message: 'sorry, too many clients already' }));
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    this.active += 1;
    socket.once('close', () => {
      this.active -= 1;
    });
    new PgConnection(socket, this.options, this.keys, this.secret, this.secureContext).start();
  }
}

type Phase = 'startup' | 'sasl-initial' | 'sasl-final' | 'ready' | 'closed';

/** One client connection: startup, TLS, sign-in, then its session's messages in order. */
class PgConnection {
  private stream: Socket;
  private readonly framer = new MessageFramer(MAX_MESSAGE_BYTES);
  private readonly queue: FramedMessage[] = [];
  private busy = false;
  private phase: Phase = 'startup';
  private parameters: StartupParameters | undefined;
  private exchange: ScramExchange | undefined;
  private session: PgSession | undefined;
  private processId: number | undefined;
  private output: Buffer[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: PgServerOptions,
    private readonly keys: CancelKeys,
    private readonly secret: ScramSecret | undefined,
    private readonly secureContext: SecureContext | undefined
  ) {
    this.stream = socket;
  }

  start() {
    this.listen(this.socket);
    this.socket.once('close', () => this.closed());
    this.arm(AUTH_TIMEOUT_MS, () => this.socket.destroy());
  }

  private listen(stream: Socket) {
    stream.on('data', (chunk: Buffer) => this.received(chunk));
    stream.on('error', () => stream.destroy());
  }

  private arm(ms: number, onTimeout: () => void) {
    clearTimeout(this.timer);
    this.timer = setTimeout(onTimeout, ms);
    this.timer.unref();
  }

  private closed() {
    this.phase = 'closed';
    clearTimeout(this.timer);
    this.session?.close();
    if (this.processId !== undefined) {
      this.keys.remove(this.processId);
    }
  }

  private received(chunk: Buffer) {
    if (this.phase === 'closed') {
      return;
    }
    try {
      this.queue.push(...this.framer.push(chunk));
    } catch (error) {
      this.fatal(error);
      return;
    }
    if (this.queue.length > INPUT_HIGH_WATER) {
      this.stream.pause();
    }
    void this.drainQueue();
  }

  private async drainQueue() {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      while (this.queue.length > 0 && this.phase !== 'closed') {
        const message = this.queue.shift() as FramedMessage;
        if (this.queue.length < INPUT_HIGH_WATER / 4) {
          this.stream.resume();
        }
        await this.handle(message);
      }
    } catch (error) {
      this.fatal(error);
    } finally {
      this.busy = false;
    }
  }

  private fatal(error: unknown) {
    if (this.phase === 'closed') {
      return;
    }
    const fields: ErrorFields =
      error instanceof ProtocolError
        ? { severity: 'FATAL', code: error.sqlState, message: error.message }
        : { severity: 'FATAL', code: 'XX000', message: errorMessage(error) };
    this.end(fields);
  }

  private end(fields: ErrorFields) {
    this.phase = 'closed';
    this.output = [];
    this.stream.end(errorResponse(fields));
  }

  private write(message: Buffer) {
    this.output.push(message);
  }

  private async flush() {
    if (this.output.length === 0 || this.phase === 'closed') {
      return;
    }
    const data = this.output.length === 1 ? this.output[0] : Buffer.concat(this.output);
    this.output = [];
    this.stream.write(data);
    if (this.stream.writableLength > WRITE_HIGH_WATER) {
      await this.drained();
    }
  }

  /** Waits until the client reads; a client that stops reading is dropped, not waited on forever. */
  private drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(stall);
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      const stall = setTimeout(() => {
        this.options.log.warn(
          { processId: this.processId },
          'PostgreSQL client stopped reading; closing its connection'
        );
        this.stream.destroy();
        done();
      }, STALLED_READER_MS);
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  private async handle(message: FramedMessage) {
    switch (this.phase) {
      case 'startup':
        return this.startup(message.body);
      case 'sasl-initial':
      case 'sasl-final':
        return this.authenticate(message);
      case 'ready': {
        this.arm(this.options.idleTimeoutMs, () => this.idleTimeout());
        const keepOpen = await (this.session as PgSession).handle(parseFrontendMessage(message.type, message.body));
        if (!keepOpen) {
          this.phase = 'closed';
          this.stream.end();
        }
        return;
      }
      case 'closed':
        return;
    }
  }

  private idleTimeout() {
    if (this.session && !this.session.idle) {
      this.arm(this.options.idleTimeoutMs, () => this.idleTimeout());
      return;
    }
    this.end({ severity: 'FATAL', code: '57P05', message: 'terminating connection due to idle-session timeout' });
  }

  private async startup(body: Buffer) {
    if (body.length < 4) {
      throw new ProtocolError('invalid startup packet layout');
    }
    const code = body.readInt32BE(0);
    if (code === SSL_REQUEST) {
      return this.sslRequest();
    }
    if (code === GSSENC_REQUEST) {
      this.stream.write('N');
      return;
    }
    if (code === CANCEL_REQUEST) {
      const reader = new MessageReader(body.subarray(4), 'CancelRequest');
      const processId = reader.int32();
      const secret = reader.int32();
      this.keys.cancel(processId, secret);
      this.phase = 'closed';
      this.stream.end();
      return;
    }
    if (code >>> 16 !== 3) {
      throw new ProtocolError(
        `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}: server supports 3.0`,
        '0A000'
      );
    }
    this.parameters = parseStartupParameters(body);
    if (code !== PROTOCOL_3_0) {
      // A newer 3.x client: say which minor version we speak, as PostgreSQL does.
      const options = Object.keys(this.parameters).filter((name) => name.startsWith('_pq_.'));
      const names = Buffer.concat(options.map((name) => Buffer.from(`${name}\0`)));
      const out = Buffer.alloc(13 + names.length);
      out.write('v', 0);
      out.writeInt32BE(12 + names.length, 1);
      out.writeInt32BE(0, 5);
      out.writeInt32BE(options.length, 9);
      names.copy(out, 13);
      this.write(out);
    }
    if (!this.secret) {
      if (!loopback(this.socket.remoteAddress)) {
        throw new ProtocolError(
          'no password is configured (TOUCHPOINT_TOKEN), so only connections from this machine are accepted; set a token to connect from elsewhere',
          '28000'
        );
      }
      return this.signedIn();
    }
    this.phase = 'sasl-initial';
    this.write(authenticationSasl([SCRAM_MECHANISM]));
    await this.flush();
  }

  private async sslRequest() {
    if (!this.secureContext) {
      this.stream.write('N');
      return;
    }
    if (this.framer.pending > 0 || this.queue.length > 0) {
      // Bytes sent before the TLS handshake would be read as if they came over TLS.
      throw new ProtocolError('received unencrypted data after SSL request');
    }
    this.stream.write('S');
    this.socket.removeAllListeners('data');
    const secure = new TLSSocket(this.socket, { isServer: true, secureContext: this.secureContext });
    this.stream = secure;
    this.listen(secure);
  }

  private async authenticate(message: FramedMessage) {
    if (message.type !== 'p') {
      throw new ProtocolError(`expected a SASL response, got message type '${message.type}'`);
    }
    const user = this.parameters?.user ?? '';
    try {
      if (this.phase === 'sasl-initial') {
        const reader = new MessageReader(message.body, 'SASLInitialResponse');
        const mechanism = reader.cstring();
        if (mechanism !== SCRAM_MECHANISM) {
          throw new ScramFailure(`SASL mechanism ${mechanism} is not supported; use ${SCRAM_MECHANISM}`);
        }
        const length = reader.int32();
        const data = reader.bytes(Math.max(0, length)).toString('utf8');
        this.exchange = new ScramExchange(this.secret as ScramSecret);
        this.write(authenticationSaslContinue(this.exchange.first(data)));
        this.phase = 'sasl-final';
        await this.flush();
        return;
      }
      const final = (this.exchange as ScramExchange).final(message.body.toString('utf8'));
      this.write(authenticationSaslFinal(final));
      await this.signedIn();
    } catch (error) {
      if (!(error instanceof ScramFailure)) {
        throw error;
      }
      this.phase = 'closed';
      this.options.log.warn(
        { user, remote: this.socket.remoteAddress, reason: error.message },
        'PostgreSQL sign-in refused'
      );
      await delay(AUTH_FAILURE_DELAY_MS);
      this.end({
        severity: 'FATAL',
        code: '28P01',
        message:
          error.message === 'wrong password'
            ? `password authentication failed for user "${user}"`
            : `authentication failed for user "${user}": ${error.message}`,
        hint: 'The password is the service token (TOUCHPOINT_TOKEN).',
      });
    }
  }

  private async signedIn() {
    const parameters = this.parameters as StartupParameters;
    this.session = new PgSession(this.sessionOutput(), this.options.executor);
    const key = this.keys.add(this.session);
    this.processId = key.processId;
    this.write(authenticationOk());
    for (const [name, value] of Object.entries(
      reportedParameters(parameters.user, parameters.application_name ?? '')
    )) {
      this.write(parameterStatus(name, value));
    }
    this.write(backendKeyData(key.processId, key.secret));
    this.write(readyForQuery('I'));
    this.phase = 'ready';
    this.arm(this.options.idleTimeoutMs, () => this.idleTimeout());
    await this.flush();
  }

  private sessionOutput(): SessionOutput {
    return { write: (message) => this.write(message), flush: () => this.flush() };
  }
}
