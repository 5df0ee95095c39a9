import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The query a model file's relation is made of: what its `create or replace
 * table|view <name> as` selects, without comments; undefined when the file
 * does not create a relation of that kind named after it.
 */
export const modelQuery = (file: string, kind: 'table' | 'view'): string | undefined => {
  const sql = readFileSync(file, 'utf8').replace(/--.*$/gm, '');
  const start = new RegExp(`create or replace ${kind} ${basename(file, '.sql')} as\\s`).exec(sql);
  if (!start) {
    return undefined;
  }
  const rest = sql.slice(start.index + start[0].length);
  return rest.slice(0, rest.search(/;\s*(\n|$)/));
};
