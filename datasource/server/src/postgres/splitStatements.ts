import { literalEnd } from '../service/sql/sqlLexer';

/**
 * The statements of one simple Query message, split at semicolons outside
 * literals and comments; blank pieces (`;;`, a trailing `;`) are dropped.
 */
export const splitStatements = (sql: string): string[] => {
  const pieces: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const end = literalEnd(sql, i);
    if (end !== -1) {
      i = end;
      continue;
    }
    if (sql[i] === ';') {
      pieces.push(sql.slice(start, i));
      start = i + 1;
    }
    i += 1;
  }
  pieces.push(sql.slice(start));
  return pieces.filter((p) => p.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '');
};
