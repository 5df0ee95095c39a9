import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'bin', 'touchpoint.js');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `touchpoint` executable, as a user would, and returns its exit code and output. */
export const runTouchpoint = (...args: string[]): Promise<CliOutcome> => runTouchpointWithEnv({}, ...args);

/** The same, with environment variables (TOUCHPOINT_*) set for this run. */
export const runTouchpointWithEnv = async (env: Record<string, string>, ...args: string[]): Promise<CliOutcome> => {
  try {
    const { stdout, stderr } = await run('node', [cli, ...args], { env: { ...process.env, TZ: 'UTC', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};
