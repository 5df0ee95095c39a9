/** Just past the first `close` from `from`, or the end of the text. */
const endOf = (sql: string, close: string, from: number): number => {
  const end = sql.indexOf(close, from);
  return end === -1 ? sql.length : end + close.length;
};

/**
 * Where a literal or comment starting at `i` ends, or -1 when none starts
 * there: 'strings' (with '' escapes), "identifiers", -- and /* *\/ comments,
 * and $$dollar-quoted$$ strings. Rewriting never looks inside these.
 * Called for every character of every statement, so it makes no closure:
 * each costs an allocation and, as tsx runs the service, a property set.
 */
export const literalEnd = (sql: string, i: number): number => {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] !== c) {
        j += 1;
      } else if (sql[j + 1] === c) {
        j += 2;
      } else {
        return j + 1;
      }
    }
    return sql.length;
  }
  if (c === '-' && next === '-') {
    const end = sql.indexOf('\n', i + 2);
    return end === -1 ? sql.length : end;
  }
  if (c === '/' && next === '*') {
    return endOf(sql, '*/', i + 2);
  }
  if (c === '$' && next === '$') {
    return endOf(sql, '$$', i + 2);
  }
  return -1;
};

/** The index of the parenthesis closing the one at `open`, or -1. */
export const closingParen = (sql: string, open: number): number => {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    const end = literalEnd(sql, i);
    if (end !== -1) {
      i = end;
      continue;
    }
    if (sql[i] === '(') {
      depth += 1;
    } else if (sql[i] === ')') {
      depth -= 1;
      if (depth === 0) {
        return i;
      }
    }
    i += 1;
  }
  return -1;
};

/** Splits a macro's argument text at top-level commas. */
export const splitArguments = (text: string): string[] => {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const end = literalEnd(text, i);
    if (end !== -1) {
      i = end;
      continue;
    }
    const c = text[i];
    if (c === '(') {
      depth += 1;
    } else if (c === ')') {
      depth -= 1;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i += 1;
  }
  const last = text.slice(start).trim();
  if (last || args.length > 0) {
    args.push(last);
  }
  return args;
};

/** What a rewrite puts in place of the text at a position, and where it goes on from. */
export interface Replacement {
  text: string;
  next: number;
}

/**
 * Rewrites SQL outside its literals and comments: each other position is
 * offered to `visit`, which replaces what starts there or (undefined) lets
 * one character through. Literals and comments pass through `literal`,
 * unchanged unless it says otherwise.
 */
export const rewriteOutsideLiterals = (
  sql: string,
  visit: (i: number) => Replacement | undefined,
  literal: (text: string) => string = (text) => text
): string => {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const end = literalEnd(sql, i);
    if (end !== -1) {
      out += literal(sql.slice(i, end));
      i = end;
      continue;
    }
    const replaced = visit(i);
    if (replaced) {
      out += replaced.text;
      i = replaced.next;
    } else {
      out += sql[i];
      i += 1;
    }
  }
  return out;
};
