import { z } from 'zod';
import { parseOptions, readArgs } from './parseOptions';
import { UsageError } from './usageError';

describe('readArgs and parseOptions: a command line read once, named as the user typed it', () => {
  const flags = {
    db: { type: 'string' },
    'memory-limit': { type: 'string' },
    'no-serve': { type: 'boolean' },
  } as const;

  it('keys dashed flags as the option schemas name them', () => {
    const { values, positionals } = readArgs(
      ['--memory-limit', '1GB', '--no-serve', '--db', 'w.duckdb', 'dir'],
      flags,
      true
    );
    expect(values).toEqual({ memoryLimit: '1GB', noServe: true, db: 'w.duckdb' });
    expect(positionals).toEqual(['dir']);
  });

  it('refuses an unknown flag with a usage error naming it', () => {
    expect(() => readArgs(['--memory', '1GB'], flags)).toThrow(UsageError);
    expect(() => readArgs(['--memory', '1GB'], flags)).toThrow(/--memory/);
  });

  it('names the flag, as typed, whose value the schema refuses', () => {
    const schema = z.object({ memoryLimit: z.string().regex(/^\d+GB$/, 'expected a size such as 4GB') });
    const { values } = readArgs(['--memory-limit', 'lots'], flags);
    expect(() => parseOptions(schema, values)).toThrow('--memory-limit: expected a size such as 4GB');
  });
});
