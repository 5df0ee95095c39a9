import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 7677's minimum, and PostgreSQL's default. */
const ITERATIONS = 4096;
export const SCRAM_MECHANISM = 'SCRAM-SHA-256';

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** What the server keeps of the password: never the password itself on the wire. */
export interface ScramSecret {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

export const scramSecret = (password: string, salt: Buffer = randomBytes(16)): ScramSecret => {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, ITERATIONS, 32, 'sha256');
  return {
    salt,
    iterations: ITERATIONS,
    storedKey: sha256(hmac(salted, 'Client Key')),
    serverKey: hmac(salted, 'Server Key'),
  };
};

/** Attributes of a SCRAM message: `k=v` separated by commas. */
const attributes = (text: string): Map<string, string> =>
  new Map(
    text.split(',').map((part) => {
      const at = part.indexOf('=');
      return at === -1 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    })
  );

export class ScramFailure extends Error {}

/**
 * The server's side of one SCRAM-SHA-256 exchange (RFC 5802): the client
 * proves it knows the password without sending it, and the server proves it
 * knows it back. No channel binding: a client that insists on it is told so.
 */
export class ScramExchange {
  private clientFirstBare = '';
  private serverFirst = '';
  private gs2Header = '';
  private nonce = '';

  constructor(
    private readonly secret: ScramSecret,
    /** The server's part of the nonce; random unless a test pins it. */
    private readonly serverNonce: () => string = () => randomBytes(18).toString('base64')
  ) {}

  /** The client-first-message; returns the server-first-message. */
  first(message: string): string {
    const match = /^([ny]|p=[^,]*),([^,]*),(.*)$/.exec(message);
    if (!match) {
      throw new ScramFailure('malformed SCRAM client-first-message');
    }
    if (match[1].startsWith('p=')) {
      throw new ScramFailure('channel binding is not supported by this server: connect with channel_binding=disable');
    }
    this.gs2Header = `${match[1]},${match[2]},`;
    this.clientFirstBare = match[3];
    const clientNonce = attributes(this.clientFirstBare).get('r');
    if (!clientNonce) {
      throw new ScramFailure('malformed SCRAM client-first-message: no nonce');
    }
    this.nonce = clientNonce + this.serverNonce();
    this.serverFirst = `r=${this.nonce},s=${this.secret.salt.toString('base64')},i=${this.secret.iterations}`;
    return this.serverFirst;
  }

  /** The client-final-message; returns the server-final-message, or throws when the proof is wrong. */
  final(message: string): string {
    const proofAt = message.lastIndexOf(',p=');
    if (proofAt === -1) {
      throw new ScramFailure('malformed SCRAM client-final-message: no proof');
    }
    const withoutProof = message.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get('r') !== this.nonce) {
      throw new ScramFailure('SCRAM nonce mismatch');
    }
    if (fields.get('c') !== Buffer.from(this.gs2Header).toString('base64')) {
      throw new ScramFailure('SCRAM channel binding mismatch');
    }
    const proof = Buffer.from(message.slice(proofAt + 3), 'base64');
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.secret.storedKey, authMessage);
    if (proof.length !== signature.length) {
      throw new ScramFailure('wrong password');
    }
    const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]));
    if (!timingSafeEqual(sha256(clientKey), this.secret.storedKey)) {
      throw new ScramFailure('wrong password');
    }
    return `v=${hmac(this.secret.serverKey, authMessage).toString('base64')}`;
  }
}
