import { ProtocolError } from './protocolError';

export interface FramedMessage {
  /** The type byte as a character; '' for the untyped startup-phase messages. */
  type: string;
  body: Buffer;
}

/** PostgreSQL refuses a startup packet over 10,000 bytes; so do we. */
const MAX_STARTUP_BYTES = 10_000;

/**
 * Cuts the byte stream of one connection into messages. Until startup ends,
 * messages have no type byte (StartupMessage, SSLRequest, CancelRequest);
 * after it, each starts with one. A length that is negative, too small or
 * over the limit is a protocol error: the connection closes before the
 * server buffers what the client claims it will send.
 */
export class MessageFramer {
  private buffered: Buffer = Buffer.alloc(0);
  private startup = true;

  constructor(private readonly maxMessageBytes: number) {}

  /** Bytes received but not yet a whole message. */
  get pending(): number {
    return this.buffered.length;
  }

  push(chunk: Buffer): FramedMessage[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: FramedMessage[] = [];
    for (;;) {
      const message = this.next();
      if (!message) {
        return messages;
      }
      messages.push(message);
      // The message after a startup message may already be buffered, and is typed.
      if (this.startup && message.type === '' && message.body.length >= 4) {
        const code = message.body.readInt32BE(0);
        if (code >>> 16 === PROTOCOL_3_0 >>> 16) {
          this.startup = false;
        }
      }
    }
  }

  private next(): FramedMessage | undefined {
    const header = this.startup ? 4 : 5;
    if (this.buffered.length < header) {
      return undefined;
    }
    const type = this.startup ? '' : String.fromCharCode(this.buffered[0]);
    const length = this.buffered.readInt32BE(header - 4);
    const limit = this.startup ? MAX_STARTUP_BYTES : this.maxMessageBytes;
    if (length < 4) {
      throw new ProtocolError(`invalid message length ${length}`);
    }
    if (length > limit) {
      throw new ProtocolError(`message of ${length} bytes is over the limit of ${limit}`, '54000');
    }
    const total = header - 4 + length;
    if (this.buffered.length < total) {
      return undefined;
    }
    const body = this.buffered.subarray(header, total);
    this.buffered = this.buffered.subarray(total);
    return { type, body };
  }
}

/** Protocol version 3.0, as the startup message states it. */
export const PROTOCOL_3_0 = 196608;
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
