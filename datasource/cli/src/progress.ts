import { silentProgress, type Progress } from '@touchpoint/server/src/progress';

/**
 * Progress on a terminal: one status line on stderr, redrawn at each step
 * with the time so far. Off a terminal (CI, pipes, tests) it stays silent.
 */
export const terminalProgress = (stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (!stream.isTTY) {
    return silentProgress;
  }
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    step: (message) => stream.write(`\r\x1b[2K${message} (${elapsed()})`),
    done: (message) => stream.write(`\r\x1b[2K${message ? `${message} (${elapsed()})\n` : ''}`),
  };
};
