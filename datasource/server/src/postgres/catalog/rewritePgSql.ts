import { closingParen, literalEnd } from '../../service/sql/sqlLexer';
import { informationSchemaPrefix, informationSchemaViews } from './pgCatalogViews';
import { pgServerIdentity as id } from './pgServerIdentity';

/** OPERATOR(pg_catalog.~) -> ~: psql's schema-qualified operator syntax. */
const qualifiedOperator = /OPERATOR\s*\(\s*(?:pg_catalog\s*\.\s*)?([~!<>=+\-*/%^|&#@]+)\s*\)/iy;
/** COLLATE pg_catalog.default and the like: DuckDB has none of PostgreSQL's collation names. */
const pgCollation = /\s*COLLATE\s+(?:pg_catalog\s*\.\s*)?(?:default\b|"[^"]*")/iy;
/** ::regclass and friends, optionally pg_catalog-qualified. */
const regCast = /::\s*(?:pg_catalog\s*\.\s*)?(regclass|regtype|regnamespace|regproc|oid)\b/iy;
/** PostgreSQL's regex operators, which match anywhere; DuckDB's ~ matches the whole string. */
const regexOperator = /(!?)~(\*?)(\s*)/y;
const word = /[A-Za-z_][A-Za-z0-9_$]*/y;
const dotAfter = /\s*\.\s*/y;
/** After a function's closing parenthesis in FROM: its alias, with no column list. */
const functionAlias = /(\s+AS\s+|\s+)(?!AS\b)([A-Za-z_][A-Za-z0-9_$]*)\b(?!\s*[(.])/iy;
const clauseKeywords = new Set([
  'select',
  'from',
  'where',
  'group',
  'order',
  'having',
  'limit',
  'on',
  'using',
  'union',
]);
const notAliases = new Set([
  'where',
  'group',
  'order',
  'having',
  'limit',
  'on',
  'join',
  'left',
  'right',
  'inner',
  'cross',
  'full',
  'union',
  'using',
  'natural',
  'window',
]);
/** DuckDB's table functions clients put in FROM; any other function there is a scalar one. */
const tableFunctions = new Set(['generate_series', 'unnest', 'range']);

const matchAt = (re: RegExp, sql: string, i: number) => {
  re.lastIndex = i;
  return re.exec(sql);
};

/** What a literal name cast to a reg* type becomes: a lookup by name. */
const regLookup: Record<string, string> = { regclass: 'pg_compat_regclass', regtype: 'pg_compat_regtype' };
/** Other reg* casts keep the number, as PostgreSQL's value is the OID; regproc compares by name. */
const regTarget: Record<string, string> = {
  regclass: 'bigint',
  regtype: 'bigint',
  regnamespace: 'bigint',
  oid: 'bigint',
  regproc: 'varchar',
};

/**
 * Rewrites PostgreSQL-only syntax that clients' catalog queries use so
 * DuckDB parses it and reaches the compatible catalog preparePgConnection
 * creates. Looks only at code, never inside strings, quoted identifiers or
 * comments, and keeps $n parameters as they are.
 *
 * - OPERATOR(pg_catalog.~) -> ~, COLLATE pg_catalog.default -> removed
 * - a ~ 'p', a !~ 'p', ~* -> DuckDB's whole-string match of '(?s).*(?:p).*'
 * - pg_catalog.x -> x: our temp objects come first, then DuckDB's pg_catalog
 * - information_schema.tables/columns/schemata -> ours (PostgreSQL type names)
 * - public.x -> main.x: the model's schema under the name clients assume
 * - FROM f(x) s -> s is f's value, as in PostgreSQL (DuckDB would make s a row)
 * - 'name'::regclass / ::regtype -> a lookup; other reg* and ::oid casts -> the number
 */
export const rewritePgSql = (sql: string): string => {
  let text = sql;
  let out = '';
  let i = 0;
  // Where the previous code token started, to see a literal before ::regclass.
  let lastLiteral: { start: number; end: number } | null = null;
  // The clause each open parenthesis is in, to know a function call in FROM.
  const clauses: string[] = [''];
  while (i < text.length) {
    const end = literalEnd(text, i);
    if (end !== -1) {
      const outStart = out.length;
      out += text.slice(i, end);
      lastLiteral = text[i] === "'" ? { start: outStart, end: out.length } : null;
      i = end;
      continue;
    }
    const operator = matchAt(qualifiedOperator, text, i);
    if (operator) {
      // The bare operator is read again, as if the client had written it.
      text = `${text.slice(0, i)}${operator[1]}${text.slice(i + operator[0].length)}`;
      continue;
    }
    const collation = matchAt(pgCollation, text, i);
    if (collation) {
      i += collation[0].length;
      continue;
    }
    const cast = matchAt(regCast, text, i);
    if (cast) {
      const target = cast[1].toLowerCase();
      const lookup = regLookup[target];
      if (lookup && lastLiteral && lastLiteral.end === out.length) {
        out = `${out.slice(0, lastLiteral.start)}${lookup}(${out.slice(lastLiteral.start)})`;
      } else {
        out += `::${regTarget[target]}`;
      }
      i += cast[0].length;
      lastLiteral = null;
      continue;
    }
    const regex = matchAt(regexOperator, text, i);
    if (regex && text[i - 1] !== '~' && text[i + regex[0].length] === "'") {
      const patternEnd = literalEnd(text, i + regex[0].length);
      const pattern = text.slice(i + regex[0].length + 1, patternEnd - 1);
      out += `${regex[1]}~${regex[3]}'(?s${regex[2] ? 'i' : ''}).*(?:${pattern}).*'`;
      i = patternEnd;
      lastLiteral = null;
      continue;
    }
    const name =
      /[A-Za-z_]/.test(text[i]) && !/[A-Za-z0-9_$.]/.test(out[out.length - 1] ?? '') ? matchAt(word, text, i) : null;
    if (name) {
      const dot = matchAt(dotAfter, text, i + name[0].length);
      const lower = name[0].toLowerCase();
      if (dot) {
        const afterDot = i + name[0].length + dot[0].length;
        const next = matchAt(word, text, afterDot);
        if (lower === 'pg_catalog') {
          i = afterDot;
          continue;
        }
        if (lower === 'information_schema' && next) {
          const view = informationSchemaViews.find((v) => v === next[0].toLowerCase());
          if (view) {
            out += `${informationSchemaPrefix}${view}`;
            i = afterDot + next[0].length;
            continue;
          }
        }
        if (lower === id.publicAlias) {
          out += `${id.modelSchema}.`;
          i = afterDot;
          continue;
        }
      }
      const fromItem = clauses[clauses.length - 1] === 'from' && /(?:\bfrom|\bjoin|,)\s*$/i.test(out);
      const open = i + name[0].length;
      if (fromItem && text[open] === '(') {
        const close = closingParen(text, open);
        const alias = close === -1 ? null : matchAt(functionAlias, text, close + 1);
        if (alias && !notAliases.has(alias[2].toLowerCase())) {
          // PostgreSQL names a one-column function's only column after its alias (FROM f(x) s: s is the value).
          const call = `${name[0]}(${rewritePgSql(text.slice(open + 1, close))})`;
          out += tableFunctions.has(lower)
            ? `${call}${alias[1]}${alias[2]}(${alias[2]})`
            : `(select ${call} as ${alias[2]})${alias[1]}${alias[2]}`;
          i = close + 1 + alias[0].length;
          lastLiteral = null;
          continue;
        }
      }
      if (clauseKeywords.has(lower)) {
        clauses[clauses.length - 1] = lower;
      }
      out += name[0];
      i += name[0].length;
      lastLiteral = null;
      continue;
    }
    if (text[i] === '(') {
      clauses.push('');
    } else if (text[i] === ')' && clauses.length > 1) {
      clauses.pop();
    }
    out += text[i];
    if (!/\s/.test(text[i])) {
      lastLiteral = null;
    }
    i += 1;
  }
  return out;
};
