import type { Command } from './command';
import { errorMessage } from '@touchpoint/server/src/errorMessage';
import { UsageError } from './usageError';

// Each command module is loaded only when used, so `touchpoint sql` does not
// pay for the seed generator or the HTTP server.
const commands: Record<string, () => Promise<Command>> = {
  seed: async () => (await import('./commands/seedCommand')).seedCommand,
  load: async () => (await import('./commands/loadCommand')).loadCommand,
  sql: async () => (await import('./commands/sqlCommand')).sqlCommand,
  serve: async () => (await import('./commands/serveCommand')).serveCommand,
  demo: async () => (await import('./commands/demoCommand')).demoCommand,
};

const help = async (): Promise<string> => {
  const lines = ['touchpoint: the customer-experience warehouse', '', 'commands:'];
  for (const load of Object.values(commands)) {
    const command = await load();
    lines.push(`  ${command.usage.padEnd(64)} ${command.summary}`);
  }
  return lines.join('\n');
};

/** Runs one CLI command; every failure is one clear line on stderr and a non-zero exit code. */
export const main = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`touchpoint: unknown command '${name}'. Run 'touchpoint --help' for the list.\n`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`touchpoint ${name}: ${error.message}\nusage: touchpoint ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`touchpoint ${name}: ${errorMessage(error)}\n`);
    return 1;
  }
};
