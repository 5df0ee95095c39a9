import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractColumns, type RawTable } from '@touchpoint/seed';

/** An increment's rows: per contract file, its CSV lines without the header. */
export type IncrementRows = Partial<Record<RawTable, string[]>>;

/** Writes `root/name` as an export would: one CSV file per table given, under the contract's header. */
export const writeIncrementFolder = (root: string, name: string, rows: IncrementRows): string => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [table, lines] of Object.entries(rows) as Array<[RawTable, string[]]>) {
    writeFileSync(join(dir, `${table}.csv`), `${[contractColumns[table].join(','), ...lines].join('\n')}\n`);
  }
  return dir;
};
