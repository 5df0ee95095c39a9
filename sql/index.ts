import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/** The SQL a model runs, without its comments: what it reads is named here. */
const statements = (file: string) => readFileSync(file, 'utf8').replace(/--.*$/gm, '');

/**
 * A layer's models in the order they can be built: each after the models of
 * the same layer that it reads (named in its SQL, as dbt infers refs), ties
 * by name.
 */
const inBuildOrder = (files: string[]): string[] => {
  const name = (file: string) => basename(file, '.sql');
  const reads = new Map(
    files.map((file) => {
      const sql = statements(file);
      return [file, files.filter((other) => other !== file && new RegExp(`\\b${name(other)}\\b`).test(sql))];
    })
  );
  const ordered: string[] = [];
  while (ordered.length < files.length) {
    const next = files.find(
      (file) => !ordered.includes(file) && reads.get(file)?.every((read) => ordered.includes(read))
    );
    if (next === undefined) {
      const left = files.filter((file) => !ordered.includes(file)).map(name);
      throw new Error(`models that read each other cannot be built in order: ${left.join(', ')}`);
    }
    ordered.push(next);
  }
  return ordered;
};

/**
 * Model files in build order: layer by layer (the folders are numbered),
 * and inside a layer each model after those it reads. One model per file,
 * named after the relation it creates.
 */
export const modelFiles = (): string[] => {
  const layers = new Map<string, string[]>();
  for (const file of sqlFilesUnder(modelsDir)) {
    layers.set(dirname(file), [...(layers.get(dirname(file)) ?? []), file]);
  }
  return [...layers.keys()].sort().flatMap((layer) => inBuildOrder(layers.get(layer) ?? []));
};

/** Data tests: each file is a query that returns the rows breaking an invariant. */
export const dataTestFiles = (): string[] => sqlFilesUnder(testsDir);
