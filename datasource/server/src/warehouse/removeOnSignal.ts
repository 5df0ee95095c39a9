import { rmSync } from 'node:fs';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a load builds its file, Ctrl+C or a process manager's stop removes
 * that file before the process ends as the signal would end it: a stopped
 * load leaves nothing behind, not a full copy of the warehouse until the
 * next load. (SIGKILL cannot be caught; the next load removes what it left.)
 * Returns the function that stops listening.
 */
export const removeOnSignal = (paths: string[]): (() => void) => {
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    for (const path of paths) {
      rmSync(path, { force: true });
    }
    process.kill(process.pid, signal);
  };
  const stop = () => {
    for (const signal of signals) {
      process.off(signal, onSignal);
    }
  };
  for (const signal of signals) {
    process.once(signal, onSignal);
  }
  return stop;
};
