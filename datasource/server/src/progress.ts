/**
 * Progress of long work (a load, a model build, a seed): each step named as
 * it starts, then done. The CLI draws it on a terminal; everywhere else it is
 * silent, so output stays parseable.
 */
export interface Progress {
  step(message: string): void;
  done(message?: string): void;
}

export const silentProgress: Progress = { step: () => undefined, done: () => undefined };
