import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the SQL lives; the model is plain SQL files run in path order. */
export const sqlRoot = __dirname;
export const rawTablesFile = join(sqlRoot, 'raw', 'raw_tables.sql');
export const referenceFile = join(sqlRoot, 'raw', 'reference.sql');
export const catalogFile = join(sqlRoot, 'catalog', 'metrics.json');
const modelsDir = join(sqlRoot, 'models');
const testsDir = join(sqlRoot, 'tests');

const sqlFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join(dir, name));

/** Model files in build order: layer folders and files are numbered. */
export const modelFiles = (): string[] => sqlFilesUnder(modelsDir);

/** Data tests: each file is a query that returns the rows breaking an invariant. */
export const dataTestFiles = (): string[] => sqlFilesUnder(testsDir);
