/**
 * The server's messages (protocol 3.0, "Message Formats"): each is a type
 * byte, a 32-bit length that counts itself, and the body.
 */

const message = (type: string, body: Buffer = Buffer.alloc(0)): Buffer => {
  const out = Buffer.allocUnsafe(5 + body.length);
  out[0] = type.charCodeAt(0);
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
};

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');

const int32 = (value: number) => {
  const out = Buffer.allocUnsafe(4);
  out.writeInt32BE(value);
  return out;
};

const int16 = (value: number) => {
  const out = Buffer.allocUnsafe(2);
  out.writeInt16BE(value);
  return out;
};

export const authenticationOk = () => message('R', int32(0));

export const authenticationSasl = (mechanisms: string[]) =>
  message('R', Buffer.concat([int32(10), ...mechanisms.map(cstring), Buffer.from([0])]));

export const authenticationSaslContinue = (data: string) =>
  message('R', Buffer.concat([int32(11), Buffer.from(data, 'utf8')]));

export const authenticationSaslFinal = (data: string) =>
  message('R', Buffer.concat([int32(12), Buffer.from(data, 'utf8')]));

export const parameterStatus = (name: string, value: string) =>
  message('S', Buffer.concat([cstring(name), cstring(value)]));

export const backendKeyData = (processId: number, secret: number) =>
  message('K', Buffer.concat([int32(processId), int32(secret)]));

export type TransactionStatus = 'I' | 'T' | 'E';

export const readyForQuery = (status: TransactionStatus) => message('Z', Buffer.from(status));

export interface FieldDescription {
  name: string;
  typeOid: number;
  typeSize: number;
  typeModifier: number;
  format: 0 | 1;
}

export const rowDescription = (fields: FieldDescription[]) =>
  message(
    'T',
    Buffer.concat([
      int16(fields.length),
      ...fields.flatMap((f) => [
        cstring(f.name),
        int32(0), // table OID: not a column of a PostgreSQL table
        int16(0), // column number
        int32(f.typeOid),
        int16(f.typeSize),
        int32(f.typeModifier),
        int16(f.format),
      ]),
    ])
  );

/** One row; each value already encoded in its column's format, null for SQL NULL. */
export const dataRow = (values: Array<Buffer | null>) => {
  let size = 2;
  for (const v of values) {
    size += 4 + (v?.length ?? 0);
  }
  const body = Buffer.allocUnsafe(size);
  body.writeInt16BE(values.length, 0);
  let at = 2;
  for (const v of values) {
    if (v === null) {
      body.writeInt32BE(-1, at);
      at += 4;
    } else {
      body.writeInt32BE(v.length, at);
      v.copy(body, at + 4);
      at += 4 + v.length;
    }
  }
  return message('D', body);
};

export const commandComplete = (tag: string) => message('C', cstring(tag));
export const emptyQueryResponse = () => message('I');
export const parseComplete = () => message('1');
export const bindComplete = () => message('2');
export const closeComplete = () => message('3');
export const noData = () => message('n');
export const portalSuspended = () => message('s');

export const parameterDescription = (typeOids: number[]) =>
  message('t', Buffer.concat([int16(typeOids.length), ...typeOids.map(int32)]));

export type Severity = 'ERROR' | 'FATAL' | 'WARNING' | 'NOTICE';

export interface ErrorFields {
  severity: Severity;
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the query text. */
  position?: number;
}

const noticeBody = (fields: ErrorFields) =>
  Buffer.concat([
    Buffer.from('S'),
    cstring(fields.severity),
    Buffer.from('V'),
    cstring(fields.severity),
    Buffer.from('C'),
    cstring(fields.code),
    Buffer.from('M'),
    cstring(fields.message),
    ...(fields.detail ? [Buffer.from('D'), cstring(fields.detail)] : []),
    ...(fields.hint ? [Buffer.from('H'), cstring(fields.hint)] : []),
    ...(fields.position ? [Buffer.from('P'), cstring(String(fields.position))] : []),
    Buffer.from([0]),
  ]);

export const errorResponse = (fields: ErrorFields) => message('E', noticeBody(fields));
export const noticeResponse = (fields: ErrorFields) => message('N', noticeBody(fields));
