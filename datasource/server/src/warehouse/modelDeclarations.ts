import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { modelQuery } from './modelQuery';

/** A reference from a model's column to another model's column. */
export interface ModelReference {
  column: string;
  model: string;
  targetColumn: string;
}

/** A reference's target as the checks name it: `model.column`. */
export const referenceTarget = (reference: Pick<ModelReference, 'model' | 'targetColumn'>) =>
  `${reference.model}.${reference.targetColumn}`;

/**
 * What a model file declares about its relation, in its header comment, as
 * dbt declares it in a schema file beside the model:
 *
 *     -- fct_interactions: one row per interaction (key interaction_id).
 *     -- not null: branch_id, channel, opened_at
 *     -- references: branch_id -> dim_branches.branch_id
 *
 * The grain line names the key; the other lines are optional. A model with
 * one row per row of another, the same key, may say `key held by: other`:
 * its key is then unique because the other's is (a table's checked, a
 * staging view's the raw id the load checks) and their counts agree
 * (sql/tests/grain_preserved.sql), and is not grouped again. Its keys are
 * the other's, so it keeps every key across increments when that one does
 * (projectedChanges.ts).
 */
export interface ModelDeclaration {
  file: string;
  name: string;
  kind: 'table' | 'view';
  /** Empty for a one-row model (no key to repeat). */
  key: string[];
  notNull: string[];
  references: ModelReference[];
  /** The model whose unique key and equal count make this one's key unique, when the header names one. */
  keyHeldBy?: string;
  /**
   * The raw table a view selects every row of, one row each, unfiltered (a staging view): its rows change
   * only where the raw table's did, and it keeps every key, since an increment replaces or adds raw rows
   * and never removes one (projectedChanges.ts).
   */
  projects?: string;
}

/** Raised when a model file breaks the conventions: one relation named after the file, a grain line. */
export class ModelDeclarationError extends Error {}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * A view's raw table when the view is one select of expressions over it, with nothing after the table (no
 * where, join, grouping) and no subquery or distinct in the select list, so each raw row gives one row,
 * and its key columns are the raw table's, selected as they are.
 */
const projectedTable = (file: string, key: string[]): string | undefined => {
  const match = /^\s*select\s([\s\S]*?)\sfrom raw\.([a-z0-9_]+)\s*$/.exec(modelQuery(file, 'view') ?? '');
  if (!match || /\b(select|from|distinct)\b/i.test(match[1])) {
    return undefined;
  }
  const items = match[1].split(',').map((item) => item.trim());
  return key.length > 0 && key.every((column) => items.includes(column)) ? match[2] : undefined;
};

/** The header comment: the lines before the first statement, without their `--`. */
const header = (sql: string): string[] => {
  const lines = sql.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('--'));
  return lines.slice(0, end === -1 ? lines.length : end).map((line) => line.replace(/^--\s?/, ''));
};

export const readModelDeclaration = (file: string): ModelDeclaration => {
  const sql = readFileSync(file, 'utf8');
  const name = basename(file, '.sql');
  const fail = (problem: string) => new ModelDeclarationError(`${file}: ${problem}`);
  const created = [...sql.matchAll(/^create or replace (table|view) ([a-z0-9_]+)/gm)];
  if (created.length !== 1) {
    throw fail(`a model file creates exactly one relation; this one creates ${created.length}`);
  }
  const [, kind, relation] = created[0];
  if (relation !== name) {
    throw fail(`the relation is named after its file: expected ${name}, found ${relation}`);
  }
  const lines = header(sql);
  const text = lines.join(' ');
  if (!text.startsWith(`${name}: one row`)) {
    throw fail(`the header starts with the grain: "-- ${name}: one row per ... (key ...)"`);
  }
  const key = /\(key ([^)]+)\)/.exec(text)?.[1];
  // "one row per ..." has a key to name; a model of a single row ("one row, ...") has none.
  const singleRow = !text.startsWith(`${name}: one row per`);
  if (key === undefined && !singleRow) {
    throw fail('the grain line names the key: "(key a, b)"');
  }
  const declared = (label: string) => lines.find((line) => line.startsWith(`${label}:`))?.slice(label.length + 1) ?? '';
  const references = list(declared('references')).map((item) => {
    const match = /^([a-z0-9_]+) -> ([a-z0-9_]+)\.([a-z0-9_]+)$/.exec(item);
    if (!match) {
      throw fail(`a reference reads "column -> model.column", not "${item}"`);
    }
    return { column: match[1], model: match[2], targetColumn: match[3] };
  });
  const keyHeldBy = declared('key held by').trim() || undefined;
  const declaration: ModelDeclaration = {
    file,
    name,
    kind: kind as 'table' | 'view',
    key: list(key ?? ''),
    notNull: list(declared('not null')),
    references,
    ...(keyHeldBy === undefined ? {} : { keyHeldBy }),
  };
  const projects = kind === 'view' ? projectedTable(file, declaration.key) : undefined;
  if (projects !== undefined) {
    declaration.projects = projects;
  }
  const names = [
    ...(keyHeldBy === undefined ? [] : [keyHeldBy]),
    ...declaration.key,
    ...declaration.notNull,
    ...references.flatMap((r) => [r.column, r.model, r.targetColumn]),
  ];
  const bad = names.find((item) => !identifier.test(item));
  if (bad !== undefined) {
    throw fail(`not a column or model name: "${bad}"`);
  }
  return declaration;
};
