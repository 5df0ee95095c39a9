import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';
import { serviceDuration } from '@touchpoint/server/src/service/serverTiming';

/** A POST as a proxy sends it, with the raw bytes and headers back (fetch would decode them). */
const post = (url: string, body: unknown, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>(
    (resolve, reject) => {
      const req = request(
        `${url}/api/query`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) })
          );
        }
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    }
  );

const decode = (answer: Awaited<ReturnType<typeof post>>) => {
  const encoding = answer.headers['content-encoding'];
  const text =
    encoding === 'gzip'
      ? gunzipSync(answer.bytes)
      : encoding === 'br'
        ? brotliDecompressSync(answer.bytes)
        : answer.bytes;
  return queryResponseSchema.parse(JSON.parse(text.toString()));
};

describe('touchpoint serve: answers kept encoded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-encoded-'));
  let t: TestService;
  beforeAll(async () => {
    await writeSmallWarehouse(join(dir, 'w.duckdb'));
    t = await startTestService(join(dir, 'w.duckdb'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Large enough to be compressed: every contact of the small warehouse, row by row.
  const body = {
    from: '2024-01-01T00:00:00Z',
    to: '2024-05-01T00:00:00Z',
    queries: [
      { refId: 'rows', kind: 'sql', sql: 'select * from fct_interactions order by interaction_id' },
      { refId: 'csat', kind: 'metric', metric: 'csat', groupBy: ['channel'] },
    ],
  };

  it('serves one answer in the encoding each client accepts, the same frames in every one, marked Vary', async () => {
    const plain = await post(t.url, body);
    const gzip = await post(t.url, body, 'gzip, deflate');
    const br = await post(t.url, body, 'br;q=1.0, gzip;q=0.5');
    const refused = await post(t.url, body, 'gzip;q=0, br;q=0');
    expect([plain, gzip, br, refused].map((a) => [a.status, a.headers['content-encoding'], a.headers.vary])).toEqual([
      [200, undefined, 'accept-encoding'],
      [200, 'gzip', 'accept-encoding'],
      [200, 'br', 'accept-encoding'],
      [200, undefined, 'accept-encoding'],
    ]);
    const frames = decode(plain);
    expect(frames.results.rows.frames[0].data.values[0].length).toBeGreaterThan(5);
    expect(frames.results.csat.error).toBeUndefined();
    expect([decode(gzip), decode(br), decode(refused)]).toEqual([frames, frames, frames]);
    expect(gzip.bytes.length).toBeLessThan(plain.bytes.length);
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers a repeated request from the kept bytes, logging each of its queries as cached', async () => {
    const repeated = { ...body, maxDataPoints: 321 };
    const first = await post(t.url, repeated, 'gzip');
    const second = await post(t.url, repeated, 'gzip');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const lines = t.logs.filter((l) => l.msg === 'query' && (l.refId === 'rows' || l.refId === 'csat'));
    // The first asking runs both queries (in either order); the second logs both from the kept answer.
    const seen = (from: number, to?: number) =>
      lines
        .slice(from, to)
        .map((l) => `${String(l.refId)} ${String(l.cached)}`)
        .sort();
    expect(seen(-4, -2)).toEqual(['csat false', 'rows false']);
    expect(seen(-2)).toEqual(['csat true', 'rows true']);
    // Server-Timing says which it was and how long the service took.
    const timing = [first, second].map((a) => String(a.headers['server-timing']));
    expect(timing.map((h) => /cache;desc=(\w+)/.exec(h)?.[1])).toEqual(['miss', 'hit']);
    const [ranMs, keptMs] = timing.map(serviceDuration);
    expect(ranMs).toBeGreaterThan(0);
    expect(keptMs).toBeGreaterThan(0);
  });

  it('answers a wall refreshing a relative range ending now from the cache: the end past the data is the same answer', async () => {
    // As a dashboard on "now-90d/d to now" asks: the start fixed for the day, the end the clock's now,
    // always after the data's last event. Each refresh has a new end, and the same answer.
    const wall = (now: number) => ({ from: Date.UTC(2024, 1, 1), to: now, queries: body.queries });
    const first = await post(t.url, wall(Date.now()), 'gzip');
    await new Promise((resolve) => setTimeout(resolve, 25));
    const refreshed = await post(t.url, wall(Date.now()), 'gzip');
    const later = await post(t.url, wall(Date.now() + 3_600_000), 'gzip');
    expect(
      [first, refreshed, later].map((a) => /cache;desc=(\w+)/.exec(String(a.headers['server-timing']))?.[1])
    ).toEqual(['miss', 'hit', 'hit']);
    expect(decode(refreshed)).toEqual(decode(first));
    expect(decode(later).results.csat.frames[0].data.values).toEqual(decode(first).results.csat.frames[0].data.values);
  });

  it('does not keep an answer with a failed query: the next asking runs it again', async () => {
    const failing = { ...body, queries: [{ refId: 'bad', kind: 'sql', sql: 'select * from no_such_table' }] };
    const first = decode(await post(t.url, failing, 'gzip'));
    expect(first.results.bad.error?.code).toBe('bad_sql');
    await post(t.url, failing, 'gzip');
    const lines = t.logs.filter((l) => l.msg === 'query' && l.refId === 'bad');
    expect(lines.map((l) => l.cached)).toEqual([false, false]);
  });
});
