/** One CLI command. `run` returns the exit code; it throws UsageError for bad arguments. */
export interface Command {
  summary: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}
