import { MessageReader } from './messageReader';
import { ProtocolError } from './protocolError';

/** What Bind, Describe and Close name: a prepared statement or a portal. */
export type Target = 'statement' | 'portal';

export type FrontendMessage =
  | { type: 'query'; sql: string }
  | { type: 'parse'; name: string; sql: string; paramTypes: number[] }
  | {
      type: 'bind';
      portal: string;
      statement: string;
      paramFormats: number[];
      params: Array<Buffer | null>;
      resultFormats: number[];
    }
  | { type: 'describe'; target: Target; name: string }
  | { type: 'execute'; portal: string; maxRows: number }
  | { type: 'close'; target: Target; name: string }
  | { type: 'sync' }
  | { type: 'flush' }
  | { type: 'terminate' }
  | { type: 'password'; body: Buffer };

const target = (reader: MessageReader, what: string): Target => {
  const code = String.fromCharCode(reader.byte());
  if (code === 'S') {
    return 'statement';
  }
  if (code === 'P') {
    return 'portal';
  }
  throw new ProtocolError(`malformed ${what} message: it names '${code}', neither S (statement) nor P (portal)`);
};

const formats = (reader: MessageReader, what: string): number[] => {
  const list = reader.int16List();
  if (list.some((f) => f !== 0 && f !== 1)) {
    throw new ProtocolError(`malformed ${what} message: format codes are 0 (text) or 1 (binary)`);
  }
  return list;
};

/** Parses one typed message of the query phase (protocol 3.0, "Message Formats"). */
export const parseFrontendMessage = (type: string, body: Buffer): FrontendMessage => {
  switch (type) {
    case 'Q': {
      const reader = new MessageReader(body, 'Query');
      const sql = reader.cstring();
      reader.end();
      return { type: 'query', sql };
    }
    case 'P': {
      const reader = new MessageReader(body, 'Parse');
      const name = reader.cstring();
      const sql = reader.cstring();
      const count = reader.int16();
      if (count < 0) {
        throw new ProtocolError('malformed Parse message: a negative parameter count');
      }
      const paramTypes = Array.from({ length: count }, () => reader.int32() >>> 0);
      reader.end();
      return { type: 'parse', name, sql, paramTypes };
    }
    case 'B': {
      const reader = new MessageReader(body, 'Bind');
      const portal = reader.cstring();
      const statement = reader.cstring();
      const paramFormats = formats(reader, 'Bind');
      const count = reader.int16();
      if (count < 0) {
        throw new ProtocolError('malformed Bind message: a negative parameter count');
      }
      const params = Array.from({ length: count }, () => {
        const length = reader.int32();
        if (length < -1) {
          throw new ProtocolError('malformed Bind message: a parameter length below -1');
        }
        return length === -1 ? null : Buffer.from(reader.bytes(length));
      });
      const resultFormats = formats(reader, 'Bind');
      reader.end();
      return { type: 'bind', portal, statement, paramFormats, params, resultFormats };
    }
    case 'D': {
      const reader = new MessageReader(body, 'Describe');
      const result = { type: 'describe' as const, target: target(reader, 'Describe'), name: reader.cstring() };
      reader.end();
      return result;
    }
    case 'E': {
      const reader = new MessageReader(body, 'Execute');
      const portal = reader.cstring();
      const maxRows = reader.int32();
      reader.end();
      return { type: 'execute', portal, maxRows: Math.max(0, maxRows) };
    }
    case 'C': {
      const reader = new MessageReader(body, 'Close');
      const result = { type: 'close' as const, target: target(reader, 'Close'), name: reader.cstring() };
      reader.end();
      return result;
    }
    case 'S':
      return { type: 'sync' };
    case 'H':
      return { type: 'flush' };
    case 'X':
      return { type: 'terminate' };
    case 'p':
      return { type: 'password', body };
    default:
      throw new ProtocolError(`unknown message type '${type}' (0x${type.charCodeAt(0).toString(16)})`);
  }
};

export interface StartupParameters {
  user: string;
  database: string;
  [name: string]: string;
}

/** The StartupMessage's name/value pairs after its protocol version. */
export const parseStartupParameters = (body: Buffer): StartupParameters => {
  const reader = new MessageReader(body.subarray(4), 'StartupMessage');
  const parameters: Record<string, string> = {};
  for (;;) {
    const name = reader.cstring();
    if (name === '') {
      break;
    }
    parameters[name] = reader.cstring();
  }
  reader.end();
  if (!parameters.user) {
    throw new ProtocolError('the startup message names no user', '28000');
  }
  return { ...parameters, user: parameters.user, database: parameters.database ?? parameters.user };
};
