import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { RawPgClient, serialize, type BackendMessage } from '../support/rawPgClient';
import { startTestService, type TestService } from '../support/startTestService';

const names = (messages: BackendMessage[]) => messages.map((m) => m.name);

/** A typed message with any body: the framing is right, the content is whatever fast-check makes. */
const typed = (type: string, body: Uint8Array) => {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0, 'latin1');
  out.writeInt32BE(4 + body.length, 1);
  Buffer.from(body).copy(out, 5);
  return out;
};

describe('the PostgreSQL protocol at the message level', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-wire-'));
  const db = join(dir, 'w.duckdb');
  let t: TestService;
  let port: number;

  /** A plain client that must keep working whatever the raw ones do. */
  const stillServes = async () => {
    const c = new Client({ host: '127.0.0.1', port, user: 'touchpoint', database: 'touchpoint' });
    await c.connect();
    try {
      return (await c.query('select count(*)::int as n from dim_branches')).rows[0].n as number;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await writeSmallWarehouse(db);
    // No token: loopback clients sign in without a password, as the raw client does.
    t = await startTestService(db, { pgPort: 0, pgIdleTimeoutMs: 60_000 });
    port = t.service.pg?.address().port as number;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes a prepared statement: its parameter types and its columns, before it runs', async () => {
    const c = await RawPgClient.connect(port);
    c.send(
      serialize.parse({
        name: 'by_branch',
        text: 'select branch_id, opened_at, handle_seconds from fct_interactions where branch_id = $1 and handle_seconds > $2',
      }),
      serialize.describe({ type: 'S', name: 'by_branch' }),
      serialize.sync()
    );
    const messages = await c.until('readyForQuery');
    expect(names(messages)).toEqual(['parseComplete', 'parameterDescription', 'rowDescription', 'readyForQuery']);
    expect(messages[1].dataTypeIDs).toEqual([25, 23]);
    const fields = messages[2].fields as Array<{ name: string; dataTypeID: number }>;
    expect(fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ['branch_id', 25],
      ['opened_at', 1114],
      ['handle_seconds', 23],
    ]);
    c.end();
  });

  it('suspends a portal at Execute row limits and resumes it where it stopped', async () => {
    const c = await RawPgClient.connect(port);
    c.send(
      serialize.parse({ text: 'select range as i from range(5) order by i' }),
      serialize.bind({}),
      serialize.describe({ type: 'P' }),
      serialize.execute({ rows: 2 }),
      serialize.execute({ rows: 2 }),
      serialize.execute({ rows: 2 }),
      serialize.sync()
    );
    const messages = await c.until('readyForQuery');
    expect(names(messages)).toEqual([
      'parseComplete',
      'bindComplete',
      'rowDescription',
      'dataRow',
      'dataRow',
      'portalSuspended',
      'dataRow',
      'dataRow',
      'portalSuspended',
      'dataRow',
      'commandComplete',
      'readyForQuery',
    ]);
    expect(messages.filter((m) => m.name === 'dataRow').map((m) => (m.fields as string[])[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(messages.at(-2)?.text).toBe('SELECT 5');
    c.end();
  });

  it('skips to Sync after an error in the extended protocol, then goes on', async () => {
    const c = await RawPgClient.connect(port);
    c.send(
      serialize.parse({ text: 'select * from no_such_table' }),
      serialize.bind({}),
      serialize.execute({}),
      serialize.sync(),
      serialize.query('select 7 as x')
    );
    const first = await c.until('readyForQuery');
    expect(names(first)).toEqual(['error', 'readyForQuery']);
    expect(first[0].code).toBe('42P01');
    const second = await c.until('readyForQuery');
    expect(names(second)).toEqual(['rowDescription', 'dataRow', 'commandComplete', 'readyForQuery']);
    c.end();
  });

  it('answers an empty query and a comment-only query (a driver ping) with EmptyQueryResponse', async () => {
    const c = await RawPgClient.connect(port);
    c.send(serialize.query(''));
    expect(names(await c.until('readyForQuery'))).toEqual(['emptyQuery', 'readyForQuery']);
    c.send(serialize.query('-- ping'));
    expect(names(await c.until('readyForQuery'))).toEqual(['emptyQuery', 'readyForQuery']);
    c.end();
  });

  it('closes a connection that claims an oversized message, before reading it; others go on', async () => {
    const c = await RawPgClient.connect(port);
    const header = Buffer.alloc(5);
    header.write('Q', 0);
    header.writeInt32BE(512 * 1024 * 1024, 1);
    c.send(header);
    const messages = await c.whenClosed();
    expect(messages.find((m) => m.name === 'error')).toMatchObject({ severity: 'FATAL', code: '54000' });
    expect(await stillServes()).toBe(3);
  });

  it('closes a connection that sends an unknown message type, naming it', async () => {
    const c = await RawPgClient.connect(port);
    c.send(typed('@', Buffer.from('hello')));
    const messages = await c.whenClosed();
    expect(messages.find((m) => m.name === 'error')?.message).toMatch(/unknown message type '@'/);
    expect(await stillServes()).toBe(3);
  });

  it('survives random and truncated messages: each closes or fails its own connection, the server serves others (property test)', async () => {
    const kinds = ['Q', 'P', 'B', 'D', 'E', 'C', 'S', 'H', 'p', 'F', 'd', 'c', 'f', 'X', 'Z'];
    const valid = [
      serialize.query('select 1'),
      serialize.parse({ name: 's', text: 'select $1::int as x', types: [23] }),
      serialize.bind({ statement: 's', values: ['5'] }),
      serialize.describe({ type: 'P' }),
      serialize.execute({ rows: 1 }),
      serialize.close({ type: 'S', name: 's' }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // A message of a real type with a random body.
          fc
            .tuple(fc.constantFrom(...kinds), fc.uint8Array({ maxLength: 64 }))
            .map(([type, body]) => typed(type, body)),
          // A real message cut short, then a Sync: its claimed length swallows what follows.
          fc
            .tuple(fc.constantFrom(...valid), fc.nat())
            .map(([m, cut]) => Buffer.concat([m.subarray(0, 1 + (cut % (m.length - 1))), serialize.sync()])),
          // A real message with its length field lying.
          fc.tuple(fc.constantFrom(...valid), fc.integer({ min: -10, max: 40 })).map(([m, delta]) => {
            const out = Buffer.from(m);
            out.writeInt32BE(m.readInt32BE(1) + delta, 1);
            return Buffer.concat([out, serialize.sync()]);
          }),
          // Noise.
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes))
        ),
        async (bytes) => {
          const c = await RawPgClient.connect(port);
          c.send(bytes, serialize.sync());
          // The connection answers (an error, or rows) and stays in step, is closed by the server, or
          // waits for the rest of a message whose length says more is coming, as PostgreSQL does.
          await c.until('readyForQuery', 300).catch(() => undefined);
          c.end();
          expect(await stillServes()).toBe(3);
          // Whatever it did, the connection is gone once the client is: nothing leaks.
          const deadline = Date.now() + 2000;
          while (t.service.pg?.connections !== 0 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          expect(t.service.pg?.connections).toBe(0);
        }
      ),
      { numRuns: 120 }
    );
  });

  it('closes an idle connection after the idle timeout, with PostgreSQL’s reason', async () => {
    const idle = await startTestService(db, { pgPort: 0, pgIdleTimeoutMs: 400 });
    try {
      const c = await RawPgClient.connect(idle.service.pg?.address().port as number);
      const messages = await c.whenClosed(5000);
      expect(messages.find((m) => m.name === 'error')).toMatchObject({ code: '57P05', severity: 'FATAL' });
    } finally {
      await idle.close();
    }
  });

  it('refuses connections over the limit with "too many clients", and takes new ones once others leave', async () => {
    const limited = await startTestService(db, { pgPort: 0, pgMaxConnections: 2 });
    const limitedPort = limited.service.pg?.address().port as number;
    try {
      const first = await RawPgClient.connect(limitedPort);
      const second = await RawPgClient.connect(limitedPort);
      const third = new Client({ host: '127.0.0.1', port: limitedPort, user: 'touchpoint' });
      await expect(third.connect()).rejects.toMatchObject({ code: '53300' });
      first.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const fourth = await RawPgClient.connect(limitedPort);
      fourth.end();
      second.end();
    } finally {
      await limited.close();
    }
  });

  it('does not let a client that stops reading a large result hold up the others', async () => {
    const reader = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => reader.once('connect', resolve));
    reader.write(serialize.startup({ user: 'touchpoint', database: 'touchpoint' }));
    // Ask for far more than the socket buffers hold, then never read.
    reader.write(serialize.query("select repeat('x', 1000) as filler from range(2000000)"));
    reader.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 8 }, () => stillServes()));
    expect(answers).toEqual(Array(8).fill(3));
    expect(Date.now() - started).toBeLessThan(5000);
    reader.destroy();
  });

  it('refuses non-loopback clients when no token is configured, naming why', async () => {
    const everywhere = await startTestService(db, { host: '0.0.0.0', pgPort: 0 });
    try {
      const address = execFileSync('hostname', ['-I'], { encoding: 'utf8' }).trim().split(/\s+/)[0];
      // The machine's own non-loopback address: connecting to it is not a loopback connection.
      expect(address).toMatch(/^(?!127\.)[\d.]+$|:/);
      const c = new Client({ host: address, port: everywhere.service.pg?.address().port, user: 'touchpoint' });
      await expect(c.connect()).rejects.toMatchObject({
        code: '28000',
        message: expect.stringMatching(/only connections from this machine/),
      });
    } finally {
      await everywhere.close();
    }
  });
});
