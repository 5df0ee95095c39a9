import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractTable } from './contractRules';

export type FileFormat = 'csv' | 'parquet';

export interface TableFile {
  table: ContractTable;
  /** The file's name as the report shows it, e.g. responses.csv.gz. */
  name: string;
  path: string;
  format: FileFormat;
}

export type FoundTableFile =
  { kind: 'found'; file: TableFile } | { kind: 'missing'; expected: string[] } | { kind: 'ambiguous'; names: string[] };

const candidates = (table: ContractTable): Array<{ name: string; format: FileFormat }> => [
  { name: `${table}.csv`, format: 'csv' },
  { name: `${table}.csv.gz`, format: 'csv' },
  { name: `${table}.parquet`, format: 'parquet' },
];

/**
 * The one file holding a contract table. Two candidates for the same table
 * (say a CSV and a Parquet export) are a problem rather than a silent pick:
 * loading the wrong one would pass every check.
 */
export const findTableFile = (dir: string, table: ContractTable): FoundTableFile => {
  const present = candidates(table).filter(({ name }) => existsSync(join(dir, name)));
  if (present.length === 0) {
    return { kind: 'missing', expected: candidates(table).map(({ name }) => name) };
  }
  if (present.length > 1) {
    return { kind: 'ambiguous', names: present.map(({ name }) => name) };
  }
  const [{ name, format }] = present;
  return { kind: 'found', file: { table, name, path: join(dir, name), format } };
};
