/** One line on stderr for what a command did beside its work, named by the command. */
export const notice =
  (command: string) =>
  (message: string): void => {
    process.stderr.write(`touchpoint ${command}: ${message}\n`);
  };
