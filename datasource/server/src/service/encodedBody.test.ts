import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { bodyIn, chooseEncoding, COMPRESS_THRESHOLD_BYTES, encodeBody } from './encodedBody';

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

describe('bodyIn', () => {
  it('compresses a large body once per encoding asked for, each decoding to the same text', async () => {
    const json = JSON.stringify({ values: Array.from({ length: 500 }, (_, i) => i * 1.5) });
    const body = encodeBody(json);
    expect(body.encoded.size).toBe(0);
    const gzip = await bodyIn(body, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.bytes).toString()).toBe(json);
    expect([...body.encoded.keys()]).toEqual(['gzip']);
    expect((await bodyIn(body, 'gzip')).bytes).toBe(gzip.bytes);
    const br = await bodyIn(body, 'br');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(json);
    expect(gzip.bytes.length + br.bytes.length).toBeLessThan(body.bytes - body.identity.length);
    expect(await bodyIn(body, 'identity')).toEqual({ bytes: body.identity, encoding: 'identity' });
  });

  it('sends a body under the threshold as it is, whatever the client accepts', async () => {
    const json = JSON.stringify({ results: {} });
    expect(json.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(await bodyIn(encodeBody(json), 'br')).toEqual({ bytes: Buffer.from(json), encoding: 'identity' });
  });
});
