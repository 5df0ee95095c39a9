const isTagChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

/** From `start` (at the opening quote) to just past the closing one; a doubled quote is an escaped one. */
const quotedEnd = (sql: string, start: number, quote: string): number => {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return i;
};

/** From `start` (at the opening `$tag$`) to just past the closing one, or the end. */
const dollarQuotedEnd = (sql: string, start: number, delimiter: string): number => {
  const close = sql.indexOf(delimiter, start + delimiter.length);
  return close === -1 ? sql.length : close + delimiter.length;
};

/** The delimiter of a dollar-quoted string starting at `start` (`$$` or `$tag$`), if one does. */
const dollarDelimiter = (sql: string, start: number): string | undefined => {
  if (sql[start + 1] === '$') {
    return '$$';
  }
  if (!isTagChar(sql[start + 1]) || /[0-9]/.test(sql[start + 1])) {
    return undefined;
  }
  let k = start + 2;
  while (isTagChar(sql[k])) {
    k += 1;
  }
  return sql[k] === '$' ? sql.slice(start, k + 1) : undefined;
};

/**
 * What Grafana's PostgreSQL datasource does to a query before it expands
 * macros (since 12.4, and in 13): `--` and `/* *\/` comments are removed,
 * except inside '…' strings, "…" identifiers and $$…$$ or $tag$…$tag$
 * strings; a line comment's newline stays. So a macro in a comment is never
 * expanded, and the comment never reaches the server.
 */
export const stripSqlComments = (sql: string): string => {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '$') {
      const delimiter = dollarDelimiter(sql, i);
      const end = delimiter ? dollarQuotedEnd(sql, i, delimiter) : i + 1;
      out += sql.slice(i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      const end = quotedEnd(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      // Go's loop, quirk included: an unclosed comment keeps its last character.
      i += 2;
      while (i + 1 < sql.length) {
        if (sql[i] === '*' && sql[i + 1] === '/') {
          i += 2;
          break;
        }
        i += 1;
      }
    } else if (c === '-' && sql[i + 1] === '-') {
      const newline = sql.indexOf('\n', i);
      i = newline === -1 ? sql.length : newline;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
};
