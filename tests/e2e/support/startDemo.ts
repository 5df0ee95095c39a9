import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RunningDemo {
  previewUrl: string;
  serviceUrl: string;
  /** Everything the command printed so far. */
  output(): string;
  /** Ctrl+C, as a user stops `npm start`; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const cli = join(__dirname, '..', '..', '..', 'bin', 'touchpoint.js');

/**
 * `touchpoint demo` (what `npm start` runs) in its own process, on free
 * ports, until it prints that it is running: it builds what is stale, then
 * serves the warehouse and the preview page.
 */
export const startDemo = (db: string, token: string): Promise<RunningDemo> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      'node',
      [cli, 'demo', '--db', db, '--port', '0', '--pg-port', '0', '--preview-port', '0', '--token', token],
      {
        env: { ...process.env, TZ: 'UTC' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let output = '';
    const read = (chunk: Buffer) => {
      output += String(chunk);
      const preview = /Preview\s+(http:\/\/\S+?)\/d\//.exec(output);
      const service = /Service\s+(http:\/\/\S+)/.exec(output);
      if (preview && service && output.includes('Press Ctrl+C to stop.')) {
        resolve({
          previewUrl: preview[1],
          serviceUrl: service[1],
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) {
                return done(child.exitCode);
              }
              child.once('exit', (code) => done(code));
              child.kill('SIGINT');
            }),
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`touchpoint demo exited with ${code} before it was running:\n${output}`))
    );
  });
