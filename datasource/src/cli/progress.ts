/**
 * Progress for long work. On a terminal it redraws one status line on stderr;
 * elsewhere (CI, pipes, tests) it stays silent so output remains parseable.
 */
export interface Progress {
  step(message: string): void;
  done(message?: string): void;
}

export const silentProgress: Progress = { step: () => undefined, done: () => undefined };

export const terminalProgress = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (!stream.isTTY) return silentProgress;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    step: (message) => stream.write(`\r\x1b[2K${message} (${elapsed()})`),
    done: (message) => stream.write(`\r\x1b[2K${message ? `${message} (${elapsed()})\n` : ''}`),
  };
};
