import { ProtocolError } from './protocolError';

/**
 * Reads the fields of one message body. Every read checks the bounds, so a
 * message shorter than it claims fails as a protocol error instead of
 * reading past its end.
 */
export class MessageReader {
  private offset = 0;

  constructor(
    private readonly body: Buffer,
    private readonly what: string
  ) {}

  private need(bytes: number) {
    if (bytes < 0 || this.offset + bytes > this.body.length) {
      throw new ProtocolError(`malformed ${this.what} message: it ends before its fields do`);
    }
  }

  byte(): number {
    this.need(1);
    return this.body[this.offset++];
  }

  int16(): number {
    this.need(2);
    const value = this.body.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.body.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  bytes(length: number): Buffer {
    this.need(length);
    const value = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** A NUL-terminated UTF-8 string. */
  cstring(): string {
    const end = this.body.indexOf(0, this.offset);
    if (end === -1) {
      throw new ProtocolError(`malformed ${this.what} message: a string is not terminated`);
    }
    const value = this.body.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return value;
  }

  /** `count` 16-bit values, after a 16-bit count that must be sane. */
  int16List(): number[] {
    const count = this.int16();
    if (count < 0) {
      throw new ProtocolError(`malformed ${this.what} message: a negative count`);
    }
    return Array.from({ length: count }, () => this.int16());
  }

  get remaining(): number {
    return this.body.length - this.offset;
  }

  /** The message must end here: trailing bytes mean the client and server disagree on its shape. */
  end(): void {
    if (this.remaining !== 0) {
      throw new ProtocolError(`malformed ${this.what} message: ${this.remaining} bytes left over`);
    }
  }
}
