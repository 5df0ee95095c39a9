import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Below this many bytes a body goes out as it is: compressing it saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** The encodings a body is kept in besides identity, the client's preference winning, brotli first on a tie. */
export const contentEncodings = ['br', 'gzip'] as const;
export type ContentEncoding = (typeof contentEncodings)[number];

/** A response body encoded once, in every encoding it is served in, so a cache hit only writes bytes. */
export interface EncodedBody {
  identity: Buffer;
  encoded: Partial<Record<ContentEncoding, Buffer>>;
  /** Bytes held across every encoding: what the cache budgets by. */
  bytes: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Brotli's default quality (11) costs tens of milliseconds per 100 kB; 5
// compresses about as well as gzip's default at gzip's speed.
const BROTLI_QUALITY = 5;

/** Encodes a JSON text once: identity, and gzip and brotli when it is worth compressing. */
export const encodeBody = async (json: string): Promise<EncodedBody> => {
  const identity = Buffer.from(json);
  if (identity.length < COMPRESS_THRESHOLD_BYTES) {
    return { identity, encoded: {}, bytes: identity.length };
  }
  // Off the event loop, on libuv's pool, both at once.
  const [gz, br] = await Promise.all([
    gzipAsync(identity),
    brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
  ]);
  return { identity, encoded: { gzip: gz, br }, bytes: identity.length + gz.length + br.length };
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
