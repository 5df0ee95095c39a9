import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTouchpoint } from '../support/runTouchpoint';

describe('touchpoint demo when the preview cannot start', () => {
  let dir: string;
  let taken: Server;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'touchpoint-demo-port-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with the reason and exits, without leaving the service it had started running', async () => {
    const port = (taken.address() as { port: number }).port;
    // runTouchpoint waits for the process to end: a service left listening would hang it past the test's time limit.
    const outcome = await runTouchpoint(
      'demo',
      '--db',
      join(dir, 'demo.duckdb'),
      '--scale',
      '0.05',
      '--port',
      '0',
      '--pg-port',
      '0',
      '--preview-port',
      String(port)
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(new RegExp(`^touchpoint demo: .*EADDRINUSE.*${port}`, 'm'));
    expect(outcome.stdout).not.toMatch(/Touchpoint is running/);
  });
});
