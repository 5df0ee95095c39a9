import { connect, type Socket } from 'node:net';
import { parse, serialize } from 'pg-protocol';

/** A backend message as pg-protocol parses it: `name` plus its fields. */
export type BackendMessage = { name: string } & Record<string, unknown>;

/**
 * A PostgreSQL client at the message level, for what drivers never send:
 * a row limit on Execute, a Describe of a statement, a malformed message.
 * Signs in without a password (the server must be on loopback without a
 * token). Messages are built and read by pg-protocol, node-postgres's own.
 */
export class RawPgClient {
  private readonly received: BackendMessage[] = [];
  private waiter: (() => void) | undefined;
  closed = false;

  private constructor(readonly socket: Socket) {
    void parse(socket, (message) => {
      this.received.push(message as unknown as BackendMessage);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  static async connect(port: number): Promise<RawPgClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawPgClient(socket);
    client.send(serialize.startup({ user: 'touchpoint', database: 'touchpoint' }));
    await client.until('readyForQuery');
    return client;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Messages received up to and including the first named `name`; rejects if the connection closes first. */
  async until(name: string, timeoutMs = 10_000): Promise<BackendMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.received.findIndex((m) => m.name === name);
      if (at !== -1) {
        return this.received.splice(0, at + 1);
      }
      if (this.closed) {
        throw new Error(`connection closed before ${name}; got ${this.received.map((m) => m.name).join(', ')}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`no ${name} within ${timeoutMs} ms; got ${this.received.map((m) => m.name).join(', ')}`);
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  /** Resolves once the server has closed the connection. */
  async whenClosed(timeoutMs = 10_000): Promise<BackendMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) {
        throw new Error(`the connection stayed open for ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received.splice(0);
  }

  end(): void {
    this.socket.destroy();
  }
}

export { serialize };
