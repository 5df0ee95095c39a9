import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { healthSchema, type Health } from '@touchpoint/contract/src/serviceResponses';

export interface ServiceProcess {
  url: string;
  /** The PostgreSQL protocol's port, when started with --pg-port. */
  pgPort?: number;
  pid: number;
  /** Peak resident memory of the service process so far, in MB (Linux VmHWM). */
  peakRssMb(): number;
  /** SIGTERM, as a process manager stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const cli = join(__dirname, '..', '..', 'bin', 'touchpoint.js');

/** `touchpoint serve` in its own process, as users run it, on a free loopback port. */
export const startServiceProcess = (
  db: string,
  env: Record<string, string> = {},
  args: string[] = []
): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      'node',
      [cli, 'serve', '--db', db, '--port', '0', '--log-level', 'warn', ...args],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      }
    );
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      const match = /touchpoint serve: (http:\/\/\S+)/.exec(stderr);
      const pg = /PostgreSQL protocol on postgresql:\/\/[^@]*@[^:]+:(\d+)/.exec(stderr);
      const pgAsked = args.includes('--pg-port') || env.TOUCHPOINT_PG_PORT !== undefined;
      if (match && (pg || !pgAsked) && child.pid) {
        const pid = child.pid;
        resolve({
          url: match[1],
          ...(pg ? { pgPort: Number(pg[1]) } : {}),
          pid,
          peakRssMb: () => {
            const status = readFileSync(`/proc/${pid}/status`, 'utf8');
            return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
          },
          stop: () =>
            new Promise<number | null>((done) => {
              child.once('exit', (exitCode) => done(exitCode));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`touchpoint serve exited with ${code}: ${stderr}`)));
  });

/**
 * The service's health once it serves data version `version` (its watcher
 * saw the new file), or the last one seen after `timeoutMs`: the caller
 * asserts on it, so a swap that never comes fails with both versions named.
 */
export const healthOnceServing = async (url: string, version: unknown, timeoutMs = 10_000): Promise<Health> => {
  const deadline = Date.now() + timeoutMs;
  const health = async () => healthSchema.parse(await (await fetch(`${url}/api/health`)).json());
  let now = await health();
  while (now.dataVersion !== version && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = await health();
  }
  return now;
};
