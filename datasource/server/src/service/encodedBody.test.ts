import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { chooseEncoding, COMPRESS_THRESHOLD_BYTES, encodeBody } from './encodedBody';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.2', 'gzip'],
    ['deflate, identity', 'identity'],
    ['gzip;q=0.8, br; q=0.9', 'br'],
  ])('answers %j with %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('encodeBody', () => {
  it('keeps a large body in gzip and brotli, each decoding to the same text, and counts every byte held', async () => {
    const json = JSON.stringify({ values: Array.from({ length: 500 }, (_, i) => i * 1.5) });
    const body = await encodeBody(json);
    expect(body.identity.toString()).toBe(json);
    expect(gunzipSync(body.encoded.gzip ?? Buffer.alloc(0)).toString()).toBe(json);
    expect(brotliDecompressSync(body.encoded.br ?? Buffer.alloc(0)).toString()).toBe(json);
    expect(body.bytes).toBe(body.identity.length + (body.encoded.gzip?.length ?? 0) + (body.encoded.br?.length ?? 0));
  });

  it('keeps a body under the threshold as it is', async () => {
    const json = JSON.stringify({ results: {} });
    expect(json.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(await encodeBody(json)).toEqual({ identity: Buffer.from(json), encoded: {}, bytes: json.length });
  });
});
