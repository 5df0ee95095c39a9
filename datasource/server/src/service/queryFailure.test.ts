import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { QueryError } from './queryError';
import { queryFailure } from './queryFailure';

describe('queryFailure', () => {
  const logged: Array<Record<string, unknown>> = [];
  const app = Fastify({
    logger: {
      stream: new Writable({
        write(chunk, _encoding, done) {
          logged.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    },
  });
  afterAll(() => app.close());

  it('passes a failure the client can act on through as it is, without logging it as a fault', () => {
    const timeout = new QueryError('timeout', 'the query ran longer than 10 s and was stopped');
    expect(queryFailure(timeout, app.log)).toBe(timeout);
    expect(logged).toEqual([]);
  });

  it('answers anything else without its internal text, and logs it in full for the operator', () => {
    const fault = new Error(
      'INTERNAL Error: Attempted to access index 7 within vector of size 3 at /src/duckdb/row.cpp'
    );
    const failure = queryFailure(fault, app.log);
    expect(failure.toJSON()).toEqual({ code: 'internal', message: 'the query failed inside the service; see its log' });
    expect(failure.cause).toBe(fault);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'query failed',
        err: expect.objectContaining({ message: fault.message }),
      }),
    ]);
  });
});
