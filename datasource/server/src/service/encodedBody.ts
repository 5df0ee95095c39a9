import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Below this many bytes a body goes out as it is: compressing it saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** The encodings a body is kept in besides identity, the client's preference winning, brotli first on a tie. */
export const contentEncodings = ['br', 'gzip'] as const;
export type ContentEncoding = (typeof contentEncodings)[number];

/**
 * A response body, each encoding made once, when a client first asks for it,
 * and kept: a cache hit only writes bytes.
 */
export interface EncodedBody {
  identity: Buffer;
  encoded: Map<ContentEncoding, Promise<Buffer>>;
  /**
   * What the cache budgets it by: the identity bytes twice, a bound on the
   * identity plus its compressed copies (each a fraction of it for JSON).
   */
  bytes: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// A new answer is compressed before it is sent, so compressing is part of
// its latency: on the agents' answer at scale 100 (2.4 MB of JSON), gzip's
// default level (6) took 43 ms, half the request, and level 1 10 ms for 16%
// more bytes (nginx's default level too); brotli's quality 4 took 12 ms for
// as few bytes as 5 (23 ms) and half gzip's. Brotli's default (11) costs
// tens of milliseconds per 100 kB.
const GZIP_LEVEL = 1;
const BROTLI_QUALITY = 4;

const compress: Record<ContentEncoding, (data: Buffer) => Promise<Buffer>> = {
  gzip: (data) => gzipAsync(data, { level: GZIP_LEVEL }),
  br: (data) => brotliAsync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
};

/** A JSON text as a body that can be served in any encoding. */
export const encodeBody = (json: string): EncodedBody => {
  const identity = Buffer.from(json);
  return { identity, encoded: new Map(), bytes: 2 * identity.length };
};

/**
 * The body's bytes in an encoding and the encoding they are in: identity
 * when asked for or when the body is too small to be worth compressing.
 * Compressed off the event loop, on libuv's pool, once per body and encoding.
 */
export const bodyIn = async (
  body: EncodedBody,
  encoding: ContentEncoding | 'identity'
): Promise<{ bytes: Buffer; encoding: ContentEncoding | 'identity' }> => {
  if (encoding === 'identity' || body.identity.length < COMPRESS_THRESHOLD_BYTES) {
    return { bytes: body.identity, encoding: 'identity' };
  }
  let made = body.encoded.get(encoding);
  if (!made) {
    made = compress[encoding](body.identity);
    body.encoded.set(encoding, made);
  }
  return { bytes: await made, encoding };
};

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 12.5.3):
 * the highest-weighted one the body is kept in; `*` covers the ones not
 * named; q=0 refuses. Identity when none is acceptable or the header is absent.
 */
export const chooseEncoding = (acceptEncoding: string | undefined): ContentEncoding | 'identity' => {
  if (!acceptEncoding) {
    return 'identity';
  }
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) {
      weights.set(name, q === undefined ? 1 : Number(q));
    }
  }
  let best: ContentEncoding | 'identity' = 'identity';
  let bestWeight = 0;
  for (const encoding of contentEncodings) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
};
