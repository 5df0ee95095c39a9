/**
 * A client broke the protocol (a malformed, truncated or oversized message,
 * or one out of order). It closes that connection only, with a FATAL error
 * naming what was wrong; the server and every other connection go on.
 */
export class ProtocolError extends Error {
  readonly sqlState: string;

  constructor(message: string, sqlState = '08P01') {
    super(message);
    this.sqlState = sqlState;
  }
}
